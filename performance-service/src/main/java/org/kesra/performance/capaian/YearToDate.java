package org.kesra.performance.capaian;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/**
 * The value of an indicator over the quarters of a year reported so far (cumulative up to a quarter), by the
 * indicator's {@link Aggregation}. An average keeps {@link #AVERAGE_SCALE} places (half-up): it is a value in the
 * indicator's own unit, not yet a percentage. A ratio whose summed denominator is 0 has no value, said explicitly.
 *
 * @param value    {@code null} when there is nothing to aggregate or no ratio
 * @param quarters how many quarters went into it
 * @param note     Indonesian explanation when {@code value} is {@code null}
 */
public record YearToDate(Aggregation aggregation, int throughQuarter, BigDecimal value, int quarters, String note) {

    public static final int AVERAGE_SCALE = 4;

    /** The value of {@code values} from the first quarter through {@code throughQuarter} (1-4). */
    public static YearToDate of(Aggregation aggregation, List<QuarterValue> values, int throughQuarter) {
        List<QuarterValue> upTo = values.stream().filter(v -> v.quarter() <= throughQuarter)
                .sorted(Comparator.comparingInt(QuarterValue::quarter)).toList();
        if (upTo.isEmpty()) {
            return new YearToDate(aggregation, throughQuarter, null, 0, "Belum ada realisasi triwulan.");
        }
        return switch (aggregation) {
            case SUM -> new YearToDate(aggregation, throughQuarter,
                    upTo.stream().map(YearToDate::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add), upTo.size(),
                    null);
            case LAST -> new YearToDate(aggregation, throughQuarter, valueOf(upTo.get(upTo.size() - 1)),
                    upTo.size(), null);
            case AVERAGE -> new YearToDate(aggregation, throughQuarter,
                    upTo.stream().map(YearToDate::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add)
                            .divide(BigDecimal.valueOf(upTo.size()), AVERAGE_SCALE, RoundingMode.HALF_UP),
                    upTo.size(), null);
            case RATIO -> ratio(throughQuarter, upTo);
        };
    }

    private static YearToDate ratio(int throughQuarter, List<QuarterValue> upTo) {
        BigDecimal numerator = BigDecimal.ZERO;
        BigDecimal denominator = BigDecimal.ZERO;
        for (QuarterValue v : upTo) {
            if (v.numerator() == null || v.denominator() == null) {
                throw new IllegalArgumentException("a RATIO indicator needs numerator and denominator per quarter");
            }
            numerator = numerator.add(v.numerator());
            denominator = denominator.add(v.denominator());
        }
        if (denominator.signum() == 0) {
            return new YearToDate(Aggregation.RATIO, throughQuarter, null, upTo.size(),
                    "Jumlah penyebut 0: persentase tidak dapat dihitung.");
        }
        return new YearToDate(Aggregation.RATIO, throughQuarter, Percent.of(numerator, denominator), upTo.size(),
                null);
    }

    private static BigDecimal valueOf(QuarterValue v) {
        if (v.value() != null) {
            return v.value();
        }
        if (v.numerator() != null && v.denominator() != null && v.denominator().signum() != 0) {
            return Percent.of(v.numerator(), v.denominator());
        }
        throw new IllegalArgumentException("quarter " + v.quarter() + " has no value");
    }
}
