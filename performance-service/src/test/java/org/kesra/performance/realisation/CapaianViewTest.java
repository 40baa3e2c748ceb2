package org.kesra.performance.realisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.kesra.performance.capaian.Capaian;
import org.kesra.performance.capaian.Direction;
import org.kesra.performance.capaian.RatingLabels;
import org.kesra.performance.capaian.Target;

/** The realisation view of a capaian: raw always, the cap and the capped value beside it only when configured. */
class CapaianViewTest {

    private static Capaian of(String target, String realisation) {
        return Capaian.measure(Direction.HIGHER, Target.of(new BigDecimal(target)), new BigDecimal(realisation));
    }

    @Test
    void withoutACapOnlyTheRawValueIsShown() {
        RealisationViews.CapaianView view = RealisationViews.CapaianView.of(of("80", "104"), RatingLabels.PERMENDAGRI_86,
                null);
        assertThat(view.percent()).isEqualByComparingTo("130.00");
        assertThat(view.cap()).isNull();
        assertThat(view.capped()).isNull();
        assertThat(view.rating()).isEqualTo("Sangat Tinggi");
    }

    @Test
    void aCapIsShownBesideTheRawValueAndTheRatingStaysThatOfTheRawValue() {
        RealisationViews.CapaianView over = RealisationViews.CapaianView.of(of("80", "104"),
                RatingLabels.PERMENDAGRI_86, new BigDecimal("120"));
        assertThat(over.percent()).as("raw, never silently capped").isEqualByComparingTo("130.00");
        assertThat(over.cap()).isEqualByComparingTo("120");
        assertThat(over.capped()).isEqualByComparingTo("120.00");
        assertThat(over.met()).isTrue();

        RealisationViews.CapaianView capAt70 = RealisationViews.CapaianView.of(of("80", "76"),
                RatingLabels.PERMENDAGRI_86, new BigDecimal("70"));
        assertThat(capAt70.percent()).isEqualByComparingTo("95.00");
        assertThat(capAt70.capped()).isEqualByComparingTo("70.00");
        assertThat(capAt70.rating()).as("band of 95, not of 70").isEqualTo("Sangat Tinggi");

        RealisationViews.CapaianView noRatio = RealisationViews.CapaianView.of(of("0", "1"),
                RatingLabels.PERMENDAGRI_86, new BigDecimal("120"));
        assertThat(noRatio.percent()).isNull();
        assertThat(noRatio.capped()).isNull();
        assertThat(noRatio.cap()).isEqualByComparingTo("120");
        assertThat(noRatio.note()).contains("Target 0");
    }
}
