package org.kesra.performance.renstra;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kesra.performance.PerformanceProblems;
import org.kesra.performance.units.Unit;
import org.kesra.platform.refusal.ProblemType;
import org.kesra.platform.web.Violation;
import org.kesra.sheets.SheetRow;

/**
 * Reads the rows of an agency's Renstra matrix in the column layout of Tabel 6.1 (kode, program/kegiatan/sub
 * kegiatan, indikator, kondisi awal, target and Rp per year, kondisi akhir, perangkat daerah penanggung jawab) into
 * the tree {@code POST /api/v1/renstra} takes, remembering which file row each node and indicator came from, so that
 * the validator's refusals can be said in rows and columns ({@code /rows/12/target2023}).
 *
 * <p>Only the layout is checked here (columns, row order, numbers, codes to tell a row's level); every rule of a plan
 * stays in {@link PlanValidator}, reached through {@link RenstraPlans}.
 *
 * <p>Header: the first row with a "Kode" cell, and the rows below it down to the one naming "Target"/"Rp" (at most
 * three). Merged header cells arrive as the text in the first cell and blanks after it (XLSX keeps the value in the
 * top-left cell only; a CSV export writes blanks), so a blank header cell above a labelled one takes the text on its
 * left. Year groups: a 4-digit year, "Tahun N" (year N of the period) or "Kondisi akhir" (the period's last year,
 * ignored when that year has its own columns). A row of column numbers (1, 2, 3 ...) under the header is skipped.
 *
 * <p>Rows: a code tells the level (program U.BB.PP, kegiatan U.BB.PP.L.KK, sub-kegiatan with 2 or 4 digits, both
 * accepted and normalised by the validator); a code split over several columns under one merged "Kode" header
 * (urusan, bidang, program, kegiatan, sub-kegiatan in columns of their own, as SIPD exports it) is joined with dots; a row without code whose name starts with "Tujuan" or "Sasaran" opens
 * that level ("Tujuan 2.2 :" alone takes its name from the next row, as Tabel 6.1 prints it); "Misi" rows are
 * skipped; a row with only an indicator adds it to the node above. The indicator's unit of measure is the optional
 * "Satuan" column, else the text after the first target or baseline number ("100%", "50 org"); "%" makes a
 * percentage (ratio of the optional "Pembilang"/"Penyebut" columns, by default outputs achieved over planned),
 * "indeks" an index, "bulan" months, "Rp" rupiah, anything else a count. Direction: the optional "Arah" column
 * (naik/HIGHER, turun/LOWER, rentang/RANGE), else higher is better. Numbers are read the Indonesian way
 * (1.234.567,89); a lone dot followed by other than three digits is a decimal point (4.34).
 */
final class RenstraMatrix {

