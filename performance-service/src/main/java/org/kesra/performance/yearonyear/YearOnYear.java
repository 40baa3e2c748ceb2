package org.kesra.performance.yearonyear;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.kesra.performance.Years;
import org.kesra.performance.agreement.AgreementStatus;
import org.kesra.performance.agreement.AgreementViews;
import org.kesra.performance.agreement.PerformanceAgreements;
import org.kesra.performance.capaian.Percent;
import org.kesra.performance.realisation.RealisationViews;
import org.kesra.performance.realisation.Realisations;
import org.kesra.performance.units.Unit;
import org.kesra.performance.units.UnitScope;
import org.kesra.performance.units.Units;
import org.kesra.platform.web.Paging;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Year on year (seed 004 Tabel 3.2): each item of a unit's agreed Perjanjian Kinerja of a year beside the same
 * indicator the year before. A year's figure is the year-to-date value of its latest reported quarter exactly as the
 * realisation view computes it ({@link Realisations#read}: approved version, else the newest; capaian by
 * {@code capaian.Capaian}); nothing is computed here but the difference in points.
 */
@Service
public class YearOnYear {

    /** A unit has a handful of agreements and quarterly realisations a year; one page holds them all. */
    private static final Paging ALL = new Paging(0, null, 200);

    private final Units units;
    private final PerformanceAgreements agreements;
    private final Realisations realisations;

    public YearOnYear(Units units, PerformanceAgreements agreements, Realisations realisations) {
        this.units = units;
        this.agreements = agreements;
        this.realisations = realisations;
    }

    /** One item of an agreed agreement with the year's figure. */
    private record Figure(AgreementViews.AgreementView agreement, int item, AgreementViews.ItemView itemView,
                          YearOnYearViews.YearFigure figure) {
    }

    @Transactional(readOnly = true)
    public YearOnYearViews.UnitYearOnYear compare(UnitScope scope, String unitCode, String yearText) {
        Unit unit = units.readable(scope, unitCode);
        int year = Years.parse(yearText, 2001, "Sebutkan tahun perbandingan (tahun) antara 2001 dan"
                + " 2100.", "/tahun", "Tahun wajib, angka 2001-2100.");
        List<Figure> previous = figures(scope, unit, year - 1);
        List<YearOnYearViews.AgreementComparison> compared = new ArrayList<>();
        for (List<Figure> agreement : byAgreement(figures(scope, unit, year))) {
            AgreementViews.AgreementView head = agreement.get(0).agreement();
            List<YearOnYearViews.ItemComparison> items = new ArrayList<>();
            for (Figure current : agreement) {
                Optional<Figure> before = match(current, previous);
                BigDecimal now = percent(current.figure());
                BigDecimal then = before.map(f -> percent(f.figure())).orElse(null);
                BigDecimal change = now == null || then == null ? null
                        : now.subtract(then).setScale(Percent.SCALE, RoundingMode.HALF_UP);
                String note = before.isEmpty()
                        ? "Indikator ini tidak ada pada Perjanjian Kinerja " + (year - 1) + " yang disepakati."
                        : change != null ? null
                        : before.get().figure().quarter() == null ? "Belum ada realisasi tahun " + (year - 1) + "."
                        : current.figure().quarter() == null ? "Belum ada realisasi tahun " + year + "."
                        : "Capaian salah satu tahun tidak memiliki rasio: perubahan tidak dihitung.";
                AgreementViews.ItemView item = current.itemView();
                items.add(new YearOnYearViews.ItemComparison(current.item(), item.sasaran(), item.indicator(),
                        item.unitOfMeasure(), item.renstraIndicatorId(), current.figure(),
                        before.map(Figure::figure).orElse(null), change, note));
            }
            compared.add(new YearOnYearViews.AgreementComparison(head.id(), head.revision(), head.position(),
                    head.positionTitle(), items));
        }
        return new YearOnYearViews.UnitYearOnYear(unit, year, year - 1, compared);
    }

    private static List<List<Figure>> byAgreement(List<Figure> figures) {
        List<List<Figure>> grouped = new ArrayList<>();
        for (Figure figure : figures) {
            if (grouped.isEmpty() || !grouped.get(grouped.size() - 1).get(0).agreement().id()
                    .equals(figure.agreement().id())) {
                grouped.add(new ArrayList<>());
            }
            grouped.get(grouped.size() - 1).add(figure);
        }
        return grouped;
    }

    /**
     * The same indicator the year before: the item taking over the same Renstra indicator, else (a plan revision
     * gives new indicator ids; an item may name none) the item of the same indicator name in the unit; an agreement
     * of the same position and title first.
     */
    private static Optional<Figure> match(Figure current, List<Figure> previous) {
        UUID renstra = current.itemView().renstraIndicatorId();
        Comparator<Figure> samePositionFirst = Comparator.comparing(f -> !(f.agreement().position()
                == current.agreement().position() && f.agreement().positionTitle().equalsIgnoreCase(
                current.agreement().positionTitle())));
        if (renstra != null) {
            Optional<Figure> byId = previous.stream()
                    .filter(f -> renstra.equals(f.itemView().renstraIndicatorId())).min(samePositionFirst);
            if (byId.isPresent()) {
                return byId;
            }
        }
        String name = normalised(current.itemView().indicator());
        return previous.stream().filter(f -> normalised(f.itemView().indicator()).equals(name))
                .min(samePositionFirst);
    }

    private static String normalised(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static BigDecimal percent(YearOnYearViews.YearFigure figure) {
        return figure.capaian() == null ? null : figure.capaian().percent();
    }

    /** Every item of the unit's agreements of {@code year}, each at its newest agreed revision, with its figure. */
    private List<Figure> figures(UnitScope scope, Unit unit, int year) {
        List<RealisationViews.RealisationSummary> reported = realisations.list(scope, unit.code(), year, null, ALL)
                .items();
        List<Figure> figures = new ArrayList<>();
        for (AgreementViews.AgreementSummary summary : agreements.list(scope, unit.code(), year, ALL).items()) {
            AgreementViews.AgreementView newest = agreements.read(scope, summary.id(), null);
            Optional<Integer> agreed = newest.revisions().stream()
                    .filter(r -> r.status() == AgreementStatus.AGREED)
                    .map(AgreementViews.RevisionSummary::revision).max(Integer::compare);
            if (agreed.isEmpty()) {
                continue;
            }
            AgreementViews.AgreementView agreement = agreed.get() == newest.revision() ? newest
                    : agreements.read(scope, summary.id(), agreed.get());
            Optional<RealisationViews.RealisationView> latest = reported.stream()
                    .filter(r -> r.agreementId().equals(agreement.id()))
                    .max(Comparator.comparingInt(RealisationViews.RealisationSummary::quarter)
                            .thenComparingInt(RealisationViews.RealisationSummary::agreementRevision))
                    .map(r -> realisations.read(scope, r.id(), r.approvedVersion()));
            for (int i = 0; i < agreement.items().size(); i++) {
                AgreementViews.ItemView item = agreement.items().get(i);
                figures.add(new Figure(agreement, i, item, figure(year, agreement, i, item, latest)));
            }
        }
        return figures;
    }

    private static YearOnYearViews.YearFigure figure(int year, AgreementViews.AgreementView agreement, int index,
                                                     AgreementViews.ItemView item,
                                                     Optional<RealisationViews.RealisationView> latest) {
        if (latest.isEmpty()) {
            return new YearOnYearViews.YearFigure(year, agreement.id(), agreement.revision(), index, item.target(),
                    item.targetMax(), null, null, null, false, null, null);
        }
        RealisationViews.RealisationView realisation = latest.get();
        // A report of an earlier agreed revision numbers its items by that revision: matched by name then.
        Optional<RealisationViews.EntryView> entry = realisation.agreementRevision() == agreement.revision()
                ? realisation.entries().stream().filter(e -> e.item() == index).findFirst()
                : realisation.entries().stream()
                        .filter(e -> normalised(e.indicator()).equals(normalised(item.indicator()))).findFirst();
        return new YearOnYearViews.YearFigure(year, agreement.id(), realisation.agreementRevision(), index,
                entry.map(RealisationViews.EntryView::target).orElse(item.target()),
                entry.map(RealisationViews.EntryView::targetMax).orElse(item.targetMax()), realisation.quarter(),
                realisation.id(), realisation.version(),
                Objects.equals(realisation.approvedVersion(), realisation.version()),
                entry.map(RealisationViews.EntryView::yearToDateValue).orElse(null),
                entry.map(RealisationViews.EntryView::yearToDate).orElse(null));
    }
}
