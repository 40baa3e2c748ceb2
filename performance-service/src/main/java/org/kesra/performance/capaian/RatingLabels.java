package org.kesra.performance.capaian;

import java.util.EnumMap;
import java.util.Map;

/** What users read for each {@link RatingBand}; the bands are fixed by regulation, their names are not. */
public record RatingLabels(Map<RatingBand, String> labels) {

    /** The names of Permendagri 86/2017. */
    public static final RatingLabels PERMENDAGRI_86 = of("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah");
    /** The same bands as some agencies print them. */
    public static final RatingLabels BAIK_KURANG = of("Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang");

    public RatingLabels {
        if (!labels.keySet().containsAll(java.util.EnumSet.allOf(RatingBand.class))) {
            throw new IllegalArgumentException("a label for every band");
        }
        labels = Map.copyOf(labels);
    }

    /** Labels from the highest band to the lowest. */
    public static RatingLabels of(String... highestFirst) {
        RatingBand[] bands = RatingBand.values();
        if (highestFirst.length != bands.length) {
            throw new IllegalArgumentException("one label per band: " + bands.length);
        }
        Map<RatingBand, String> labels = new EnumMap<>(RatingBand.class);
        for (int i = 0; i < bands.length; i++) {
            labels.put(bands[i], highestFirst[i]);
        }
        return new RatingLabels(labels);
    }

    public String label(RatingBand band) {
        return labels.get(band);
    }
}