    private static final Pattern YEAR = Pattern.compile("\\b(20[0-9]{2})\\b");
    private static final Pattern NTH_YEAR = Pattern.compile("\\btahun\\s*(?:ke\\s*-?\\s*)?([1-9])\\b");
    private static final Pattern LABEL = Pattern.compile("^(misi|tujuan|sasaran)\\b[^:]*?(?::\\s*(.*))?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL_NO_COLON = Pattern.compile("^(misi|tujuan|sasaran)\\s+[0-9.]*\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("^(-?[0-9][0-9.,]*)\\s*(.*)$");
    private static final Pattern THOUSANDS = Pattern.compile("^-?[0-9]{1,3}(\\.[0-9]{3})+$");
    static final String DEFAULT_NUMERATOR = "Keluaran yang terlaksana";
    static final String DEFAULT_DENOMINATOR = "Keluaran yang direncanakan";

    /** What was read: the tree of the request, and the file row of every node and indicator by its pointer. */
    record Read(List<RenstraRequests.Tujuan> tujuan, Map<String, Long> rowOf, int startYear) {

        /** The validator's pointer into the tree, said as a row and column of the file. */
        Violation translate(Violation violation) {
            String pointer = violation.pointer();
            if (pointer == null) {
                return violation;
            }
            Matcher indicator = Pattern.compile("^(.*/indicators/[0-9]+)(/.*)?$").matcher(pointer);
            if (indicator.matches() && rowOf.containsKey(indicator.group(1))) {
                long row = rowOf.get(indicator.group(1));
                return at(row, indicatorColumn(indicator.group(2)), violation.detail());
            }
            Matcher node = Pattern.compile("^(.*/[0-9]+)(/(code|name|sasaran|program|kegiatan|subKegiatan))?$")
                    .matcher(pointer);
            if (node.matches() && rowOf.containsKey(node.group(1))) {
                String field = node.group(3);
                String column = "code".equals(field) ? "kode" : "name".equals(field) ? "nama" : null;
                return at(rowOf.get(node.group(1)), column, violation.detail());
            }
            if (pointer.equals("/tujuan")) {
                return Violation.field("/rows", "Matriks tidak berisi baris tujuan (baris tanpa kode yang diawali"
                        + " 'Tujuan').");
            }
            return violation;
        }

        private String indicatorColumn(String rest) {
            if (rest == null) {
                return null;
            }
            Matcher target = Pattern.compile("^/targets/([0-9]+)/(target|targetMax|budget|year)$").matcher(rest);
            if (target.matches()) {
                int year = startYear + Integer.parseInt(target.group(1));
                return (target.group(2).equals("budget") ? "rp" : "target") + year;
            }
            return switch (rest) {
                case "/name" -> "indikator";
                case "/unitOfMeasure" -> "satuan";
                case "/direction" -> "arah";
                case "/baseline" -> "kondisiAwal";
                case "/numeratorDefinition" -> "pembilang";
                case "/denominatorDefinition" -> "penyebut";
                default -> null;
            };
        }
    }

    static Violation at(long row, String column, String detail) {
        String pointer = "/rows/" + row + (column == null ? "" : "/" + column);
        return new Violation(pointer, row, column, null, detail);
    }

    private final int startYear;
    private final int endYear;
    private final Unit unit;
    private final List<Violation> violations = new ArrayList<>();
    private ProblemType first;

    private int code = -1;
    /** The code's columns: {@link #code} and, when the code is split (SIPD exports), the parts to its right. */
    private final List<Integer> codeParts = new ArrayList<>();
    private int name = -1;
    private int indicator = -1;
    private int baseline = -1;
    private int responsible = -1;
    private int unitOfMeasure = -1;
    private int direction = -1;
    private int numerator = -1;
    private int denominator = -1;
    private final Map<Integer, Integer> targetColumn = new TreeMap<>();
    private final Map<Integer, Integer> rpColumn = new TreeMap<>();

    private RenstraMatrix(int startYear, int endYear, Unit unit) {
        this.startYear = startYear;
        this.endYear = endYear;
        this.unit = unit;
    }

    /** The tree of the matrix in {@code rows} (all rows of the file, header included) for the period, or a refusal. */
    static Read read(List<SheetRow> rows, int startYear, int endYear, Unit unit) {
        RenstraMatrix matrix = new RenstraMatrix(startYear, endYear, unit);
        int firstData = matrix.header(rows);
        matrix.refuseIfAny("Susunan kolom matriks Renstra tidak sesuai Tabel 6.1.");
        Read read = matrix.body(rows, firstData);
        matrix.refuseIfAny("Matriks Renstra tidak dapat diimpor: ada baris yang tidak sesuai.");
        return read;
    }

    // ------------------------------------------------------------------ header

    private int header(List<SheetRow> rows) {
        int top = -1;
        for (int i = 0; i < rows.size() && top < 0; i++) {
            for (String cell : rows.get(i).cells()) {
                if (cell != null && cell.strip().toLowerCase(Locale.ROOT).startsWith("kode")) {
                    top = i;
                    break;
                }
            }
        }
        if (top < 0) {
            add(PerformanceProblems.COLUMN_MISSING, Violation.field("/columns/kode", "Baris judul kolom dengan kolom"
                    + " 'Kode' tidak ditemukan; gunakan susunan kolom Tabel 6.1."));
            return rows.size();
        }
        int bottom = top;
        for (int i = top + 1; i < rows.size() && i <= top + 3; i++) {
            if (hasYearLabel(rows.get(i))) {
                bottom = i;
                break;
            }
        }
        List<List<String>> labels = headerLabels(rows.subList(top, bottom + 1));
        Map<Integer, Integer> finalTarget = new HashMap<>();
        Map<Integer, Integer> finalRp = new HashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            classify(c, labels.get(c), finalTarget, finalRp);
        }
        // "Kondisi akhir" is the period's last year unless that year has columns of its own.
        finalTarget.forEach((c, ignored) -> targetColumn.putIfAbsent(endYear, c));
        finalRp.forEach((c, ignored) -> rpColumn.putIfAbsent(endYear, c));
        if (code < 0) {
            add(PerformanceProblems.COLUMN_MISSING, Violation.field("/columns/kode", "Kolom 'Kode' tidak ada."));
        } else {
            codeParts.add(code);
            // A code split over several columns under one merged "Kode" (urusan | bidang | program | kegiatan | sub
            // kegiatan, as SIPD exports it): the columns right of it that are unlabelled or labelled "Kode ..." too.
            for (int c = code + 1; c < labels.size(); c++) {
                List<String> its = labels.get(c);
                if (!its.isEmpty() && !String.join(" | ", its).startsWith("kode")) {
                    break;
                }
                codeParts.add(c);
            }
        }
        if (name < 0) {
            add(PerformanceProblems.COLUMN_MISSING, Violation.field("/columns/nama", "Kolom program/kegiatan/sub"
                    + " kegiatan tidak ada."));
        }
        if (indicator < 0) {
            add(PerformanceProblems.COLUMN_MISSING, Violation.field("/columns/indikator", "Kolom 'Indikator Kinerja'"
                    + " tidak ada."));
        }
        for (int year = startYear; year <= endYear; year++) {
            if (!targetColumn.containsKey(year)) {
                add(PerformanceProblems.YEAR_COLUMN_MISSING, Violation.field("/columns/target" + year, "Kolom target"
                        + " tahun " + year + " tidak ada; periode " + startYear + "-" + endYear + " memerlukan target"
                        + " dan Rp untuk setiap tahun."));
            }
            if (!rpColumn.containsKey(year)) {
                add(PerformanceProblems.YEAR_COLUMN_MISSING, Violation.field("/columns/rp" + year, "Kolom Rp tahun "
                        + year + " tidak ada; periode " + startYear + "-" + endYear + " memerlukan target dan Rp untuk"
                        + " setiap tahun."));
            }
        }
        for (int year : targetColumn.keySet()) {
            if (year < startYear || year > endYear) {
                add(PerformanceProblems.YEAR_COLUMN_MISSING, Violation.field("/columns/target" + year, "Kolom tahun "
                        + year + " di luar periode " + startYear + "-" + endYear + "."));
            }
        }
        return bottom + 1;
    }

