package org.kesra.performance.consistency;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kesra.performance.PerformanceProblems;
import org.kesra.performance.agreement.AgreementViews;
import org.kesra.performance.agreement.PerformanceAgreements;
import org.kesra.performance.realisation.RealisationViews;
import org.kesra.performance.realisation.Realisations;
import org.kesra.performance.renstra.IndicatorKind;
import org.kesra.performance.renstra.RenstraPlans;
import org.kesra.performance.renstra.RenstraViews;
import org.kesra.performance.units.Unit;
import org.kesra.performance.units.UnitScope;
import org.kesra.performance.units.Units;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Paging;
import org.kesra.platform.web.Violation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consistency checks of one unit (issue 22 item 6), run over everything the unit has for a year each time they
 * are asked for: its Renstra versions in force, its Perjanjian Kinerja (newest revision) and its realisations
 * (newest content version). Computed on read, never stored, so a finding reflects the documents as they are now and
 * disappears when they are corrected. Reads only through the owning packages' use cases (with the caller's scope),
 * so nothing outside the caller's region is looked at. Every finding names both places it concerns, each with the
 * document's API path and a JSON pointer into that document's answer.
 */
@Service
public class ConsistencyChecks {

    /** A unit has a handful of plans, agreements and quarterly realisations a year; one page holds them all. */
    private static final Paging ALL = new Paging(0, null, 200);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Units units;
    private final RenstraPlans plans;
    private final PerformanceAgreements agreements;
    private final Realisations realisations;

    public ConsistencyChecks(Units units, RenstraPlans plans, PerformanceAgreements agreements,
                             Realisations realisations) {
        this.units = units;
        this.plans = plans;
        this.agreements = agreements;
        this.realisations = realisations;
    }

    @Transactional(readOnly = true)
    public ConsistencyViews.UnitFindings forUnit(UnitScope scope, String unitCode, Integer year) {
        Unit unit = units.readable(scope, unitCode);
        if (year != null && (year < 2000 || year > 2100)) {
            throw PerformanceProblems.MONITORING_PERIOD_INVALID.refuse("Tahun harus antara 2000 dan 2100.",
                    List.of(Violation.field("/tahun", "Tahun tidak sah.")));
        }
        List<ConsistencyViews.Finding> findings = new ArrayList<>();
        for (RenstraViews.PlanSummary summary : plans.list(scope, unit.code(), ALL).items()) {
            if (year == null || (year >= summary.startYear() && year <= summary.endYear())) {
                checkPlan(plans.read(scope, summary.id(), null), year, findings);
            }
        }
        Map<String, AgreementViews.AgreementView> agreementRevisions = new HashMap<>();
        for (AgreementViews.AgreementSummary summary : agreements.list(scope, unit.code(), year, ALL).items()) {
            AgreementViews.AgreementView agreement = agreements.read(scope, summary.id(), null);
            agreementRevisions.put(agreement.id() + "/" + agreement.revision(), agreement);
            checkAgreement(scope, agreement, findings);
        }
        PageResponse<RealisationViews.RealisationSummary> reported = realisations.list(scope, unit.code(), year, null,
                ALL);
        List<RealisationViews.RealisationSummary> oldestFirst = new ArrayList<>(reported.items());
        oldestFirst.sort((a, b) -> a.year() != b.year() ? Integer.compare(a.year(), b.year())
                : Integer.compare(a.quarter(), b.quarter()));
        // Budget realised is one quarter's spending (the LAKIP sums the quarters), so the year's running total per
        // agreement item is what must stay within the pagu, not only each quarter's amount.
        Map<String, Long> spentSoFar = new HashMap<>();
        for (RealisationViews.RealisationSummary summary : oldestFirst) {
            RealisationViews.RealisationView realisation = realisations.read(scope, summary.id(), null);
            AgreementViews.AgreementView agreement = agreementRevisions.computeIfAbsent(
                    realisation.agreementId() + "/" + realisation.agreementRevision(),
                    key -> agreements.read(scope, realisation.agreementId(), realisation.agreementRevision()));
            checkRealisation(scope, realisation, agreement, spentSoFar, findings);
        }
        return new ConsistencyViews.UnitFindings(unit, year, findings.size(), findings);
    }

    // --- Renstra ---

