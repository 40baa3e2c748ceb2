package org.kesra.welfare.verivali.web;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kesra.welfare.verivali.Verivali;

/** A verivali result as the CSV the national system's upload takes, UTF-8 with a byte-order mark for Excel. */
final class VerivaliExport {

    /** The columns of the result file, in the order the national system's upload takes them. */
    static final String[] HEADER = {"NO", "NIK", "NAMA", "TANGGAL_LAHIR", "KODE_KELURAHAN", "STATUS_PADAN",
        "KETERANGAN", "DESIL", "KELAYAKAN", "KEPUTUSAN", "ALASAN_KEPUTUSAN"};

    private VerivaliExport() {
    }

    static byte[] csv(List<Verivali.Row> rows) throws IOException {
        StringWriter out = new StringWriter();
        out.write('\uFEFF'); // Excel reads UTF-8 only with a byte-order mark
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(out)) {
            for (Verivali.Row row : rows) {
                printer.printRecord(row.rowNo(), text(row.nik()), text(row.name()),
                        row.birthDate() == null ? "" : row.birthDate().toString(), text(row.kelurahanCode()),
                        row.matchStatus(), row.reason() == null ? "" : row.reason(),
                        row.decile() == null ? "" : row.decile(),
                        row.eligible() == null ? "" : row.eligible() ? "LAYAK" : "TIDAK_LAYAK",
                        row.decision() == null ? "" : row.decision(), text(row.decisionReason()));
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A cell a spreadsheet would run as a formula (=, +, -, @) is written as text. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
