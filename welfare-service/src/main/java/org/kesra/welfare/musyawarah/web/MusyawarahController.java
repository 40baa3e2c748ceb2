package org.kesra.welfare.musyawarah.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Paging;
import org.kesra.welfare.accesslog.web.ReadsFullNik;
import org.kesra.welfare.authorization.WelfareAccess;
import org.kesra.welfare.musyawarah.MusyawarahProposals;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Musyawarah kelurahan", description = "Usulan tambah/hapus penerima dari musyawarah kelurahan dan keputusannya")
public class MusyawarahController {

    private final MusyawarahProposals proposals;

    public MusyawarahController(MusyawarahProposals proposals) {
        this.proposals = proposals;
    }

    @PostMapping("/api/v1/musyawarah-proposals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ajukan usulan TAMBAH (LAYAK) atau HAPUS (MENINGGAL, MAMPU, PINDAH) hasil musyawarah")
    public MusyawarahProposals.Proposal propose(@RequestBody MusyawarahProposals.NewProposal request) {
        return proposals.propose(request, Caller.current());
    }

    @GetMapping("/api/v1/musyawarah-proposals")
    @ReadsFullNik(WelfareAccess.FullNikReaders.MUSYAWARAH_PARTIES)
    @Operation(summary = "Usulan di wilayah Anda (halaman), menurut status")
    public PageResponse<MusyawarahProposals.Proposal> list(@RequestParam(required = false) String status,
                                                           @Paging.PageSize(value = 20, max = 200) Paging paging) {
        Caller caller = Caller.current();
        // Proposers and approvers work with the NIK; an auditor reads it masked, as in every other register.
        boolean full = WelfareAccess.FullNikReaders.MUSYAWARAH_PARTIES.include(caller);
        return proposals.list(caller, status, paging.page(), paging.size()).map(p -> full ? p
                : new MusyawarahProposals.Proposal(p.id(), p.kelurahanCode(), p.programme(), p.kind(),
                        WelfareAccess.masked(p.nik()), p.personId(), p.reason(), p.meetingDate(), p.note(), p.status(),
                        p.proposedBy(), p.decidedBy(), p.decisionReason()));
    }

    @PostMapping("/api/v1/musyawarah-proposals/{id}/decision")
    @Operation(summary = "Putuskan usulan: DISETUJUI atau DITOLAK, dengan alasan (bukan oleh pengusul)")
    public MusyawarahProposals.Proposal decide(@PathVariable UUID id,
                                               @RequestBody MusyawarahProposals.Decision request) {
        return proposals.decide(id, request, Caller.current());
    }
}
