package org.kesra.performance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Seed 001 Tabel 6.1 (Dinas Sosial, Renstra matrix) as an agency's spreadsheet: a two-row header whose year groups
 * ("Tahun 1" ... "Tahun 5", "Kondisi Kinerja pada Akhir Periode") are merged over their Target and Rp columns and
 * whose other titles are merged over both rows, the row of column numbers, then the seed's rows: misi, tujuan,
 * sasaran (with the IKU of Tabel 7.1), the support programme X.XX.01 with its two kegiatan and their sub-kegiatan, and
 * the Pemberdayaan Sosial programme 1.06.02 whose sub-kegiatan carry the seed's older 2-digit codes. Written as XLSX
 * with Apache POI (merged regions as Excel stores them: the text in the first cell only) or as CSV (the blanks a
 * CSV export writes for merged cells), with the year groups named "Tahun N" or by the year itself.
 */
final class RenstraMatrixFiles {

    static final int COLUMNS = 17;
    /** The file row of the first data row (header 1-2, column numbers 3). */
    static final int FIRST_DATA_ROW = 4;

    private RenstraMatrixFiles() {
    }

    /** The seed's rows, each 17 cells; budgets written as Tabel 6.1 prints them (24.000.000). */
    static List<String[]> seedRows() {
        List<String[]> rows = new ArrayList<>();
        rows.add(label("MISI 2 :"));
        rows.add(label("Mewujudkan masyarakat sehat jasmani, rohani, dan sehat secara sosial"));
        rows.add(label("Tujuan 2.2 :"));
        rows.add(label("Meningkatkan kesejahteraan sosial masyarakat"));
        rows.add(label("Sasaran 2.2 :"));
        rows.add(row("", "Meningkatnya penanganan pemerlu pelayanan kesejahteraan sosial",
                "Persentase Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) yang ditangani", "81,79%",
                t("85,3%", "88,4%", "91,5%", "94,6%", "97,7%", "100%"), t("-", "-", "-", "-", "-", "-")));
        rows.add(row("X.XX.01", "Program Penunjang Urusan Pemerintahan Daerah", "", "", t(), t()));
        rows.add(row("X.XX.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
                "Tersusunnya dokumen perencanaan perangkat daerah", "", hundred(), same("24.000.000")));
        rows.add(row("X.XX.01.2.01.01", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                "Jumlah Renstra, Renja dan Renja Perubahan SKPD yang Tersusun", "", hundred(), same("13.000.000")));
        rows.add(row("X.XX.01.2.01.02", "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
                "Jumlah dokumen RKA-SKPD dan RKA-SKPD Perubahan yang Tersusun", "", hundred(), same("6.000.000")));
        rows.add(row("X.XX.01.2.01.03", "Evaluasi Kinerja Perangkat Daerah", "2 Dokumen (LAKIP, dan LKPJ)", "",
                hundred(), same("5.000.000")));
        rows.add(row("X.XX.01.2.02", "Administrasi Keuangan", "Terlaksananya Pengadministrasian Keuangan", "",
                hundred(), t("2.637.458.000", "2.740.000.000", "2.845.000.000", "2.955.000.000", "377.600.000",
                        "387.600.000")));
        rows.add(row("X.XX.01.2.02.01", "Penyediaan Gaji dan Tunjangan ASN",
                "Jumlah ASN yang akan dibayarkan gaji dan tunjangan", "", hundred(),
                t("2.305.258.000", "2.400.000.000", "2.500.000.000", "2.600.000.000", "2.600.000", "2.600.000")));
        rows.add(row("X.XX.01.2.02.02", "Penyediaan Administrasi Pelaksanaan Tugas ASN",
                "Jumlah THL yang akan dibayarkan gaji", "", hundred(),
                t("187.200.000", "195.000.000", "200.000.000", "210.000.000", "220.000.000", "230.000.000")));
        rows.add(row("1.06.02", "Program Pemberdayaan Sosial",
                "Persentase Potensi Sumber Kesejahteraan Sosial (PSKS) yang memiliki kompetensi sesuai dengan bidang",
                "50%", t("60%", "70%", "80%", "90%", "100%", "100%"),
                t("463.000.000", "486.000.000", "510.000.000", "536.000.000", "563.000.000", "-")));
        rows.add(row("1.06.02.2.03", "Pengembangan Potensi Sumber Kesejahteraan Sosial Daerah Kabupaten / Kota",
                "Persentase PSKS yang mendapatkan pelatihan dan pengembangan kapasitas", "50%",
                t("60%", "70%", "80%", "90%", "100%", "100%"),
                t("433.159.000", "442.020.000", "448.880.000", "458.740.000", "467.600.000", "-")));
        rows.add(row("1.06.02.2.03.01", "Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat Kewenangan"
                        + " Kabupaten / Kota", "Jumlah Pekerja Sosial Masyarakat yang mendapatkan peningkatan kapasitas",
                "", t("30 orang", "30", "30", "30", "30", "30"),
                t("77.000.000", "81.000.000", "125.000.000", "132.000.000", "138.000.000", "145.000.000")));
        rows.add(row("1.06.02.2.03.04", "Peningkatan Kemampuan Potensi Sumber Kesejahteraan Sosial Kelembagaan"
                        + " Masyarakat Kewenangan Kabupaten / Kota", "Jumlah Karang Taruna yang mendapatkan pelatihan",
                "", t("60 Org", "90 Org", "120 Org", "150 Org", "180 Org", "210 Org"),
                t("135.000.000", "142.000.000", "148.000.000", "156.000.000", "164.000.000", "172.000.000")));
        return rows;
    }