    /** The row's code: its one code cell, or the non-blank parts of a split code joined with dots (1.06.04.2.01). */
    private String codeOf(SheetRow row) {
        if (codeParts.size() <= 1) {
            return row.text(code);
        }
        List<String> parts = new ArrayList<>();
        for (int c : codeParts) {
            String part = row.text(c).strip();
            while (part.endsWith(".")) {
                part = part.substring(0, part.length() - 1);
            }
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return String.join(".", parts);
    }

    private static boolean hasYearLabel(SheetRow row) {
        for (String cell : row.cells()) {
            // Exactly the sub-column titles: an indicator named "Target ..." in a data row is not a header.
            String text = cell == null ? "" : cell.strip().toLowerCase(Locale.ROOT);
            if (text.equals("target") || text.equals("rp") || text.equals("rp.") || text.equals("pagu")
                    || text.equals("anggaran")) {
                return true;
            }
        }
        return false;
    }

    /** Each column's labels top-down, a blank cell under a merged group taking the text on its left. */
    private static List<List<String>> headerLabels(List<SheetRow> headerRows) {
        int width = headerRows.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
        String[][] grid = new String[headerRows.size()][width];
        for (int r = 0; r < headerRows.size(); r++) {
            for (int c = 0; c < width; c++) {
                grid[r][c] = headerRows.get(r).text(c);
            }
        }
        for (int r = 0; r < grid.length; r++) {
            for (int c = 1; c < width; c++) {
                if (grid[r][c].isEmpty() && labelledBelow(grid, r, c)) {
                    grid[r][c] = grid[r][c - 1];
                }
            }
        }
        List<List<String>> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<String> labels = new ArrayList<>();
            for (String[] row : grid) {
                if (!row[c].isEmpty()) {
                    labels.add(row[c].toLowerCase(Locale.ROOT));
                }
            }
            columns.add(labels);
        }
        return columns;
    }

