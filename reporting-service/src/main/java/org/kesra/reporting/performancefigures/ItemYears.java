package org.kesra.reporting.performancefigures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Each item of a unit's Perjanjian Kinerja of a year with the year's figures as performance-service published them:
 * the entry of the latest quarter reported (its year-to-date value, capaian and rating are the year's so far; the
 * fourth quarter's are the year's), and the rupiah realised summed over the quarters' reports (performance-service
 * publishes a quarter's spending and no year-to-date rupiah). Each quarter counts in the content version its
 * quarterly report shows: the approved one, else the newest. The LAKIP and the Renstra matrix read a year this one
 * way, so they cannot disagree on a year's figure.
 */
@Service
public class ItemYears {

    /**
     * One agreement item with its year figures: {@code latest} the entry of the latest quarter reported (null when
     * that report left the item out), {@code throughQuarter} that quarter, {@code approved} whether its report is
     * approved, {@code eventId} the event of the content shown, {@code realised} the rupiah of every quarter summed
     * (null when none reported one).
     */
    public record ItemYear(PerformanceFigures.Agreement agreement, PerformanceFigures.Item item, UUID renstraId,
                           PerformanceFigures.Entry latest, Integer throughQuarter, String status, boolean approved,
                           UUID eventId, Long realised) {
    }

    private final PerformanceFigures figures;

    public ItemYears(PerformanceFigures figures) {
        this.figures = figures;
    }

    /**
     * Every item of the unit's agreements of the year (head first, as {@link PerformanceFigures#agreements} orders
     * them); adds to {@code notes} when a year's latest report is not approved or does not reach the fourth quarter.
     */
    public List<ItemYear> of(String unit, int year, List<String> notes) {
        Map<UUID, List<PerformanceFigures.Realisation>> byAgreement = new HashMap<>();
        for (int quarter = 1; quarter <= 4; quarter++) {
            for (PerformanceFigures.Realisation r : figures.realisations(unit, year, quarter)) {
                byAgreement.computeIfAbsent(r.agreementId(), k -> new ArrayList<>()).add(r);
            }
        }
        List<ItemYear> items = new ArrayList<>();
        for (PerformanceFigures.Agreement agreement : figures.agreements(unit, year)) {
            Map<Integer, UUID> renstra = figures.renstraIndicators(agreement.agreementId(), agreement.revision());
            Map<Integer, PerformanceFigures.Entry> latest = new HashMap<>();
            Map<Integer, Long> realised = new HashMap<>();
            PerformanceFigures.Realisation last = null;
            UUID eventId = null;
            List<PerformanceFigures.Realisation> quarters = byAgreement.getOrDefault(agreement.agreementId(),
                    List.of()).stream().sorted(Comparator.comparingInt(PerformanceFigures.Realisation::quarter))
                    .toList();
            for (PerformanceFigures.Realisation r : quarters) {
                int shown = r.approvedVersion() != null ? r.approvedVersion() : r.version();
                Optional<PerformanceFigures.Content> content = figures.content(r.realisationId(), shown);
                if (content.isEmpty()) {
                    continue;
                }
                last = r;
                eventId = content.get().eventId();
                for (PerformanceFigures.Entry e : content.get().entries()) {
                    latest.put(e.item(), e);
                    if (e.budgetRealised() != null) {
                        realised.merge(e.item(), e.budgetRealised(), Long::sum);
                    }
                }
            }
            if (last != null && last.approvedVersion() == null) {
                notes.add("Realisasi Triwulan " + roman(last.quarter()) + " " + year + " (" + agreement.positionTitle()
                        + ") belum disetujui atasan; angka dapat berubah.");
            }
            if (last != null && last.quarter() < 4) {
                notes.add("Realisasi " + agreement.positionTitle() + " baru sampai Triwulan " + roman(last.quarter())
                        + "; angka tahunan adalah kumulatif s.d. triwulan tersebut.");
            }
            for (PerformanceFigures.Item item : agreement.items()) {
                items.add(new ItemYear(agreement, item, renstra.get(item.item()), latest.get(item.item()),
                        last == null ? null : last.quarter(), last == null ? null : last.status(),
                        last != null && last.approvedVersion() != null, eventId, realised.get(item.item())));
            }
        }
        return items;
    }

    /** I, II, III, IV: a quarter as the reports print it. */
    public static String roman(int quarter) {
        return switch (quarter) {
            case 1 -> "I";
            case 2 -> "II";
            case 3 -> "III";
            default -> "IV";
        };
    }
}
