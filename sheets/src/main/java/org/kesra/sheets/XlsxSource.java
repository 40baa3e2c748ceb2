package org.kesra.sheets;

import com.github.pjfanning.xlsx.StreamingReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The first sheet of an XLSX workbook, streamed (excel-streaming-reader over POI): rows arrive one at a time.
 * Formulas are never evaluated, their cached text is read as text. Dates become ISO dates; numbers are written
 * without exponent and remembered as numeric, because a NIK typed as a number has lost its last digit; a number
 * formatted as a percentage is read as the sheet shows it ("85%" for a stored 0.85, "12,5%"), as text.
 */
public final class XlsxSource implements SheetSource {

    private final Workbook workbook;
    private final Iterator<Row> rows;
    private final List<String> header;
    private final int lastRow;
    private long current;

    public XlsxSource(Path file) {
        this.workbook = StreamingReader.builder().rowCacheSize(200).bufferSize(16 * 1024).open(file.toFile());
        Sheet sheet = workbook.getSheetAt(0);
        this.lastRow = Math.max(1, sheet.getLastRowNum());
        this.rows = sheet.rowIterator();
        SheetRow first = nextNonEmpty();
        this.header = first == null ? List.of() : first.cells();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Iterator<SheetRow> rows() {
        return new Iterator<>() {
            private SheetRow next = nextNonEmpty();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public SheetRow next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                SheetRow row = next;
                next = nextNonEmpty();
                return row;
            }
        };
    }

    private SheetRow nextNonEmpty() {
        while (rows.hasNext()) {
            Row row = rows.next();
            current = row.getRowNum();
            List<String> cells = new ArrayList<>();
            Set<Integer> numeric = new HashSet<>();
            boolean any = false;
            for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                Cell cell = row.getCell(i);
                String text = text(cell);
                if (cell != null && cell.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)
                        && !percent(cell)) {
                    numeric.add(i);
                }
                any |= text != null && !text.isBlank();
                cells.add(text == null ? null : text.trim());
            }
            if (any) {
                return new SheetRow(row.getRowNum() + 1L, cells, numeric);
            }
        }
        return null;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : percent(cell)
                    // what the sheet shows, not what it stores: a cell formatted 0% holding 0.85 reads "85%"; the
                    // decimal comma, as an Indonesian sheet shows it, so "12,345%" is never read as thousands
                    ? BigDecimal.valueOf(cell.getNumericCellValue()).movePointRight(2).stripTrailingZeros()
                            .toPlainString().replace('.', ',') + "%"
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> cell.getBooleanCellValue() ? "YA" : "TIDAK";
            case STRING -> cell.getStringCellValue();
            default -> null;
        };
    }

    /** A number formatted as a percentage (0%, 0.00%): Excel stores 85 % as 0.85. */
    private static boolean percent(Cell cell) {
        String format = cell.getCellStyle() == null ? null : cell.getCellStyle().getDataFormatString();
        return format != null && format.replaceAll("\"[^\"]*\"", "").contains("%");
    }

    @Override
    public double progress() {
        return Math.min(1.0, (double) current / lastRow);
    }

    @Override
    public String encoding() {
        return null;
    }

    @Override
    public String delimiter() {
        return null;
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