    private static boolean labelledBelow(String[][] grid, int r, int c) {
        for (int below = r + 1; below < grid.length; below++) {
            if (!grid[below][c].isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private void classify(int c, List<String> labels, Map<Integer, Integer> finalTarget,
                          Map<Integer, Integer> finalRp) {
        if (labels.isEmpty()) {
            return;
        }
        String bottom = labels.get(labels.size() - 1);
        boolean target = bottom.startsWith("target");
        boolean rp = bottom.equals("rp") || bottom.startsWith("rp ") || bottom.startsWith("pagu")
                || bottom.startsWith("anggaran");
        String joined = String.join(" | ", labels);
        if (target || rp) {
            Optional<Integer> year = yearOf(labels);
            if (year.isPresent()) {
                (target ? targetColumn : rpColumn).putIfAbsent(year.get(), c);
            } else if (joined.contains("akhir")) {
                (target ? finalTarget : finalRp).put(c, c);
            }
            return;
        }
        if (joined.startsWith("kode")) {
            code = first(code, c);
        } else if (joined.contains("indikator")) {
            indicator = first(indicator, c);
        } else if (joined.contains("awal") || joined.contains("baseline") || joined.contains("tahun 0")) {
            baseline = first(baseline, c);
        } else if (joined.contains("penanggung")) {
            responsible = first(responsible, c);
        } else if (joined.startsWith("satuan")) {
            unitOfMeasure = first(unitOfMeasure, c);
        } else if (joined.startsWith("arah")) {
            direction = first(direction, c);
        } else if (joined.startsWith("pembilang")) {
            numerator = first(numerator, c);
        } else if (joined.startsWith("penyebut")) {
            denominator = first(denominator, c);
        } else if (joined.contains("program") || joined.contains("kegiatan") || joined.contains("uraian")
                || joined.contains("sasaran") || joined.contains("nama")) {
            name = first(name, c);
        }
    }

    private Optional<Integer> yearOf(List<String> labels) {
        for (int i = labels.size() - 1; i >= 0; i--) {
            Matcher year = YEAR.matcher(labels.get(i));
            if (year.find()) {
                return Optional.of(Integer.parseInt(year.group(1)));
            }
            Matcher nth = NTH_YEAR.matcher(labels.get(i));
            if (nth.find()) {
                return Optional.of(startYear + Integer.parseInt(nth.group(1)) - 1);
            }
        }
        return Optional.empty();
    }

    private static int first(int current, int c) {
        return current >= 0 ? current : c;
    }

    // ------------------------------------------------------------------ rows

    /** A node being built, with the file row it came from. */
    private static final class Node {
        final NodeLevel level;
        final long row;
        final String code;
        String name;
        final List<Ind> indicators = new ArrayList<>();
        final List<Node> children = new ArrayList<>();

        Node(NodeLevel level, long row, String code, String name) {
            this.level = level;
            this.row = row;
            this.code = code;
            this.name = name;
        }
    }

    private record Ind(long row, RenstraRequests.Indicator indicator) {
    }

    private Read body(List<SheetRow> rows, int firstData) {
        List<Node> tujuan = new ArrayList<>();
        Node currentTujuan = null;
        Node sasaran = null;
        Node program = null;
        Node kegiatan = null;
        Node last = null;
        NodeLevel pending = null;
        boolean skipMisiText = false;
        boolean any = false;
        for (int i = firstData; i < rows.size(); i++) {
            SheetRow row = rows.get(i);
            if (blank(row) || (i == firstData && columnNumbers(row))) {
                continue;
            }
            any = true;
            long n = row.number();
            String codeText = codeOf(row);
            String nameText = row.text(name);
            String indicatorText = row.text(indicator);
            checkResponsible(row);
            if (codeText.isEmpty()) {
                Matcher label = label(nameText);
                if (label != null) {
                    String kind = label.group(1).toLowerCase(Locale.ROOT);
                    String rest = label.group(2) == null ? "" : label.group(2).strip();
                    if (kind.equals("misi")) {
                        skipMisiText = rest.isEmpty();
                        pending = null;
                        continue;
                    }
                    NodeLevel level = kind.equals("tujuan") ? NodeLevel.TUJUAN : NodeLevel.SASARAN;
                    Node node = new Node(level, n, null, rest.isEmpty() ? null : rest);
                    if (level == NodeLevel.TUJUAN) {
                        tujuan.add(node);
                        currentTujuan = node;
                        sasaran = null;
                    } else if (currentTujuan == null) {
                        orphan(n, "Sasaran harus berada di bawah sebuah tujuan: tambahkan baris 'Tujuan: ...' di"
                                + " atasnya.");
                        continue;
                    } else {
                        currentTujuan.children.add(node);
                        sasaran = node;
                    }
                    program = null;
                    kegiatan = null;
                    last = node;
                    pending = rest.isEmpty() ? level : null;
                    skipMisiText = false;
                    addIndicator(row, node);
                    continue;
                }
                if (pending != null && !nameText.isEmpty() && last != null) {
                    last.name = nameText;
                    pending = null;
                    addIndicator(row, last);
                    continue;
                }
                if (skipMisiText) {
                    skipMisiText = false;
                    continue;
                }
                pending = null;
                if (nameText.isEmpty() && !indicatorText.isEmpty()) {
                    if (last == null) {
                        orphan(n, "Indikator tanpa program, kegiatan, tujuan atau sasaran di atasnya.");
                    } else {
                        addIndicator(row, last);
                    }
                    continue;
                }
                add(PerformanceProblems.REQUIRED, at(n, "kode", "Kode nomenklatur wajib diisi untuk program, kegiatan"
                        + " dan sub kegiatan (" + Nomenclature.expectedForm(NodeLevel.SUB_KEGIATAN) + "); baris tujuan"
                        + " dan sasaran diawali kata 'Tujuan' atau 'Sasaran'."));
                continue;
            }
            pending = null;
            skipMisiText = false;
            Optional<NodeLevel> level = levelOf(codeText);
            if (level.isEmpty()) {
                Violation v = new Violation("/rows/" + n + "/kode", n, "kode", codeText, "Kode '" + codeText
                        + "' bukan bentuk nomenklatur program (U.BB.PP), kegiatan (U.BB.PP.L.KK) atau sub kegiatan ("
                        + "U.BB.PP.L.KK.SSSS atau U.BB.PP.L.KK.SS).");
                add(PerformanceProblems.CODE_FORMAT, v);
                continue;
            }
            Node node = new Node(level.get(), n, codeText, nameText.isEmpty() ? null : nameText);
            switch (level.get()) {
                case PROGRAM -> {
                    if (sasaran == null) {
                        orphan(n, "Program harus berada di bawah sebuah sasaran: tambahkan baris 'Sasaran: ...' di"
                                + " atasnya.");
                        continue;
                    }
                    sasaran.children.add(node);
                    program = node;
                    kegiatan = null;
                }
                case KEGIATAN -> {
                    if (program == null) {
                        orphan(n, "Kegiatan harus berada di bawah baris programnya.");
                        continue;
                    }
                    program.children.add(node);
                    kegiatan = node;
                }
                default -> {
                    if (kegiatan == null) {
                        orphan(n, "Sub kegiatan harus berada di bawah baris kegiatannya.");
                        continue;
                    }
                    kegiatan.children.add(node);
                }
            }
            last = node;
            addIndicator(row, node);
        }
        if (!any) {
            add(PerformanceProblems.SHEET_EMPTY, Violation.field("/rows", "Berkas tidak berisi baris matriks di bawah"
                    + " judul kolom."));
        }
        Map<String, Long> rowOf = new LinkedHashMap<>();
        List<RenstraRequests.Tujuan> requests = new ArrayList<>();
        for (int t = 0; t < tujuan.size(); t++) {
            requests.add(toTujuan("/tujuan/" + t, tujuan.get(t), rowOf));
        }
        return new Read(requests, rowOf, startYear);
    }

    private static Matcher label(String nameText) {
        Matcher colon = LABEL.matcher(nameText);
        if (nameText.contains(":") && colon.matches()) {
            return colon;
        }
        Matcher plain = LABEL_NO_COLON.matcher(nameText);
        return plain.matches() ? plain : null;
    }

    private static Optional<NodeLevel> levelOf(String code) {
        for (NodeLevel level : List.of(NodeLevel.PROGRAM, NodeLevel.KEGIATAN, NodeLevel.SUB_KEGIATAN)) {
            if (Nomenclature.normalise(level, code).isPresent()) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    private void checkResponsible(SheetRow row) {
        String text = row.text(responsible);
        if (text.isEmpty()) {
            return;
        }
        String given = simple(text);
        if (!given.equals(simple(unit.name())) && !given.equals(simple(unit.code()))) {
            add(PerformanceProblems.RESPONSIBLE_UNIT_MISMATCH, new Violation("/rows/" + row.number()
                    + "/penanggungJawab", row.number(), "penanggungJawab", text, "Perangkat daerah penanggung jawab '"
                    + text + "' bukan " + unit.name() + " (" + unit.code() + "), unit yang Renstra-nya diimpor."));
        }
    }

    /** Case, spacing and the city's name ignored: "DINAS SOSIAL Kota Metro" is "Dinas Sosial". */
    private static String simple(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("\\s*kota metro$", "").strip();
    }

    private void orphan(long row, String detail) {
        add(PerformanceProblems.ROW_WITHOUT_PARENT, at(row, "nama", detail));
    }

    private void addIndicator(SheetRow row, Node node) {
        String name = row.text(indicator);
        long n = row.number();
        if (name.isEmpty()) {
            return;
        }
        String measure = row.text(unitOfMeasure);
        String baselineText = row.text(baseline);
        BigDecimal baselineValue = null;
        int before = violations.size();
        Parsed parsedBaseline = cellNumber(row, baseline);
        if (parsedBaseline == Parsed.NOT_A_NUMBER) {
            notNumber(n, "kondisiAwal", baselineText, "Kondisi awal");
        } else if (parsedBaseline != null) {
            baselineValue = parsedBaseline.value();
            measure = measure.isEmpty() ? parsedBaseline.suffix() : measure;
        }
        List<RenstraRequests.YearTarget> targets = new ArrayList<>();
        for (int year = startYear; year <= endYear; year++) {
            String targetText = row.text(targetColumn.getOrDefault(year, -1));
            String rpText = row.text(rpColumn.getOrDefault(year, -1));
            BigDecimal target = null;
            Parsed parsedTarget = cellNumber(row, targetColumn.getOrDefault(year, -1));
            if (parsedTarget == Parsed.NOT_A_NUMBER) {
                notNumber(n, "target" + year, targetText, "Target tahun " + year);
            } else if (parsedTarget != null) {
                target = parsedTarget.value();
                measure = measure.isEmpty() ? parsedTarget.suffix() : measure;
            }
            Long budget = null;
            String rupiah = rpText.replaceFirst("(?i)^rp\\.?\\s*", "");
            Parsed parsedRp = row.numericCells().contains(rpColumn.getOrDefault(year, -1))
                    ? cellNumber(row, rpColumn.get(year)) : number(rupiah);
            if (parsedRp == Parsed.NOT_A_NUMBER || parsedRp != null && !parsedRp.suffix().isEmpty()) {
                notNumber(n, "rp" + year, rpText, "Rp tahun " + year);
            } else if (parsedRp != null) {
                try {
                    budget = parsedRp.value().longValueExact();
                } catch (ArithmeticException notWhole) {
                    add(PerformanceProblems.VALUE_INVALID, new Violation("/rows/" + n + "/rp" + year, n, "rp" + year,
                            rpText, "Rp tahun " + year + " harus bilangan bulat rupiah."));
                }
            }
            targets.add(new RenstraRequests.YearTarget(year, target, null, budget));
        }
        if (violations.size() > before) {
            return;
        }
        String unitText = measure.isEmpty() ? null : measure;
        String lower = unitText == null ? "" : unitText.toLowerCase(Locale.ROOT);
        String kind;
        String aggregation;
        if (lower.equals("%")) {
            kind = "PERCENTAGE";
            aggregation = "RATIO";
        } else if (lower.startsWith("indeks")) {
            kind = "INDEX";
            aggregation = "LAST";
        } else if (lower.startsWith("bulan")) {
            kind = "MONTHS";
            aggregation = "LAST";
        } else if (lower.equals("rp") || lower.startsWith("rupiah")) {
            kind = "RUPIAH";
            aggregation = "SUM";
        } else {
            kind = "COUNT";
            aggregation = "SUM";
        }
        boolean percentage = kind.equals("PERCENTAGE");
        String num = row.text(numerator);
        String den = row.text(denominator);
        node.indicators.add(new Ind(n, new RenstraRequests.Indicator(name, unitText, direction(row.text(direction)),
                kind, percentage ? (num.isEmpty() ? DEFAULT_NUMERATOR : num) : null,
                percentage ? (den.isEmpty() ? DEFAULT_DENOMINATOR : den) : null, aggregation, "ENTERED", null, null,
                baselineValue, targets)));
    }

    /** Indonesian words for the direction; anything else goes to the validator as written (and is refused there). */
    private static String direction(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.startsWith("naik") || lower.startsWith("tinggi") || lower.equals("positif")) {
            return "HIGHER";
        }
        if (lower.startsWith("turun") || lower.startsWith("rendah") || lower.equals("negatif")) {
            return "LOWER";
        }
        if (lower.startsWith("rentang")) {
            return "RANGE";
        }
        return text.toUpperCase(Locale.ROOT);
    }

    private void notNumber(long row, String column, String text, String what) {
        add(PerformanceProblems.VALUE_NOT_NUMBER, new Violation("/rows/" + row + "/" + column, row, column, text,
                what + " '" + text + "' bukan angka (tulis mis. 100%, 50 orang, 24.000.000 atau 81,79)."));
    }

    /** A number and the text after it; null for an empty cell or "-"; {@link #NOT_A_NUMBER} for anything else. */
    record Parsed(BigDecimal value, String suffix) {
        static final Parsed NOT_A_NUMBER = new Parsed(null, null);
    }

    /** A cell's number: as stored when Excel kept it as a number (no thousands dots to read), else as text. */
    private static Parsed cellNumber(SheetRow row, int column) {
        String text = row.text(column);
        if (column >= 0 && row.numericCells().contains(column) && !text.isEmpty()) {
            return new Parsed(new BigDecimal(text), "");
        }
        return number(text);
    }

    static Parsed number(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty() || stripped.equals("-")) {
            return null;
        }
        Matcher m = NUMBER.matcher(stripped);
        if (!m.matches()) {
            return Parsed.NOT_A_NUMBER;
        }
        String digits = m.group(1);
        String plain;
        if (digits.contains(",")) {
            plain = digits.replace(".", "").replace(',', '.');
        } else if (THOUSANDS.matcher(digits).matches()) {
            plain = digits.replace(".", "");
        } else {
            plain = digits;
        }
        try {
            return new Parsed(new BigDecimal(plain), m.group(2).strip());
        } catch (NumberFormatException notOne) {
            return Parsed.NOT_A_NUMBER;
        }
    }

    private static boolean blank(SheetRow row) {
        return row.cells().stream().allMatch(c -> c == null || c.isBlank());
    }

    /** Tabel 6.1 numbers its columns (1, 2, 3 ...) in a row under the header. */
    private static boolean columnNumbers(SheetRow row) {
        int expected = 1;
        for (String cell : row.cells()) {
            if (cell == null || cell.isBlank()) {
                continue;
            }
            if (!cell.strip().equals(Integer.toString(expected))) {
                return false;
            }
            expected++;
        }
        return expected > 3;
    }

    private RenstraRequests.Tujuan toTujuan(String pointer, Node t, Map<String, Long> rowOf) {
        rowOf.put(pointer, t.row);
        List<RenstraRequests.Sasaran> sasaran = new ArrayList<>();
        for (int s = 0; s < t.children.size(); s++) {
            Node sn = t.children.get(s);
            String sp = pointer + "/sasaran/" + s;
            rowOf.put(sp, sn.row);
            List<RenstraRequests.Program> programs = new ArrayList<>();
            for (int p = 0; p < sn.children.size(); p++) {
                Node pn = sn.children.get(p);
                String pp = sp + "/program/" + p;
                rowOf.put(pp, pn.row);
                List<RenstraRequests.Kegiatan> kegiatan = new ArrayList<>();
                for (int k = 0; k < pn.children.size(); k++) {
                    Node kn = pn.children.get(k);
                    String kp = pp + "/kegiatan/" + k;
                    rowOf.put(kp, kn.row);
                    List<RenstraRequests.SubKegiatan> subs = new ArrayList<>();
                    for (int x = 0; x < kn.children.size(); x++) {
                        Node xn = kn.children.get(x);
                        String xp = kp + "/subKegiatan/" + x;
                        rowOf.put(xp, xn.row);
                        subs.add(new RenstraRequests.SubKegiatan(xn.code, xn.name, indicators(xp, xn, rowOf)));
                    }
                    kegiatan.add(new RenstraRequests.Kegiatan(kn.code, kn.name, indicators(kp, kn, rowOf), subs));
                }
                programs.add(new RenstraRequests.Program(pn.code, pn.name, indicators(pp, pn, rowOf), kegiatan));
            }
            sasaran.add(new RenstraRequests.Sasaran(sn.name, indicators(sp, sn, rowOf), programs));
        }
        return new RenstraRequests.Tujuan(t.name, indicators(pointer, t, rowOf), sasaran);
    }

    private static List<RenstraRequests.Indicator> indicators(String pointer, Node node, Map<String, Long> rowOf) {
        List<RenstraRequests.Indicator> list = new ArrayList<>();
        for (int i = 0; i < node.indicators.size(); i++) {
            rowOf.put(pointer + "/indicators/" + i, node.indicators.get(i).row());
            list.add(node.indicators.get(i).indicator());
        }
        return list;
    }

    private void add(ProblemType type, Violation violation) {
        if (first == null) {
            first = type;
        }
        violations.add(violation);
    }

    private void refuseIfAny(String detail) {
        if (first != null) {
            throw first.refuse(detail, violations);
        }
    }
}
