package org.kesra.reporting.recap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kesra.devinfra.Digests.sha256;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.kesra.reporting.sources.SourceProgress;

class RecapWorkbookTest {

    static PpksRecap.Recap recap() {
        List<PpksRecap.ProgrammeFigure> kpm = List.of(new PpksRecap.ProgrammeFigure("PKH", 1_234, 1_234_567_000L));
        PpksRecap.Row row = new PpksRecap.Row("18.72.03.1001", "Mulyojati", 10, 31, 3, 2, new BigDecimal("66.67"),
                kpm, UUID.fromString("0190a3c2-0000-7000-8000-000000000001"));
        PpksRecap.Row total = new PpksRecap.Row(null, "Jumlah", 10, 31, 3, 2, new BigDecimal("66.67"), kpm, null);
        Instant last = Instant.parse("2026-11-30T03:04:05Z");
        return new PpksRecap.Recap("2026-Q4", "Triwulan IV 2026", LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 12, 31), new PpksRecap.Area("18.72.03", "Metro Barat", "kecamatan"), true,
                List.of("PKH"), List.of(row), total,
                List.of(new SourceProgress.Source("household.events", 41,
                                UUID.fromString("0190a3c2-0000-7000-8000-000000000002"), "household.member.added",
                                last, Instant.now(), 12L),
                        new SourceProgress.Source("welfare.events", 1, null, null, null, null, null)),
                List.of("catatan"));
    }

    @Test
    void theSameRecapGivesTheSameBytesSecondsApart() throws Exception {
        byte[] first = RecapWorkbook.write(recap());
        Thread.sleep(2_100); // the zip format stores times to 2 s
        byte[] second = RecapWorkbook.write(recap());
        assertThat(sha256(second)).isEqualTo(sha256(first));
    }

    @Test
    void titleCarriesPeriodAndDataVersionInIndonesian() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(RecapWorkbook.write(recap())))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Rekapitulasi PPKS dan Program - Kecamatan Metro Barat - Triwulan IV 2026");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo(
                    "Periode 2026-10-01 s.d. 2026-12-31; versi data: household.events 41 peristiwa s.d. "
                            + "30 November 2026 10:04:05 WIB, welfare.events 1 peristiwa");
            assertThat(workbook.getProperties().getCoreProperties().getCreated())
                    .isEqualTo(java.util.Date.from(Instant.parse("2026-11-30T03:04:05Z")));
        }
    }

    @Test
    void printsEverySheetOnA4LandscapeOnePageWideWithTheHeaderRepeated() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(RecapWorkbook.write(recap())))) {
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                org.apache.poi.xssf.usermodel.XSSFSheet sheet = workbook.getSheetAt(i);
                assertThat(sheet.getFitToPage()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getPrintSetup().getLandscape()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).as(sheet.getSheetName()).isEqualTo((short) 1);
                assertThat(sheet.getPrintSetup().getPaperSize())
                        .isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
                assertThat(sheet.getRepeatingRows()).as(sheet.getSheetName()).isNotNull();
                assertThat(sheet.getRepeatingRows().getFirstRow()).isZero();
            }
        }
    }
}
