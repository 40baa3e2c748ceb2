package org.kesra.performance.renstra;

import java.util.List;
import org.kesra.performance.capaian.RatingLabels;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What users read for the rating bands (sakip-rules.md: the labels are configuration), highest band first, e.g.
 * {@code kesra.performance.rating.labels=Sangat Baik,Baik,Cukup,Kurang,Sangat Kurang}. Unset: the names of
 * Permendagri 86/2017.
 */
@ConfigurationProperties("kesra.performance.rating")
public record RatingSettings(List<String> labels) {

    public RatingLabels ratingLabels() {
        return labels == null || labels.isEmpty() ? RatingLabels.PERMENDAGRI_86
                : RatingLabels.of(labels.toArray(String[]::new));
    }
}