    private void checkPlan(RenstraViews.PlanView plan, Integer year, List<ConsistencyViews.Finding> findings) {
        String href = "/api/v1/renstra/" + plan.id() + "/versions/" + plan.version();
        Map<UUID, Located> nodes = new HashMap<>();
        List<LocatedIndicator> indicators = new ArrayList<>();
        locate(plan.tujuan(), "/tujuan", nodes, indicators);
        for (RenstraViews.Finding budget : plan.checks()) {
            if (budget.check() != RenstraViews.Check.BUDGET_SUM || (year != null && budget.year() != year)) {
                continue;
            }
            Located node = nodes.get(budget.nodeId());
            List<ConsistencyViews.Place> places = new ArrayList<>();
            places.add(new ConsistencyViews.Place(ConsistencyViews.Document.RENSTRA, href,
                    budgetPointer(node, budget.year()), label(node.node()) + ": pendanaan " + budget.year(),
                    rupiah(budget.stated())));
            for (RenstraViews.NodeView child : node.node().children()) {
                Long childBudget = budgetOf(child, budget.year());
                if (childBudget != null) {
                    places.add(new ConsistencyViews.Place(ConsistencyViews.Document.RENSTRA, href,
                            budgetPointer(nodes.get(child.id()), budget.year()), label(child) + ": pendanaan "
                            + budget.year(), rupiah(childBudget)));
                }
            }
            findings.add(new ConsistencyViews.Finding(Check.BUDGET_SUM.code(), Check.BUDGET_SUM, budget.detail(),
                    budget.year(), null, places));
        }
        for (LocatedIndicator located : indicators) {
            RenstraViews.IndicatorView indicator = located.indicator();
            Set<Integer> years = new HashSet<>();
            for (int t = 0; t < indicator.targets().size(); t++) {
                RenstraViews.TargetView target = indicator.targets().get(t);
                years.add(target.year());
                if ((year == null || target.year() == year) && plainShare(indicator.kind(), indicator.unitOfMeasure())
                        && outsideShare(target.target(), target.targetMax())) {
                    findings.add(new ConsistencyViews.Finding(Check.PERCENT_RANGE.code(), Check.PERCENT_RANGE,
                            "Target " + target.year() + " indikator \"" + indicator.name() + "\" "
                                    + figure(target.target(), target.targetMax()) + " %, di luar 0-100 untuk"
                                    + " indikator bersatuan %.", target.year(), null,
                            List.of(new ConsistencyViews.Place(ConsistencyViews.Document.RENSTRA, href,
                                    located.path() + "/targets/" + t + "/target", indicator.name() + ": target "
                                    + target.year(), figure(target.target(), target.targetMax())),
                                    new ConsistencyViews.Place(ConsistencyViews.Document.RENSTRA, href,
                                            located.path() + "/unitOfMeasure", indicator.name() + ": satuan",
                                            indicator.unitOfMeasure()))));
                }
            }
            for (int y = plan.startYear(); y <= plan.endYear(); y++) {
                if (!years.contains(y) && (year == null || y == year)) {
                    findings.add(new ConsistencyViews.Finding(Check.TARGET_YEAR_MISSING.code(),
                            Check.TARGET_YEAR_MISSING, "Indikator \"" + indicator.name() + "\" tidak memiliki target"
                            + " tahun " + y + ", padahal periode Renstra " + plan.startYear() + "-" + plan.endYear()
                            + ".", y, null, List.of(
                            new ConsistencyViews.Place(ConsistencyViews.Document.RENSTRA, href,
                                    located.path() + "/targets", indicator.name() + ": target tahunan", null),
                            new ConsistencyViews.Place(ConsistencyViews.Document.RENSTRA, href, "/endYear",
                                    "Periode Renstra", plan.startYear() + "-" + plan.endYear()))));
                }
            }
        }
    }

    private record Located(RenstraViews.NodeView node, String path) {
    }

    private record LocatedIndicator(RenstraViews.IndicatorView indicator, String path) {
    }

    /** JSON pointers of every node and indicator of a plan's answer ({@code /tujuan/0/children/1/indicators/0}). */
    private static void locate(List<RenstraViews.NodeView> nodes, String prefix, Map<UUID, Located> located,
                               List<LocatedIndicator> indicators) {
        for (int i = 0; i < nodes.size(); i++) {
            RenstraViews.NodeView node = nodes.get(i);
            String path = prefix + "/" + i;
            located.put(node.id(), new Located(node, path));
            for (int k = 0; k < node.indicators().size(); k++) {
                indicators.add(new LocatedIndicator(node.indicators().get(k), path + "/indicators/" + k));
            }
            locate(node.children(), path + "/children", located, indicators);
        }
    }

