package org.kesra.events.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.PageResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator API over this service's dead letters. */
@RestController
@RequestMapping("/api/v1/ops/dead-letters")
@PreAuthorize("hasRole('platform-admin')")
@Tag(name = "Operasi: dead letter", description = "Event yang gagal diproses setelah beberapa kali dicoba")
public class DeadLetterController {

    private final DeadLetterStore store;
    private final DeadLetterService service;

    public DeadLetterController(DeadLetterStore store, DeadLetterService service) {
        this.store = store;
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Daftar dead letter, terbaru terakhir")
    public PageResponse<DeadLetter.Summary> list(
            @RequestParam(required = false) @Pattern(regexp = "NEW|REDRIVEN|DISCARDED",
                    message = "status harus NEW, REDRIVEN atau DISCARDED") String status,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "halaman mulai dari 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "ukuran halaman minimal 1")
            @Max(value = 200, message = "ukuran halaman maksimal 200") int size) {
        return store.list(Optional.ofNullable(status), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Satu dead letter dengan header dan isi event")
    public DeadLetter get(@PathVariable long id) {
        return store.find(id).orElseThrow(() -> DeadLetterService.notFound(id));
    }

    @PostMapping("/{id}/redrive")
    @Operation(summary = "Proses ulang event setelah penyebabnya diperbaiki")
    public DeadLetter redrive(@PathVariable long id) {
        return service.redrive(id, Caller.current().name());
    }

    @PostMapping("/{id}/discard")
    @Operation(summary = "Abaikan event dengan alasan tertulis")
    public DeadLetter discard(@PathVariable long id, @Valid @RequestBody DiscardRequest request) {
        return service.discard(id, Caller.current().name(), request.reason());
    }

    public record DiscardRequest(
            @NotBlank(message = "alasan wajib diisi") @Size(max = 500, message = "alasan maksimal 500 karakter")
            String reason) {
    }
}
