package org.kesra.performance.capaian;

import java.math.BigDecimal;

/**
 * The evaluation scale of a capaian (Permendagri 86/2017): a value falls to the highest band whose lower bound it
 * reaches, so 90.5 is {@link #TINGGI} (it does not reach 91) and 50.5 is {@link #SANGAT_RENDAH}. What users read for
 * each band is configuration ({@link RatingLabels}): some agencies print Sangat Baik ... Sangat Kurang instead.
 */
public enum RatingBand {
    SANGAT_TINGGI(91),
    TINGGI(76),
    SEDANG(66),
    RENDAH(51),
    /** Everything below 51, negative capaian of a far-missed lower-is-better target included. */
    SANGAT_RENDAH(null);

    private final BigDecimal lowerBound;

    RatingBand(Integer lowerBound) {
        this.lowerBound = lowerBound == null ? null : BigDecimal.valueOf(lowerBound);
    }

    /** The band's lower bound (inclusive); {@code null} for the lowest band, which has none. */
    public BigDecimal lowerBound() {
        return lowerBound;
    }

    public static RatingBand of(BigDecimal capaianPercent) {
        for (RatingBand band : values()) {
            if (band.lowerBound == null || capaianPercent.compareTo(band.lowerBound) >= 0) {
                return band;
            }
        }
        throw new IllegalStateException("unreachable: the lowest band takes every value");
    }
}
