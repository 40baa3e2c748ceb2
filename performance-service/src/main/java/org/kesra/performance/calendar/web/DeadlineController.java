package org.kesra.performance.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.kesra.performance.calendar.Deadlines;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Kalender", description = "Hari kerja dan tenggat laporan kinerja triwulan")
public class DeadlineController {

    private final Deadlines deadlines;

    public DeadlineController(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @GetMapping("/api/v1/reporting-deadlines")
    @Operation(summary = "Tenggat laporan triwulan (5 hari kerja sesudah triwulan berakhir, tanpa Sabtu, Minggu,"
            + " libur nasional dan cuti bersama) dan keterlambatan suatu tanggal penyerahan dalam hari kerja")
    public Deadlines.Answer deadline(@RequestParam(name = "tahun", required = false) Integer year,
                                     @RequestParam(name = "triwulan", required = false) Integer quarter,
                                     @RequestParam(name = "diserahkan", required = false)
                                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate submittedOn) {
        return deadlines.of(year, quarter, submittedOn);
    }
}
