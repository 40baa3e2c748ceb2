package org.kesra.performance.renstra;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.kesra.performance.PerformanceProblems;
import org.kesra.performance.capaian.Aggregation;
import org.kesra.performance.capaian.Direction;
import org.kesra.performance.register.RegisterMeasure;
import org.kesra.platform.refusal.ProblemType;
import org.kesra.platform.web.Violation;

/**
 * Checks a plan's tree against the rules of a Renstra and turns it into a {@link PlanTree}: every node named, codes in
 * one of the two nomenclature forms and inside their parent's code, no code twice, each indicator complete with a
 * target for every year of the period and none outside it, no negative budget or value its kind forbids. Every
 * violation is collected with its pointer; the refusal carries the code of the first.
 */
final class PlanValidator {

    static final int MAX_NAME = 1000;
    static final int MAX_SHORT = 100;
    /** Digits after the decimal point a target or baseline may have; more is a typing error, not precision. */
    static final int MAX_SCALE = 4;
    private static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000000");

    private final int startYear;
    private final int endYear;
    private final org.kesra.performance.Findings found = new org.kesra.performance.Findings();
    private final Map<String, String> codes = new HashMap<>();

    private PlanValidator(int startYear, int endYear) {
        this.startYear = startYear;
        this.endYear = endYear;
    }

    /** Checks the period of a new plan: pointers {@code /startYear}, {@code /endYear}. */
    static void checkPeriod(Integer startYear, Integer endYear) {
        List<Violation> violations = new ArrayList<>();
        ProblemType first = null;
        if (startYear == null) {
            violations.add(Violation.field("/startYear", "Tahun awal periode wajib diisi."));
            first = PerformanceProblems.REQUIRED;
        } else if (startYear < 2000 || startYear > 2100) {
            violations.add(Violation.field("/startYear", "Tahun awal periode harus antara 2000 dan 2100."));
            first = PerformanceProblems.PERIOD_INVALID;
        }
        if (endYear == null) {
            violations.add(Violation.field("/endYear", "Tahun akhir periode wajib diisi."));
            first = first != null ? first : PerformanceProblems.REQUIRED;
        } else if (startYear != null && (endYear < startYear || endYear - startYear > 5)) {
            violations.add(Violation.field("/endYear", "Tahun akhir harus sama dengan atau sesudah tahun awal, dan"
                    + " periode paling lama 6 tahun."));
            first = first != null ? first : PerformanceProblems.PERIOD_INVALID;
        }
        if (first != null) {
            throw first.refuse("Periode Renstra tidak sah.", violations);
        }
    }

    /** The checked tree of a plan for {@code startYear}-{@code endYear}, or a refusal listing every violation. */
    static PlanTree check(int startYear, int endYear, String title, List<RenstraRequests.Tujuan> tujuan) {
        PlanValidator validator = new PlanValidator(startYear, endYear);
        String checkedTitle = validator.text("/title", title, 300, "Judul Renstra");
        // Children are read after their parent's own fields, so the first violation is the first in the document.
        List<PlanTree.Node> nodes = validator.level("/tujuan", tujuan, "tujuan", (pointer, t) -> validator.node(
                pointer, NodeLevel.TUJUAN, null, t.name(), t.indicators(),
                () -> validator.level(pointer + "/sasaran", t.sasaran(), null, (sp, s) -> validator.node(
                        sp, NodeLevel.SASARAN, null, s.name(), s.indicators(),
                        () -> validator.level(sp + "/program", s.program(), null, (pp, p) -> {
                            String programCode = validator.code(pp, NodeLevel.PROGRAM, p.code(), null);
                            return validator.node(pp, NodeLevel.PROGRAM, programCode, p.name(), p.indicators(),
                                    () -> validator.level(pp + "/kegiatan", p.kegiatan(), null, (kp, k) -> {
                                        String kegiatanCode = validator.code(kp, NodeLevel.KEGIATAN, k.code(),
                                                programCode);
                                        return validator.node(kp, NodeLevel.KEGIATAN, kegiatanCode, k.name(),
                                                k.indicators(), () -> validator.level(kp + "/subKegiatan",
                                                        k.subKegiatan(), null, (skp, sk) -> validator.node(skp,
                                                                NodeLevel.SUB_KEGIATAN, validator.code(skp,
                                                                        NodeLevel.SUB_KEGIATAN, sk.code(),
                                                                        kegiatanCode), sk.name(),
                                                                sk.indicators(), List::of)));
                                    }));
                        })))));
        validator.refuseIfAny("Renstra tidak dapat disimpan: ada isian yang tidak sesuai aturan.");
        return new PlanTree(checkedTitle, nodes);
    }

