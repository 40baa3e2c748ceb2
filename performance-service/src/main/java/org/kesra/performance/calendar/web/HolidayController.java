package org.kesra.performance.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kesra.performance.calendar.HolidayCalendar;
import org.kesra.platform.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Kalender", description = "Hari kerja dan tenggat laporan kinerja triwulan")
public class HolidayController {

    private final HolidayCalendar calendar;

    public HolidayController(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/api/v1/holidays/{year}")
    @Operation(summary = "Hari libur nasional dan cuti bersama satu tahun, dasar hitungan hari kerja dan tenggat")
    public HolidayCalendar.YearCalendar year(@PathVariable int year) {
        return calendar.year(year);
    }

    @PutMapping("/api/v1/holidays/{year}")
    @Operation(summary = "Muat atau ganti seluruh daftar hari libur satu tahun (sesudah SKB terbit), dengan alasan;"
            + " setiap perubahan dicatat")
    public HolidayCalendar.YearCalendar replace(@PathVariable int year,
                                                @RequestBody HolidayCalendar.Replacement request) {
        return calendar.replace(Caller.current(), year, request);
    }
}
