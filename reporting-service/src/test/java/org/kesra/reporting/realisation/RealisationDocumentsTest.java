package org.kesra.reporting.realisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.kesra.reporting.sources.SourceProgress;
import org.kesra.reporting.workbook.ChartsReadBack;
import org.kesra.reporting.workbook.ReportWorkbook;

/**
 * The realisation reports' writers on reports built in memory from seed 001's figures (no service, no broker): the
 * native charts of Tabel 2.1 and of the Sembako months and the cells they reference, the Sembako PDF's text, the
 * same bytes twice. The Sembako PDF is written to {@code target/sembako-monthly.pdf} to be rendered and looked at.
 */
class RealisationDocumentsTest {

    private static final UUID EVENT = UUID.fromString("0190f3a0-0000-7000-8000-000000000021");
    private static final Instant AT = Instant.parse("2020-01-06T03:00:00Z");
    private static final List<SourceProgress.Source> SOURCES = List.of(new SourceProgress.Source("welfare.events", 9,
            EVENT, "welfare.benefit-cycle.opened", AT, AT, 7L));

    /** Seed 001 Tabel 2.1, 2018: four stages. */
    static RealisationReports.PkhReport pkh() {
        long[][] stages = {{1_931, 1_608_018_750}, {1_915, 1_143_225_000}, {1_903, 1_425_450_000},
            {1_869, 1_079_775_000}};
        List<RealisationReports.StageRow> rows = new ArrayList<>();
        for (int i = 0; i < stages.length; i++) {
            rows.add(new RealisationReports.StageRow(i + 1, String.valueOf(i + 1), "TAHAP",
                    LocalDate.of(2018, 1 + 3 * i, 1), LocalDate.of(2018, 3 + 3 * i, 28), stages[i][0], stages[i][1],
                    stages[i][0], stages[i][1], RealisationReports.REPORTED, new BigDecimal("100.00"), null, null,
                    null, EVENT, null));
        }
        return new RealisationReports.PkhReport("PKH", 2018, "2018", "Tahun 2018", LocalDate.of(2018, 1, 1),
                LocalDate.of(2018, 12, 31), true, rows, new RealisationReports.Total(4, 7_618, 5_256_468_750L, 7_618,
                5_256_468_750L, 0, new BigDecimal("100.00")), List.of(), List.of("Catatan uji."), SOURCES);
    }