    /** A revision's reason: required, at most 2000 characters. */
    static String reason(String reason) {
        PlanValidator validator = new PlanValidator(0, 0);
        String checked = validator.text("/reason", reason, 2000, "Alasan revisi");
        validator.refuseIfAny("Revisi Renstra memerlukan alasan.");
        return checked;
    }

    private interface NodeReader<T> {
        PlanTree.Node read(String pointer, T input);
    }

    private <T> List<PlanTree.Node> level(String pointer, List<T> inputs, String requiredWhat, NodeReader<T> reader) {
        if (inputs == null || inputs.isEmpty()) {
            if (requiredWhat != null) {
                add(PerformanceProblems.REQUIRED, pointer, "Renstra memerlukan paling sedikit satu " + requiredWhat + ".");
            }
            return List.of();
        }
        List<PlanTree.Node> nodes = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            T input = inputs.get(i);
            if (input == null) {
                add(PerformanceProblems.REQUIRED, pointer + "/" + i, "Butir kosong.");
                continue;
            }
            nodes.add(reader.read(pointer + "/" + i, input));
        }
        return nodes;
    }

    private PlanTree.Node node(String pointer, NodeLevel level, String code, String name,
                               List<RenstraRequests.Indicator> indicators,
                               java.util.function.Supplier<List<PlanTree.Node>> children) {
        String checkedName = text(pointer + "/name", name, MAX_NAME, "Nama");
        List<PlanTree.IndicatorDef> defs = new ArrayList<>();
        if (indicators != null) {
            for (int i = 0; i < indicators.size(); i++) {
                RenstraRequests.Indicator indicator = indicators.get(i);
                String at = pointer + "/indicators/" + i;
                if (indicator == null) {
                    add(PerformanceProblems.REQUIRED, at, "Butir kosong.");
                } else {
                    defs.add(indicator(at, indicator));
                }
            }
        }
        return new PlanTree.Node(level, code, checkedName, defs, children.get());
    }

    private String code(String pointer, NodeLevel level, String code, String parentCode) {
        String at = pointer + "/code";
        if (code == null || code.isBlank()) {
            add(PerformanceProblems.REQUIRED, at, "Kode nomenklatur wajib diisi (" + Nomenclature.expectedForm(level)
                    + ").");
            return null;
        }
        Optional<String> normalised = Nomenclature.normalise(level, code);
        if (normalised.isEmpty()) {
            add(PerformanceProblems.CODE_FORMAT, at, "Kode bukan bentuk nomenklatur yang dikenal untuk tingkat ini ("
                    + Nomenclature.expectedForm(level) + ").");
            return null;
        }
        String normal = normalised.get();
        if (parentCode != null && !normal.startsWith(parentCode + ".")) {
            add(PerformanceProblems.CODE_OUTSIDE_PARENT, at, "Kode " + normal + " tidak berada di bawah kode induknya "
                    + parentCode + ".");
        }
        String earlier = codes.putIfAbsent(normal, at);
        if (earlier != null) {
            add(PerformanceProblems.CODE_TWICE, at, "Kode " + normal + " sudah dipakai di " + earlier + ".");
        }
        return normal;
    }

    private PlanTree.IndicatorDef indicator(String at, RenstraRequests.Indicator in) {
        String name = text(at + "/name", in.name(), MAX_NAME, "Nama indikator");
        String unitOfMeasure = text(at + "/unitOfMeasure", in.unitOfMeasure(), MAX_SHORT, "Satuan");
        Direction direction = choice(at + "/direction", in.direction(), Direction::valueOf,
                PerformanceProblems.DIRECTION_UNKNOWN, "HIGHER, LOWER, RANGE", "Arah indikator");
        IndicatorKind kind = choice(at + "/kind", in.kind(), IndicatorKind::valueOf, PerformanceProblems.KIND_UNKNOWN,
                "PERCENTAGE, COUNT, INDEX, RUPIAH, MONTHS", "Jenis indikator");
        Aggregation aggregation = choice(at + "/aggregation", in.aggregation(), Aggregation::valueOf,
                PerformanceProblems.AGGREGATION_UNKNOWN, "SUM, LAST, AVERAGE, RATIO", "Cara agregasi");
        IndicatorSource source = choice(at + "/source", in.source(), IndicatorSource::valueOf,
                PerformanceProblems.SOURCE_UNKNOWN, "ENTERED, REGISTER", "Sumber data");
        String numerator = optionalText(at + "/numeratorDefinition", in.numeratorDefinition(), MAX_NAME);
        String denominator = optionalText(at + "/denominatorDefinition", in.denominatorDefinition(), MAX_NAME);
        if (kind == IndicatorKind.PERCENTAGE) {
            if (numerator == null) {
                add(PerformanceProblems.PERCENTAGE_DEFINITION, at + "/numeratorDefinition",
                        "Indikator persentase memerlukan definisi pembilang.");
            }
            if (denominator == null) {
                add(PerformanceProblems.PERCENTAGE_DEFINITION, at + "/denominatorDefinition",
                        "Indikator persentase memerlukan definisi penyebut.");
            }
        } else if (kind != null && aggregation == Aggregation.RATIO) {
            add(PerformanceProblems.PERCENTAGE_DEFINITION, at + "/aggregation",
                    "Agregasi RATIO (jumlah pembilang dibagi jumlah penyebut) hanya untuk indikator persentase.");
        }
        RegisterMeasure measure = registerMeasure(at, in, source, kind);
        String programme = measure == RegisterMeasure.KPM
                ? optionalText(at + "/registerProgramme", in.registerProgramme(), MAX_SHORT) : null;
        BigDecimal baseline = in.baseline() == null ? null : value(at + "/baseline", in.baseline(), kind, "Kondisi awal");
        List<PlanTree.YearValue> targets = targets(at + "/targets", in.targets(), kind, direction);
        return new PlanTree.IndicatorDef(name, unitOfMeasure, direction, kind, numerator, denominator, aggregation,
                source, measure, programme, baseline, targets);
    }

    /**
     * Which register figure an indicator computed from a register takes: required for source REGISTER, refused for
     * ENTERED; a share only on a percentage, a count on a count; KPM names its programme.
     */
    private RegisterMeasure registerMeasure(String at, RenstraRequests.Indicator in, IndicatorSource source,
                                            IndicatorKind kind) {
        boolean given = in.registerMeasure() != null && !in.registerMeasure().isBlank();
        if (source != IndicatorSource.REGISTER) {
            if (given) {
                add(PerformanceProblems.REGISTER_MEASURE_INVALID, at + "/registerMeasure", "Ukuran register hanya"
                        + " untuk indikator bersumber REGISTER.");
            }
            return null;
        }
        if (!given) {
            add(PerformanceProblems.REQUIRED, at + "/registerMeasure", "Indikator bersumber REGISTER memerlukan"
                    + " ukuran register: " + Arrays.toString(RegisterMeasure.values()) + ".");
            return null;
        }
        RegisterMeasure measure;
        try {
            measure = RegisterMeasure.valueOf(in.registerMeasure().strip());
        } catch (IllegalArgumentException unknown) {
            add(PerformanceProblems.REGISTER_MEASURE_INVALID, at + "/registerMeasure", "Ukuran register harus salah"
                    + " satu dari: " + Arrays.toString(RegisterMeasure.values()) + ".");
            return null;
        }
        if (kind != null && (measure.isShare() != (kind == IndicatorKind.PERCENTAGE)
                || !measure.isShare() && kind != IndicatorKind.COUNT)) {
            add(PerformanceProblems.REGISTER_MEASURE_INVALID, at + "/registerMeasure", "Ukuran " + measure
                    + (measure.isShare() ? " hanya untuk indikator PERCENTAGE." : " hanya untuk indikator COUNT."));
        }
        if (measure.needsProgramme() && (in.registerProgramme() == null || in.registerProgramme().isBlank())) {
            add(PerformanceProblems.REGISTER_MEASURE_INVALID, at + "/registerProgramme", "Ukuran KPM memerlukan kode"
                    + " program bantuan (mis. PKH).");
        }
        return measure;
    }

    private List<PlanTree.YearValue> targets(String at, List<RenstraRequests.YearTarget> targets, IndicatorKind kind,
                                             Direction direction) {
        List<PlanTree.YearValue> values = new ArrayList<>();
        TreeSet<Integer> seen = new TreeSet<>();
        List<RenstraRequests.YearTarget> given = targets == null ? List.of() : targets;
        for (int i = 0; i < given.size(); i++) {
            RenstraRequests.YearTarget t = given.get(i);
            String tp = at + "/" + i;
            if (t == null) {
                add(PerformanceProblems.REQUIRED, tp, "Butir kosong.");
                continue;
            }
            boolean yearOk = true;
            if (t.year() == null) {
                add(PerformanceProblems.REQUIRED, tp + "/year", "Tahun target wajib diisi.");
                yearOk = false;
            } else if (t.year() < startYear || t.year() > endYear) {
                add(PerformanceProblems.YEAR_OUTSIDE_PERIOD, tp + "/year", "Tahun " + t.year()
                        + " di luar periode rencana " + startYear + "-" + endYear + ".");
                yearOk = false;
            } else if (!seen.add(t.year())) {
                add(PerformanceProblems.YEAR_TWICE, tp + "/year", "Target tahun " + t.year() + " disebut dua kali.");
                yearOk = false;
            }
            BigDecimal target = null;
            if (t.target() == null) {
                add(PerformanceProblems.REQUIRED, tp + "/target", "Nilai target wajib diisi.");
            } else {
                target = value(tp + "/target", t.target(), kind, "Target");
            }
            BigDecimal targetMax = null;
            if (direction == Direction.RANGE) {
                if (t.targetMax() == null) {
                    add(PerformanceProblems.RANGE_INVALID, tp + "/targetMax",
                            "Indikator RANGE memerlukan batas atas target (targetMax).");
                } else {
                    targetMax = value(tp + "/targetMax", t.targetMax(), kind, "Batas atas target");
                    if (target != null && targetMax != null && targetMax.compareTo(target) < 0) {
                        add(PerformanceProblems.RANGE_INVALID, tp + "/targetMax",
                                "Batas atas target lebih kecil dari batas bawahnya.");
                    }
                }
            } else if (t.targetMax() != null && direction != null) {
                add(PerformanceProblems.RANGE_INVALID, tp + "/targetMax",
                        "Batas atas target hanya untuk indikator dengan arah RANGE.");
            }
            if (t.budget() != null && t.budget() < 0) {
                add(PerformanceProblems.BUDGET_NEGATIVE, tp + "/budget", "Pendanaan indikatif tidak boleh negatif.");
            }
            if (yearOk && target != null) {
                values.add(new PlanTree.YearValue(t.year(), target, targetMax, t.budget()));
            }
        }
        for (int year = startYear; year <= endYear; year++) {
            if (!seen.contains(year)) {
                add(PerformanceProblems.TARGET_MISSING, at, "Target tahun " + year + " belum diisi; setiap tahun"
                        + " periode " + startYear + "-" + endYear + " memerlukan target.");
            }
        }
        values.sort(java.util.Comparator.comparingInt(PlanTree.YearValue::year));
        return values;
    }

    private BigDecimal value(String pointer, BigDecimal value, IndicatorKind kind, String what) {
        if (value.scale() > MAX_SCALE && value.stripTrailingZeros().scale() > MAX_SCALE) {
            add(PerformanceProblems.VALUE_INVALID, pointer, what + " paling banyak " + MAX_SCALE + " angka desimal.");
            return null;
        }
        if (value.abs().compareTo(MAX_VALUE) >= 0) {
            add(PerformanceProblems.VALUE_INVALID, pointer, what + " terlalu besar.");
            return null;
        }
        if (value.signum() < 0 && kind != null && !kind.allowsNegative()) {
            add(PerformanceProblems.VALUE_INVALID, pointer, what + " tidak boleh negatif untuk indikator " + kind + ".");
            return null;
        }
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    private <E> E choice(String pointer, String text, Function<String, E> parse, ProblemType unknown, String allowed,
                         String what) {
        if (text == null || text.isBlank()) {
            add(PerformanceProblems.REQUIRED, pointer, what + " wajib diisi (" + allowed + ").");
            return null;
        }
        try {
            return parse.apply(text.strip());
        } catch (IllegalArgumentException notOne) {
            add(unknown, pointer, what + " harus salah satu dari: " + allowed + ".");
            return null;
        }
    }

    private String text(String pointer, String text, int max, String what) {
        if (text == null || text.isBlank()) {
            add(PerformanceProblems.REQUIRED, pointer, what + " wajib diisi.");
            return null;
        }
        return optionalText(pointer, text, max);
    }

    private String optionalText(String pointer, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            add(PerformanceProblems.TOO_LONG, pointer, "Paling banyak " + max + " karakter.");
            return null;
        }
        return stripped;
    }

    private void add(ProblemType type, String pointer, String detail) {
        found.add(type, pointer, detail);
    }

    private void refuseIfAny(String detail) {
        found.refuseIfAny(detail);
    }
}
