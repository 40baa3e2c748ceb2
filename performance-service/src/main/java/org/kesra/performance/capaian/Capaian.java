package org.kesra.performance.capaian;

import java.math.BigDecimal;
import java.util.Objects;
import org.kesra.performance.PerformanceProblems;

/**
 * The capaian of one realisation against one target (sakip-rules.md), the only place it is computed.
 *
 * <ul>
 *   <li>{@link Direction#HIGHER}: R / T x 100.</li>
 *   <li>{@link Direction#LOWER}: (2T - R) / T x 100; a realisation above twice the target gives a negative capaian,
 *       shown as it is.</li>
 *   <li>{@link Direction#RANGE}: 100 inside [lower, upper]; below it R / lower x 100; above it (2 upper - R) / upper x
 *       100, i.e. the higher-is-better rule against the bound missed from below and the lower-is-better rule against
 *       the bound overshot.</li>
 *   <li>A target (or the bound compared with) of 0 has no ratio: {@code percent} is {@code null}, {@code note} says
 *       why, and {@code met} still tells whether the realisation reached the target.</li>
 *   <li>A cap (100 %, 120 %, ...) is a reporting choice: {@code percent} stays raw and {@code capped} is shown beside
 *       it. The rating band is of the raw value.</li>
 * </ul>
 *
 * @param percent raw capaian, 2 places half-up; {@code null} when there is no ratio
 * @param cap     the cap applied, or {@code null}
 * @param capped  {@code min(percent, cap)}, or {@code null} without a cap or a ratio
 * @param met     whether the realisation reached the target (inside the range, for a range)
 * @param band    rating band of the raw capaian, {@code null} without a ratio
 * @param note    Indonesian explanation when there is no ratio, else {@code null}
 */
public record Capaian(Direction direction, Target target, BigDecimal realisation, BigDecimal percent, BigDecimal cap,
                      BigDecimal capped, boolean met, RatingBand band, String note) {

    static final String NO_RATIO = "Target 0: capaian tidak dapat dihitung sebagai rasio (pembagian dengan nol).";

    /** The capaian of {@code realisation} against {@code target} for an indicator of {@code direction}. */
    public static Capaian measure(Direction direction, Target target, BigDecimal realisation) {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(realisation, "realisation");
        return switch (direction) {
            case HIGHER -> higher(direction, target, target.value(), realisation);
            case LOWER -> lower(direction, target, target.value(), realisation);
            case RANGE -> range(target, realisation);
        };
    }

    /** The same capaian with {@code cap} shown beside the raw value. */
    public Capaian cappedAt(BigDecimal cap) {
        if (cap == null || cap.signum() <= 0) {
            throw PerformanceProblems.CAP_INVALID.refuse("Batas capaian harus persentase lebih dari 0.");
        }
        BigDecimal shown = percent == null ? null : percent.min(cap.setScale(Percent.SCALE, Percent.ROUNDING));
        return new Capaian(direction, target, realisation, percent, cap, shown, met, band, note);
    }

    public boolean hasRatio() {
        return percent != null;
    }

    private static Capaian higher(Direction direction, Target target, BigDecimal against, BigDecimal realisation) {
        boolean met = realisation.compareTo(against) >= 0;
        if (against.signum() == 0) {
            return noRatio(direction, target, realisation, met);
        }
        return ratio(direction, target, realisation, Percent.of(realisation, against), met);
    }

    private static Capaian lower(Direction direction, Target target, BigDecimal against, BigDecimal realisation) {
        boolean met = realisation.compareTo(against) <= 0;
        if (against.signum() == 0) {
            return noRatio(direction, target, realisation, met);
        }
        BigDecimal numerator = against.add(against).subtract(realisation);
        return ratio(direction, target, realisation, Percent.of(numerator, against), met);
    }

    private static Capaian range(Target target, BigDecimal realisation) {
        BigDecimal lowerBound = target.value();
        BigDecimal upperBound = target.upper() != null ? target.upper() : target.value();
        if (realisation.compareTo(lowerBound) < 0) {
            Capaian below = higher(Direction.RANGE, target, lowerBound, realisation);
            return below;
        }
        if (realisation.compareTo(upperBound) > 0) {
            return lower(Direction.RANGE, target, upperBound, realisation);
        }
        return ratio(Direction.RANGE, target, realisation, Percent.HUNDRED.setScale(Percent.SCALE), true);
    }

    private static Capaian ratio(Direction direction, Target target, BigDecimal realisation, BigDecimal percent,
                                 boolean met) {
        return new Capaian(direction, target, realisation, percent, null, null, met, RatingBand.of(percent), null);
    }

    private static Capaian noRatio(Direction direction, Target target, BigDecimal realisation, boolean met) {
        return new Capaian(direction, target, realisation, null, null, null, met, null, NO_RATIO);
    }
}
