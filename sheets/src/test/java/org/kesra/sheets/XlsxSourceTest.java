package org.kesra.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an XLSX cell reads as: a percentage as shown, a plain number kept numeric, text as typed. */
class XlsxSourceTest {

    @TempDir
    Path dir;

    @Test
    void aPercentageFormattedNumberIsReadAsTheSheetShowsIt() throws Exception {
        Path file = dir.resolve("renstra.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Tabel 6.1");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Kode");
            header.createCell(1).setCellValue("Target 2021");
            header.createCell(2).setCellValue("Rp 2021");
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("1.06.02");
            row.createCell(1).setCellValue(0.8557);
            row.getCell(1).setCellStyle(percent);
            row.createCell(2).setCellValue(463_000_000d);
            workbook.write(out);
        }
        try (SheetSource source = SheetFiles.open(file, SheetFiles.XLSX)) {
            SheetRow row = source.rows().next();
            assertThat(row.cells()).isEqualTo(List.of("1.06.02", "85,57%", "463000000"));
            assertThat(row.numericCells()).as("the rupiah is a stored number, the percentage is read as shown")
                    .containsExactly(2);
        }
    }
}