    /** The data row of {@link #seedRows()} whose code is {@code code}: its index in the list. */
    static int indexOf(List<String[]> rows, String code) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i)[0].equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException(code);
    }

    /** The two header rows; {@code group} names year group {@code i} (0-5). */
    static List<String[]> header(IntFunction<String> group) {
        String[] top = new String[COLUMNS];
        String[] bottom = new String[COLUMNS];
        Arrays.fill(top, "");
        Arrays.fill(bottom, "");
        top[0] = "KODE";
        top[1] = "MISI/TUJUAN/SASARAN/PROGRAM/KEGIATAN/SUB KEGIATAN";
        top[2] = "INDIKATOR KINERJA (tujuan/impact/outcome)";
        top[3] = "KONDISI KINERJA AWAL RPJMD (Tahun 0)";
        for (int i = 0; i < 6; i++) {
            top[4 + 2 * i] = group.apply(i);
            bottom[4 + 2 * i] = "Target";
            bottom[5 + 2 * i] = "Rp";
        }
        top[16] = "PERANGKAT DAERAH PENANGGUNG JAWAB";
        return List.of(top, bottom);
    }

    /** Tabel 6.1's own group titles. */
    static String seedGroup(int i) {
        return i < 5 ? "Tahun " + (i + 1) : "Kondisi Kinerja pada Akhir Periode RPJMD";
    }

    static String[] columnNumbers() {
        String[] numbers = new String[COLUMNS];
        for (int i = 0; i < COLUMNS; i++) {
            numbers[i] = Integer.toString(i + 1);
        }
        return numbers;
    }

    /**
     * An XLSX of the header (merged as Excel merges it), the column numbers and {@code rows}; budgets become numeric
     * cells, as in a workbook where someone typed them as numbers.
     */
    static Path xlsx(Path dir, List<String[]> header, List<String[]> rows) {
        Path file = dir.resolve("tabel-6.1.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Tabel 6.1");
            int r = 0;
            for (String[] cells : header) {
                write(sheet.createRow(r++), cells, false);
            }
            for (int c : new int[] {0, 1, 2, 3, 16}) {
                sheet.addMergedRegion(new CellRangeAddress(0, 1, c, c));
            }
            for (int i = 0; i < 6; i++) {
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 4 + 2 * i, 5 + 2 * i));
            }
            write(sheet.createRow(r++), columnNumbers(), false);
            for (String[] cells : rows) {
                write(sheet.createRow(r++), cells, true);
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void write(Row row, String[] cells, boolean budgetsAsNumbers) {
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] == null || cells[c].isEmpty()) {
                continue;
            }
            Cell cell = row.createCell(c);
            boolean rp = c >= 5 && c <= 15 && c % 2 == 1;
            if (budgetsAsNumbers && rp && cells[c].matches("[0-9.]+")) {
                cell.setCellValue(Double.parseDouble(cells[c].replace(".", "")));
            } else {
                cell.setCellValue(cells[c]);
            }
        }
    }

    /** A CSV as Excel with Indonesian settings writes it: semicolons, quotes where needed, blanks under merges. */
    static Path csv(Path dir, String name, List<String[]> header, List<String[]> rows) {
        StringBuilder text = new StringBuilder();
        List<String[]> all = new ArrayList<>(header);
        all.add(columnNumbers());
        all.addAll(rows);
        for (String[] cells : all) {
            List<String> quoted = new ArrayList<>();
            for (String cell : cells) {
                String value = cell == null ? "" : cell;
                quoted.add(value.contains(";") || value.contains("\"") || value.contains(",")
                        ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
            }
            text.append(String.join(";", quoted)).append("\r\n");
        }
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String[] label(String text) {
        return row("", text, "", "", t(), t());
    }

    static String[] row(String code, String name, String indicator, String baseline, String[] targets,
                        String[] budgets) {
        String[] cells = new String[COLUMNS];
        Arrays.fill(cells, "");
        cells[0] = code;
        cells[1] = name;
        cells[2] = indicator;
        cells[3] = baseline;
        for (int i = 0; i < 6; i++) {
            cells[4 + 2 * i] = i < targets.length ? targets[i] : "";
            cells[5 + 2 * i] = i < budgets.length ? budgets[i] : "";
        }
        cells[16] = indicator.isEmpty() ? "" : "Dinas Sosial";
        return cells;
    }

    private static String[] t(String... values) {
        return values;
    }

    private static String[] hundred() {
        return same("100%");
    }

    private static String[] same(String value) {
        String[] values = new String[6];
        Arrays.fill(values, value);
        return values;
    }
}