    /** The pointer to a node's budget of a year: its (first budgeted) indicator's target of that year. */
    private static String budgetPointer(Located node, int year) {
        List<RenstraViews.IndicatorView> indicators = node.node().indicators();
        for (int k = 0; k < indicators.size(); k++) {
            List<RenstraViews.TargetView> targets = indicators.get(k).targets();
            for (int t = 0; t < targets.size(); t++) {
                if (targets.get(t).year() == year && targets.get(t).budget() != null) {
                    return node.path() + "/indicators/" + k + "/targets/" + t + "/budget";
                }
            }
        }
        return node.path();
    }

    private static Long budgetOf(RenstraViews.NodeView node, int year) {
        Long total = null;
        for (RenstraViews.IndicatorView indicator : node.indicators()) {
            for (RenstraViews.TargetView target : indicator.targets()) {
                if (target.year() == year && target.budget() != null) {
                    total = total == null ? target.budget() : total + target.budget();
                }
            }
        }
        return total;
    }

    private static String label(RenstraViews.NodeView node) {
        String level = switch (node.level()) {
            case TUJUAN -> "Tujuan";
            case SASARAN -> "Sasaran";
            case PROGRAM -> "Program";
            case KEGIATAN -> "Kegiatan";
            case SUB_KEGIATAN -> "Sub-kegiatan";
        };
        return level + (node.code() == null ? "" : " " + node.code()) + " " + node.name();
    }

    // --- Perjanjian Kinerja ---

    private void checkAgreement(UnitScope scope, AgreementViews.AgreementView agreement,
                                List<ConsistencyViews.Finding> findings) {
        String href = "/api/v1/agreements/" + agreement.id() + "/revisions/" + agreement.revision();
        for (int i = 0; i < agreement.items().size(); i++) {
            AgreementViews.ItemView item = agreement.items().get(i);
            String at = "/items/" + i;
            String name = "Butir " + (i + 1) + " PK \"" + item.indicator() + "\"";
            if (item.unitOfMeasure().strip().equals("%") && outsideShare(item.target(), item.targetMax())) {
                findings.add(new ConsistencyViews.Finding(Check.PERCENT_RANGE.code(), Check.PERCENT_RANGE, name
                        + " bertarget " + figure(item.target(), item.targetMax()) + " %, di luar 0-100 untuk"
                        + " indikator bersatuan %.", agreement.year(), null, List.of(
                        new ConsistencyViews.Place(ConsistencyViews.Document.PERJANJIAN_KINERJA, href, at + "/target",
                                name + ": target", figure(item.target(), item.targetMax())),
                        new ConsistencyViews.Place(ConsistencyViews.Document.PERJANJIAN_KINERJA, href,
                                at + "/unitOfMeasure", name + ": satuan", item.unitOfMeasure()))));
            }
            if (item.renstraIndicatorId() == null) {
                continue;
            }
            RenstraPlans.IndicatorYear renstra = plans.indicatorYear(item.renstraIndicatorId(), agreement.year())
                    .orElse(null);
            if (renstra == null) {
                continue;
            }
            String renstraHref = "/api/v1/renstra/" + renstra.planId() + "/versions/" + renstra.version();
            String renstraAt = targetPointer(scope, renstra, agreement.year());
            String renstraName = "Renstra " + (renstra.nodeCode() == null ? "" : renstra.nodeCode() + " ") + "\""
                    + renstra.indicatorName() + "\"";
            if (renstra.target() != null && item.target().compareTo(renstra.target()) != 0) {
                findings.add(new ConsistencyViews.Finding(Check.FIGURE_DIFFERS.code(), Check.FIGURE_DIFFERS, name
                        + " bertarget " + item.target().toPlainString() + " tahun " + agreement.year() + ", tetapi "
                        + renstraName + " menyatakan " + plain(renstra.target()) + ".", agreement.year(), null,
                        List.of(new ConsistencyViews.Place(ConsistencyViews.Document.PERJANJIAN_KINERJA, href,
                                        at + "/target", name + ": target", item.target().toPlainString()),
                                new ConsistencyViews.Place(ConsistencyViews.Document.RENSTRA, renstraHref,
                                        renstraAt + "/target", renstraName + ": target " + agreement.year(),
                                        plain(renstra.target())))));
            }
            if (item.budget() != null && renstra.budget() != null && !item.budget().equals(renstra.budget())) {
                findings.add(new ConsistencyViews.Finding(Check.FIGURE_DIFFERS.code(), Check.FIGURE_DIFFERS, name
                        + " berpagu Rp " + rupiah(item.budget()) + " tahun " + agreement.year() + ", tetapi "
                        + renstraName + " menyatakan Rp " + rupiah(renstra.budget()) + " (selisih Rp "
                        + rupiah(Math.abs(item.budget() - renstra.budget())) + ").", agreement.year(), null,
                        List.of(new ConsistencyViews.Place(ConsistencyViews.Document.PERJANJIAN_KINERJA, href,
                                        at + "/budget", name + ": pagu", rupiah(item.budget())),
                                new ConsistencyViews.Place(ConsistencyViews.Document.RENSTRA, renstraHref,
                                        renstraAt + "/budget", renstraName + ": pendanaan " + agreement.year(),
                                        rupiah(renstra.budget())))));
            }
        }
    }