    /** The Sembako months seed 001 states for 2019: April to July 5.761 KPM, August 5.891, at Rp 110.000. */
    static RealisationReports.MonthlyReport sembako(boolean withData) {
        List<RealisationReports.MonthRow> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            String name = ReportWorkbook.MONTHS.get(m - 1);
            Long kpm = !withData || m < 4 || m > 8 ? null : m == 8 ? 5_891L : 5_761L;
            months.add(kpm == null
                    ? new RealisationReports.MonthRow(m, name, false, null, null, null, null, null, null, List.of())
                    : new RealisationReports.MonthRow(m, name, true, name, kpm, kpm, RealisationReports.REPORTED,
                    kpm * 110_000, kpm * 110_000, List.of(EVENT)));
        }
        return new RealisationReports.MonthlyReport("SEMBAKO", withData ? 2019 : 2015, withData ? "2019" : "2015",
                withData ? "Tahun 2019" : "Tahun 2015", LocalDate.of(withData ? 2019 : 2015, 1, 1),
                LocalDate.of(withData ? 2019 : 2015, 12, 31), withData, months, List.of(),
                List.of(withData ? "7 bulan tanpa penyaluran yang diterbitkan ditandai \"tidak ada penyaluran\", "
                        + "bukan nol." : "Belum ada penyaluran SEMBAKO tahun 2015 yang diterbitkan welfare-service."), SOURCES);
    }

    @Test
    void table21CarriesANativeBarChartOfSp2dAgainstRealisedRupiahPerStage() throws Exception {
        byte[] bytes = RealisationWorkbook.write(pkh());
        assertThat(RealisationWorkbook.write(pkh())).isEqualTo(bytes);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            List<ChartsReadBack.Drawn> charts = ChartsReadBack.charts(workbook.getSheet("Tabel 2.1 Realisasi"));
            assertThat(charts).hasSize(1);
            ChartsReadBack.Drawn chart = charts.get(0);
            assertThat(chart.type()).isEqualTo("BAR");
            assertThat(chart.title()).isEqualTo("Nominal SP2D dan Realisasi PKH per Tahap 2018");
            assertThat(chart.names()).containsExactly("'Tabel 2.1 Realisasi'!$E$4", "'Tabel 2.1 Realisasi'!$G$4");
            assertThat(chart.categories()).containsOnly("'Tabel 2.1 Realisasi'!$B$5:$B$8");
            assertThat(chart.values()).as("the four stages, not the year's sum below them")
                    .containsExactly("'Tabel 2.1 Realisasi'!$E$5:$E$8", "'Tabel 2.1 Realisasi'!$G$5:$G$8");
            assertThat(chart.valueFormat()).isEqualTo("#,##0,,");
            assertThat(ChartsReadBack.charts(workbook.getSheet("Temuan"))).isEmpty();
        }
    }

    @Test
    void theSembakoMonthsAreANativeLineChartOfTheTwelveMonthsCells() throws Exception {
        byte[] bytes = RealisationWorkbook.write(sembako(true));
        assertThat(RealisationWorkbook.write(sembako(true))).isEqualTo(bytes);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            List<ChartsReadBack.Drawn> charts = ChartsReadBack.charts(workbook.getSheet("KPM per Bulan"));
            assertThat(charts).hasSize(1);
            ChartsReadBack.Drawn chart = charts.get(0);
            assertThat(chart.type()).isEqualTo("LINE");
            assertThat(chart.title()).isEqualTo("Jumlah KPM BPNT/Program Sembako per Bulan Tahun 2019");
            assertThat(chart.names()).containsExactly("'KPM per Bulan'!$C$4", "'KPM per Bulan'!$D$4");
            assertThat(chart.categories()).containsOnly("'KPM per Bulan'!$A$5:$A$16");
            assertThat(chart.values()).containsExactly("'KPM per Bulan'!$C$5:$C$16", "'KPM per Bulan'!$D$5:$D$16");
            assertThat(chart.points()).containsOnly(12);
        }
        try (XSSFWorkbook empty = new XSSFWorkbook(new ByteArrayInputStream(RealisationWorkbook.write(
                sembako(false))))) {
            assertThat(ChartsReadBack.charts(empty.getSheet("KPM per Bulan"))).as("no month to draw").isEmpty();
        }
    }

    @Test
    void theSembakoPdfHasTheMonthsTheirFiguresAndItsChartAndTheSameBytesTwice() throws Exception {
        byte[] first = RealisationPdf.write(sembako(true));
        Thread.sleep(1_100);
        assertThat(RealisationPdf.write(sembako(true))).isEqualTo(first);
        assertThat(RealisationPdf.fileName(sembako(true))).isEqualTo("kpm-bulanan-sembako-2019.pdf");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "sembako-monthly.pdf"), first);
        try (PDDocument pdf = Loader.loadPDF(first)) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("JUMLAH KPM BPNT/PROGRAM SEMBAKO PER BULAN KOTA METRO", "Tahun 2019",
                    "Januari tidak ada penyaluran", "April April 5.761 5.761 633.710.000 633.710.000 laporan tahap",
                    "Agustus Agustus 5.891 5.891 648.010.000 648.010.000",
                    "Grafik Jumlah KPM BPNT/Program Sembako per Bulan Tahun 2019", "welfare.events");
            assertThat(text).as("no figure for a month without a round").doesNotContain("Januari 0");
            assertThat(pdf.getDocumentInformation().getTitle())
                    .isEqualTo("Jumlah KPM BPNT/Program Sembako per Bulan - Kota Metro - Tahun 2019");
            // rendered, to be looked at (target/sembako-monthly-page1.png; docs/reports holds the one looked at)
            java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(pdf)
                    .renderImageWithDPI(0, 60);
            assertThat(page.getWidth()).isGreaterThan(400);
            javax.imageio.ImageIO.write(page, "png", Path.of("target", "sembako-monthly-page1.png").toFile());
        }
        try (PDDocument empty = Loader.loadPDF(RealisationPdf.write(sembako(false)))) {
            String text = new PDFTextStripper().getText(empty).replaceAll("\\s+", " ");
            assertThat(text).contains("Belum ada penyaluran SEMBAKO Tahun 2015 yang diterbitkan")
                    .doesNotContain("Grafik Jumlah KPM");
        }
    }
}
