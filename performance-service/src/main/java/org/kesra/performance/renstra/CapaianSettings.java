package org.kesra.performance.renstra;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An optional cap on the capaian the API shows ({@code kesra.performance.capaian.cap}, e.g. 120): some agencies report
 * capaian capped at 100 or 120 %. Absent: no cap. When set, every capaian of a realisation view carries the raw percent
 * and, beside it, the cap and the capped value (never a silent cap); the rating band stays that of the raw value.
 */
@ConfigurationProperties("kesra.performance.capaian")
public record CapaianSettings(BigDecimal cap) {

    public CapaianSettings {
        if (cap != null && cap.signum() <= 0) {
            throw new IllegalArgumentException("kesra.performance.capaian.cap must be a percentage above 0, was " + cap);
        }
    }
}
