package org.kesra.household.wilayah;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.kesra.household.access.RegistryScope;
import org.kesra.household.registry.CodeLists;
import org.kesra.platform.web.ApiProblemException;
import org.kesra.platform.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The region tree (read), and the RW, RT and dasawisma groups of a kelurahan (managed by its staff). */
@RestController
@RequestMapping("/api/v1/wilayah")
@Tag(name = "Wilayah", description = "Kecamatan, kelurahan, RW, RT dan kelompok dasawisma")
public class WilayahController {

    private final WilayahDirectory directory;
    private final RegionUnits units;
    private final CodeLists codes;

    public WilayahController(WilayahDirectory directory, RegionUnits units, CodeLists codes) {
        this.directory = directory;
        this.units = units;
        this.codes = codes;
    }

    @GetMapping
    @Operation(summary = "Pohon wilayah Kota Metro (kode Kemendagri)")
    public List<Wilayah> tree() {
        scope();
        return directory.all();
    }

    @GetMapping("/code-lists")
    @Operation(summary = "Daftar kode isian (pendidikan, disabilitas, data sosial-ekonomi) dengan labelnya")
    public Map<String, Map<String, String>> codeLists() {
        scope();
        return codes.all();
    }

    @GetMapping("/{kelurahan}/rw")
    @Operation(summary = "RW dan RT sebuah kelurahan")
    public List<RegionUnits.Rw> rw(@PathVariable String kelurahan) {
        return units.rws(visible(kelurahan));
    }

    @PostMapping("/{kelurahan}/rw")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tambah RW")
    public RegionUnits.Rw addRw(@PathVariable String kelurahan, @RequestBody NumberRequest request) {
        RegistryScope scope = writable(kelurahan);
        return units.addRw(kelurahan, request.number(), scope.actor());
    }

    @PostMapping("/{kelurahan}/rw/{rw}/rt")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tambah RT pada sebuah RW")
    public RegionUnits.Rw addRt(@PathVariable String kelurahan, @PathVariable String rw,
                                @RequestBody NumberRequest request) {
        RegistryScope scope = writable(kelurahan);
        return units.addRt(kelurahan, rw, request.number(), scope.actor());
    }

    @GetMapping("/{kelurahan}/dasawisma")
    @Operation(summary = "Kelompok dasawisma sebuah kelurahan")
    public List<RegionUnits.Dasawisma> dasawisma(@PathVariable String kelurahan) {
        return units.dasawisma(visible(kelurahan));
    }

    @PostMapping("/{kelurahan}/dasawisma")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Bentuk kelompok dasawisma pada sebuah RT")
    public RegionUnits.Dasawisma addDasawisma(@PathVariable String kelurahan, @RequestBody DasawismaRequest request) {
        RegistryScope scope = writable(kelurahan);
        return units.addDasawisma(kelurahan, request.rw(), request.rt(), request.name(), scope.actor());
    }

    public record NumberRequest(String number) {
    }

    public record DasawismaRequest(String rw, String rt, String name) {
    }

    private static RegistryScope scope() {
        return RegistryScope.of(Caller.current());
    }

    private String visible(String kelurahan) {
        RegistryScope scope = scope();
        if (!directory.isKelurahan(kelurahan) || !scope.covers(kelurahan)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "HH-TIDAK-DITEMUKAN", "Kelurahan tidak ditemukan",
                    "Tidak ada kelurahan " + kelurahan + " di wilayah Anda.");
        }
        return kelurahan;
    }

    private RegistryScope writable(String kelurahan) {
        visible(kelurahan);
        RegistryScope scope = scope();
        scope.requireWritableKelurahan(kelurahan);
        return scope;
    }
}