    // --- Realisation ---

    private void checkRealisation(UnitScope scope, RealisationViews.RealisationView realisation,
                                  AgreementViews.AgreementView agreement, Map<String, Long> spentSoFar,
                                  List<ConsistencyViews.Finding> findings) {
        String href = "/api/v1/realisations/" + realisation.id() + "/versions/" + realisation.version();
        String agreementHref = "/api/v1/agreements/" + agreement.id() + "/revisions/" + agreement.revision();
        String quarter = "Realisasi triwulan " + realisation.quarter() + " " + realisation.year();
        Set<Integer> reported = new HashSet<>();
        for (int k = 0; k < realisation.entries().size(); k++) {
            RealisationViews.EntryView entry = realisation.entries().get(k);
            reported.add(entry.item());
            String at = "/entries/" + k;
            String name = quarter + " butir " + (entry.item() + 1) + " \"" + entry.indicator() + "\"";
            long before = entry.budgetRealised() == null ? 0
                    : spentSoFar.getOrDefault(realisation.agreementId() + "/" + entry.item(), 0L);
            if (entry.budgetRealised() != null) {
                spentSoFar.merge(realisation.agreementId() + "/" + entry.item(), entry.budgetRealised(), Long::sum);
            }
            if (entry.budget() != null && entry.budgetRealised() != null && entry.budgetRealised() <= entry.budget()
                    && before + entry.budgetRealised() > entry.budget() && !entry.budgetOverride()) {
                long total = before + entry.budgetRealised();
                findings.add(new ConsistencyViews.Finding(Check.OVER_PAGU.code(), Check.OVER_PAGU, name
                        + ": realisasi anggaran s.d. triwulan " + realisation.quarter() + " Rp " + rupiah(total)
                        + " (triwulan sebelumnya Rp " + rupiah(before) + " ditambah triwulan ini Rp "
                        + rupiah(entry.budgetRealised()) + ") melebihi pagu Rp " + rupiah(entry.budget())
                        + " tanpa pernyataan dan alasan melebihi pagu.", realisation.year(), realisation.quarter(),
                        List.of(new ConsistencyViews.Place(ConsistencyViews.Document.REALISASI, href,
                                        at + "/budgetRealised", name + ": realisasi anggaran triwulan ini",
                                        rupiah(entry.budgetRealised())),
                                new ConsistencyViews.Place(ConsistencyViews.Document.PERJANJIAN_KINERJA, agreementHref,
                                        "/items/" + entry.item() + "/budget", "Butir " + (entry.item() + 1)
                                        + " PK: pagu", rupiah(entry.budget())))));
            }
            if (entry.budget() != null && entry.budgetRealised() != null && entry.budgetRealised() > entry.budget()
                    && !entry.budgetOverride()) {
                findings.add(new ConsistencyViews.Finding(Check.OVER_PAGU.code(), Check.OVER_PAGU, name
                        + ": realisasi anggaran Rp " + rupiah(entry.budgetRealised()) + " melebihi pagu Rp "
                        + rupiah(entry.budget()) + " tanpa pernyataan dan alasan melebihi pagu.", realisation.year(),
                        realisation.quarter(), List.of(
                        new ConsistencyViews.Place(ConsistencyViews.Document.REALISASI, href, at + "/budgetRealised",
                                name + ": realisasi anggaran", rupiah(entry.budgetRealised())),
                        new ConsistencyViews.Place(ConsistencyViews.Document.PERJANJIAN_KINERJA, agreementHref,
                                "/items/" + entry.item() + "/budget", "Butir " + (entry.item() + 1) + " PK: pagu",
                                rupiah(entry.budget())))));
            }
            AgreementViews.ItemView item = agreement.items().get(entry.item());
            if (entry.budget() == null || item.renstraIndicatorId() == null) {
                continue;
            }
            RenstraPlans.IndicatorYear renstra = plans.indicatorYear(item.renstraIndicatorId(), realisation.year())
                    .orElse(null);
            if (renstra != null && renstra.budget() != null && !renstra.budget().equals(entry.budget())) {
                String renstraName = "Renstra " + (renstra.nodeCode() == null ? "" : renstra.nodeCode() + " ") + "\""
                        + renstra.indicatorName() + "\"";
                findings.add(new ConsistencyViews.Finding(Check.FIGURE_DIFFERS.code(), Check.FIGURE_DIFFERS, name
                        + ": pagu pada laporan Rp " + rupiah(entry.budget()) + ", tetapi tabel anggaran "
                        + renstraName + " menyatakan Rp " + rupiah(renstra.budget()) + " (selisih Rp "
                        + rupiah(Math.abs(entry.budget() - renstra.budget())) + ").", realisation.year(),
                        realisation.quarter(), List.of(
                        new ConsistencyViews.Place(ConsistencyViews.Document.REALISASI, href, at + "/budget",
                                name + ": pagu", rupiah(entry.budget())),
                        new ConsistencyViews.Place(ConsistencyViews.Document.RENSTRA, "/api/v1/renstra/"
                                + renstra.planId() + "/versions/" + renstra.version(),
                                targetPointer(scope, renstra, realisation.year()) + "/budget",
                                renstraName + ": pendanaan " + realisation.year(), rupiah(renstra.budget())))));
            }
        }
        for (int i = 0; i < agreement.items().size(); i++) {
            if (!reported.contains(i)) {
                AgreementViews.ItemView item = agreement.items().get(i);
                findings.add(new ConsistencyViews.Finding(Check.REALISATION_MISSING.code(),
                        Check.REALISATION_MISSING, quarter + " belum memuat realisasi butir " + (i + 1) + " \""
                        + item.indicator() + "\" dari Perjanjian Kinerja.", realisation.year(),
                        realisation.quarter(), List.of(
                        new ConsistencyViews.Place(ConsistencyViews.Document.PERJANJIAN_KINERJA, agreementHref,
                                "/items/" + i, "Butir " + (i + 1) + " PK", item.indicator()),
                        new ConsistencyViews.Place(ConsistencyViews.Document.REALISASI, href, "/entries",
                                quarter, null))));
            }
        }
    }

