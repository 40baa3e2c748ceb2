package org.kesra.performance.calendar;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kesra.performance.Findings;
import org.kesra.performance.PerformanceProblems;
import org.kesra.platform.web.Caller;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * One year's national holidays and cuti bersama as data: read by anyone who reads deadlines, replaced as a whole by a
 * platform admin when the year's decree is out (or corrected), each replacement audited with its reason and the list
 * before and after. Writes the {@code holiday} and {@code holiday_change} tables (with {@link Deadlines} reading the
 * former). Lateness already recorded at a first submission is not recounted when a calendar changes: it was counted
 * on the calendar in force that day.
 */
@Service
public class HolidayCalendar {

    static final Set<String> KINDS = Set.of("libur", "cuti_bersama");
    static final int MAX_REASON = 500;
    static final int MAX_NAME = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public HolidayCalendar(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Schema(name = "HariLibur", description = "Satu hari libur nasional atau cuti bersama")
    public record Day(@Schema(description = "Tanggal (yyyy-mm-dd)", example = "2027-01-01") LocalDate date,
                      @Schema(description = "libur (libur nasional) atau cuti_bersama", example = "libur") String kind,
                      @Schema(description = "Nama hari libur menurut SKB", example = "Tahun Baru 2027 Masehi")
                      String name) {
    }

    @Schema(name = "PenggantianHariLibur", description = "Daftar lengkap hari libur satu tahun, menggantikan yang ada")
    public record Replacement(@Schema(description = "Alasan, misalnya nomor SKB") String reason, List<Day> days) {
    }

    @Schema(name = "KalenderHariLibur", description = "Hari libur satu tahun dan perubahan terakhirnya")
    public record YearCalendar(int year, List<Day> days,
                               @Schema(description = "Perubahan terakhir lewat API, bila ada") Change lastChange) {
    }

    @Schema(name = "PerubahanHariLibur")
    public record Change(String changedBy, OffsetDateTime changedAt, String reason) {
    }

    @Transactional(readOnly = true)
    public YearCalendar year(int year) {
        checkYear(year);
        return new YearCalendar(year, days(year), lastChange(year));
    }

    /** Replaces the year's whole list; everything wrong in the request is refused at once, nothing written. */
    @Transactional
    public YearCalendar replace(Caller caller, int year, Replacement request) {
        checkYear(year);
        Findings findings = new Findings();
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            findings.add(PerformanceProblems.HOLIDAY_INVALID, "/reason",
                    "Alasan perubahan wajib diisi (misalnya nomor SKB hari libur nasional dan cuti bersama).");
        } else if (reason.length() > MAX_REASON) {
            findings.add(PerformanceProblems.HOLIDAY_INVALID, "/reason",
                    "Alasan paling panjang " + MAX_REASON + " karakter.");
        }
        List<Day> days = request == null || request.days() == null ? List.of() : request.days();
        if (days.isEmpty()) {
            findings.add(PerformanceProblems.HOLIDAY_INVALID, "/days",
                    "Daftar hari libur tahun " + year + " kosong: setiap tahun mempunyai hari libur nasional.");
        }
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            String at = "/days/" + i;
            if (day == null) {
                findings.add(PerformanceProblems.HOLIDAY_INVALID, at, "Baris hari libur kosong.");
                continue;
            }
            if (day.date() == null) {
                findings.add(PerformanceProblems.HOLIDAY_INVALID, at + "/date", "Tanggal wajib diisi.");
            } else if (day.date().getYear() != year) {
                findings.add(PerformanceProblems.HOLIDAY_INVALID, at + "/date",
                        "Tanggal " + day.date() + " bukan tahun " + year + ".");
            } else if (!seen.add(day.date())) {
                findings.add(PerformanceProblems.HOLIDAY_INVALID, at + "/date",
                        "Tanggal " + day.date() + " disebut lebih dari sekali.");
            }
            if (day.kind() == null || !KINDS.contains(day.kind())) {
                findings.add(PerformanceProblems.HOLIDAY_INVALID, at + "/kind",
                        "Jenis harus libur atau cuti_bersama.");
            }
            if (day.name() != null && day.name().strip().length() > MAX_NAME) {
                findings.add(PerformanceProblems.HOLIDAY_INVALID, at + "/name",
                        "Nama hari libur paling panjang " + MAX_NAME + " karakter.");
            }
        }
        findings.refuseIfAny("Daftar hari libur tahun " + year + " tidak dapat dimuat.");

        List<Day> before = days(year);
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        jdbc.sql("DELETE FROM holiday WHERE date BETWEEN ? AND ?").params(first, last).update();
        List<Day> after = days.stream().sorted((a, b) -> a.date().compareTo(b.date()))
                .map(d -> new Day(d.date(), d.kind(), d.name() == null || d.name().isBlank() ? null : d.name().strip()))
                .toList();
        batch.batchUpdate("INSERT INTO holiday (date, kind, name) VALUES (?, ?, ?)",
                after.stream().map(d -> new Object[] {d.date(), d.kind(), d.name()}).toList());
        jdbc.sql("INSERT INTO holiday_change (year, changed_by, changed_at, reason, days_before, days_after)"
                        + " VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb)")
                .params(year, caller.name(), Timestamp.from(Instant.now()), reason, JSON.writeValueAsString(before),
                        JSON.writeValueAsString(after)).update();
        return new YearCalendar(year, after, lastChange(year));
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            Findings findings = new Findings();
            findings.add(PerformanceProblems.HOLIDAY_INVALID, "/year", "Tahun harus antara 2000 dan 2100.");
            findings.refuseIfAny("Tahun kalender tidak sah.");
        }
    }

    private List<Day> days(int year) {
        return jdbc.sql("SELECT date, kind, name FROM holiday WHERE date BETWEEN ? AND ? ORDER BY date")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3))).list();
    }

    private Change lastChange(int year) {
        return jdbc.sql("SELECT changed_by, changed_at, reason FROM holiday_change WHERE year = ? ORDER BY id DESC"
                        + " LIMIT 1").param(year)
                .query((rs, n) -> new Change(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3)))
                .optional().orElse(null);
    }
}
