package org.kesra.reporting.renstra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.kesra.reporting.sources.SourceProgress;
import org.kesra.reporting.workbook.ChartsReadBack;

/**
 * The Renstra matrix workbook on a report built in memory (no service, no broker): the native chart of capaian per
 * indicator and year references the matrix's capaian column of each year with realisation, and the bytes repeat.
 */
class RenstraMatrixDocumentsTest {

    private static final UUID EVENT = UUID.fromString("0190f3a0-0000-7000-8000-000000000031");

    /** Three indicators, a plan of three years of which the first two have realisation. */
    static RenstraMatrixReport.Report report() {
        List<RenstraMatrixReport.YearColumn> years = List.of(
                new RenstraMatrixReport.YearColumn(2022, "Tahun 1", true, 4, true),
                new RenstraMatrixReport.YearColumn(2023, "Tahun 2", true, 2, false),
                new RenstraMatrixReport.YearColumn(2024, "Kondisi akhir", false, null, false));
        List<RenstraMatrixReport.MatrixRow> rows = new ArrayList<>();
        String[][] indicators = {{"PROGRAM", "1.06.02", "Persentase PPKS yang tertangani", "90", "95"},
            {"KEGIATAN", "1.06.02.2.01", "Jumlah KPM yang menerima bantuan", "80", "101"},
            {"SUB_KEGIATAN", "1.06.02.2.01.01", "Jumlah paket bantuan tersalur", "70", null}};
        for (String[] i : indicators) {
            List<RenstraMatrixReport.YearCell> cells = new ArrayList<>();
            for (RenstraMatrixReport.YearColumn y : years) {
                BigDecimal capaian = !y.hasData() ? null : y.year() == 2022 ? new BigDecimal(i[3])
                        : i[4] == null ? null : new BigDecimal(i[4]);
                cells.add(new RenstraMatrixReport.YearCell(y.year(), new BigDecimal("100"), null, 1_000_000L, null,
                        capaian, capaian, null, capaian == null ? null : 900_000L, null, y.throughQuarter(),
                        y.approved(), capaian == null ? null : EVENT));
            }
            rows.add(new RenstraMatrixReport.MatrixRow(UUID.nameUUIDFromBytes(i[1].getBytes()), i[0], i[1],
                    "Nama " + i[1], true, i[2], "%", new BigDecimal("50"), cells, new BigDecimal("100"), null,
                    3_000_000L, "Dinas Sosial"));
        }
        Instant at = Instant.parse("2024-07-10T03:00:00Z");
        return new RenstraMatrixReport.Report("dinsos", "Dinas Sosial", "opd", new RenstraMatrixReport.Plan(
                UUID.fromString("0190f3a0-0000-7000-8000-000000000032"), 1, "Renstra Dinas Sosial 2022-2024", 2022,
                2024), List.of(1), true, years, rows, List.of(new SourceProgress.Source("performance.events", 3,
                EVENT, "performance.realisation.approved", at, at, 5L)), List.of("Catatan uji."));
    }

    @Test
    void capaianPerIndicatorAndYearIsANativeChartOfTheMatrixCapaianColumns() throws Exception {
        byte[] bytes = RenstraMatrixWorkbook.write(report());
        assertThat(RenstraMatrixWorkbook.write(report())).isEqualTo(bytes);
        String first = CellReference.convertNumToColString(RenstraMatrixWorkbook.LEADING + 4);
        String second = CellReference.convertNumToColString(RenstraMatrixWorkbook.LEADING
                + RenstraMatrixWorkbook.PER_YEAR + 4);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            List<ChartsReadBack.Drawn> charts = ChartsReadBack.charts(workbook.getSheet("Matriks Renstra"));
            assertThat(charts).hasSize(1);
            ChartsReadBack.Drawn chart = charts.get(0);
            assertThat(chart.type()).isEqualTo("BAR");
            assertThat(chart.title()).isEqualTo("Capaian Indikator Renstra per Tahun");
            assertThat(chart.series()).as("the two years with realisation, not the third").isEqualTo(2);
            assertThat(chart.names()).containsExactly("'Matriks Renstra'!$" + first + "$4",
                    "'Matriks Renstra'!$" + second + "$4");
            assertThat(chart.categories()).containsOnly("'Matriks Renstra'!$C$5:$C$7");
            assertThat(chart.values()).containsExactly("'Matriks Renstra'!$" + first + "$5:$" + first + "$7",
                    "'Matriks Renstra'!$" + second + "$5:$" + second + "$7");
            assertThat(workbook.getSheet("Matriks Renstra").getRow(3).getCell(RenstraMatrixWorkbook.LEADING + 4)
                    .getStringCellValue()).isEqualTo("Tahun 1 (2022) Capaian");
        }
    }
}