    // --- helpers ---

    /**
     * The JSON pointer of an indicator's target of {@code year} in its plan version's answer
     * ({@code /tujuan/0/children/1/indicators/0/targets/3}); the plan is read with the caller's scope.
     */
    private String targetPointer(UnitScope scope, RenstraPlans.IndicatorYear renstra, int year) {
        RenstraViews.PlanView plan = plans.read(scope, renstra.planId(), renstra.version());
        Map<UUID, Located> nodes = new HashMap<>();
        List<LocatedIndicator> indicators = new ArrayList<>();
        locate(plan.tujuan(), "/tujuan", nodes, indicators);
        for (LocatedIndicator located : indicators) {
            if (located.indicator().id().equals(renstra.indicatorId())) {
                List<RenstraViews.TargetView> targets = located.indicator().targets();
                for (int t = 0; t < targets.size(); t++) {
                    if (targets.get(t).year() == year) {
                        return located.path() + "/targets/" + t;
                    }
                }
                return located.path() + "/targets";
            }
        }
        return "";
    }

    private static boolean plainShare(IndicatorKind kind, String unitOfMeasure) {
        return kind == IndicatorKind.PERCENTAGE && unitOfMeasure.strip().equals("%");
    }

    private static boolean outsideShare(BigDecimal target, BigDecimal targetMax) {
        BigDecimal upper = targetMax != null ? targetMax : target;
        return target.signum() < 0 || upper.compareTo(HUNDRED) > 0;
    }

    private static String figure(BigDecimal target, BigDecimal targetMax) {
        return targetMax == null ? plain(target) : plain(target) + "-" + plain(targetMax);
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** Indonesian digit grouping, as the reports print it: 5.995.000. */
    static String rupiah(long amount) {
        return String.format(Locale.ROOT, "%,d", amount).replace(',', '.');
    }
}
