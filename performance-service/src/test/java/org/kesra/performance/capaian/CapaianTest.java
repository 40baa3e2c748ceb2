package org.kesra.performance.capaian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kesra.platform.refusal.Refusal;

/** Every worked example of sakip-rules.md and the IKU figures of seed 004 (LAKIP Kecamatan Metro Barat). */
class CapaianTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Capaian measure(Direction direction, String target, String realisation) {
        return Capaian.measure(direction, Target.of(d(target)), d(realisation));
    }

    @ParameterizedTest(name = "{0}: target {1}, realisasi {2} -> {3} %")
    @CsvSource({
            // seed 004 Tabel 3.1 (2022), printed capaian
            "IKM 2022, 82, 70, 85.37",
            "partisipasi perencanaan 2022, 85, 85, 100.00",
            "PBB 2022, 85, 63.57, 74.79",
            "penanganan konflik 2022, 100, 100, 100.00",
            // seed 004 Tabel 3.2 (2021 target and realisation), capaian computed by the same rule
            "IKM 2021, 80, 76, 95.00",
            "partisipasi perencanaan 2021, 85, 70, 82.35",
            "PBB 2021, 85, 69, 81.18",
    })
    void higherIsBetterGivesTheSeedsPrintedCapaian(String indicator, String target, String realisation,
                                                    String expected) {
        Capaian capaian = measure(Direction.HIGHER, target, realisation);
        assertThat(capaian.percent()).as(indicator).isEqualByComparingTo(expected);
        assertThat(capaian.percent().scale()).isEqualTo(2);
    }

    @Test
    void lowerIsBetterFollowsTheKondisiKhususRule() {
        // sakip-rules.md: target 7 months, realisation 6.5 -> 107.14 %
        Capaian capaian = measure(Direction.LOWER, "7", "6.5");
        assertThat(capaian.percent()).isEqualByComparingTo("107.14");
        assertThat(capaian.met()).isTrue();
        assertThat(measure(Direction.LOWER, "7", "7").percent()).isEqualByComparingTo("100.00");
        Capaian missed = measure(Direction.LOWER, "3.6", "4.34"); // TPT target 3.6 %, realisasi 4.34 % (seed 003)
        assertThat(missed.percent()).isEqualByComparingTo("79.44");
        assertThat(missed.met()).isFalse();
    }

    @Test
    void lowerIsBetterFarAboveTwiceTheTargetIsShownNegativeNotHidden() {
        assertThat(measure(Direction.LOWER, "2", "5").percent()).isEqualByComparingTo("-50.00");
        assertThat(measure(Direction.LOWER, "2", "5").band()).isEqualTo(RatingBand.SANGAT_RENDAH);
    }

    @Test
    void rangeIsHundredInsideAndMeasuredAgainstTheBoundMissed() {
        Target band = Target.range(d("60"), d("80"));
        assertThat(Capaian.measure(Direction.RANGE, band, d("70")).percent()).isEqualByComparingTo("100.00");
        assertThat(Capaian.measure(Direction.RANGE, band, d("60")).percent()).isEqualByComparingTo("100.00");
        assertThat(Capaian.measure(Direction.RANGE, band, d("80")).met()).isTrue();
        Capaian below = Capaian.measure(Direction.RANGE, band, d("45"));
        assertThat(below.percent()).as("45 / 60").isEqualByComparingTo("75.00");
        assertThat(below.met()).isFalse();
        Capaian above = Capaian.measure(Direction.RANGE, band, d("90"));
        assertThat(above.percent()).as("(2 x 80 - 90) / 80").isEqualByComparingTo("87.50");
        assertThat(above.met()).isFalse();
    }

    @Test
    void targetZeroHasNoRatioButSaysWhetherItWasMet() {
        Capaian reached = measure(Direction.HIGHER, "0", "3");
        assertThat(reached.hasRatio()).isFalse();
        assertThat(reached.percent()).isNull();
        assertThat(reached.band()).isNull();
        assertThat(reached.met()).isTrue();
        assertThat(reached.note()).contains("Target 0");
        Capaian lowerMissed = measure(Direction.LOWER, "0", "1");
        assertThat(lowerMissed.hasRatio()).isFalse();
        assertThat(lowerMissed.met()).isFalse();
        assertThat(measure(Direction.LOWER, "0", "0").met()).isTrue();
        Capaian rangeFromZero = Capaian.measure(Direction.RANGE, Target.range(d("0"), d("0")), d("2"));
        assertThat(rangeFromZero.hasRatio()).isFalse();
        assertThat(rangeFromZero.capped()).isNull();
    }

    @Test
    void aCapShowsTheCappedValueBesideTheRawOne() {
        Capaian capped = measure(Direction.LOWER, "7", "6.5").cappedAt(d("100"));
        assertThat(capped.percent()).isEqualByComparingTo("107.14");
        assertThat(capped.capped()).isEqualByComparingTo("100.00");
        assertThat(capped.cap()).isEqualByComparingTo("100");
        Capaian under = measure(Direction.HIGHER, "82", "70").cappedAt(d("120"));
        assertThat(under.capped()).isEqualByComparingTo("85.37");
        assertThat(measure(Direction.HIGHER, "0", "1").cappedAt(d("100")).capped()).isNull();
        assertThatThrownBy(() -> measure(Direction.HIGHER, "82", "70").cappedAt(d("0")))
                .isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).code())
                .isEqualTo("PF-BATAS-CAPAIAN-TIDAK-SAH");
    }

    @Test
    void roundingIsHalfUpOnTheExactQuotient() {
        // 1 / 8 = 12.5 % exactly; 1 / 800 = 0.125 % -> 0.13; 2 / 3 = 66.666... -> 66.67
        assertThat(measure(Direction.HIGHER, "800", "1").percent()).isEqualByComparingTo("0.13");
        assertThat(measure(Direction.HIGHER, "3", "2").percent()).isEqualByComparingTo("66.67");
        assertThat(measure(Direction.HIGHER, "3", "1").percent()).isEqualByComparingTo("33.33");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "100, SANGAT_TINGGI", "91, SANGAT_TINGGI", "90.99, TINGGI", "90.5, TINGGI", "76, TINGGI",
            "75.99, SEDANG", "66, SEDANG", "65.5, RENDAH", "51, RENDAH", "50.5, SANGAT_RENDAH", "50, SANGAT_RENDAH",
            "0, SANGAT_RENDAH", "-10, SANGAT_RENDAH", "85.37, TINGGI", "74.79, SEDANG", "120, SANGAT_TINGGI",
    })
    void ratingFallsToTheBandWhoseLowerBoundItReaches(String capaian, RatingBand expected) {
        assertThat(RatingBand.of(d(capaian))).isEqualTo(expected);
    }

    @Test
    void ratingLabelsAreConfiguration() {
        assertThat(RatingLabels.PERMENDAGRI_86.label(RatingBand.TINGGI)).isEqualTo("Tinggi");
        assertThat(RatingLabels.BAIK_KURANG.label(RatingBand.TINGGI)).isEqualTo("Baik");
        assertThat(RatingLabels.BAIK_KURANG.label(RatingBand.SANGAT_RENDAH)).isEqualTo("Sangat Kurang");
        assertThat(measure(Direction.HIGHER, "82", "70").band()).isEqualTo(RatingBand.TINGGI);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "100, AA", "90.01, AA", "90, A", "80.5, A", "80, BB", "70.01, BB", "70, B", "60, CC", "50.01, CC",
            "50, C", "30.01, C", "30, D", "0, D",
    })
    void akipPredicateHasExclusiveLowerBounds(String score, AkipPredicate expected) {
        assertThat(AkipPredicate.of(d(score))).isEqualTo(expected);
    }

    @Test
    void akipScoreOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> AkipPredicate.of(d("100.01"))).isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).code()).isEqualTo("PF-NILAI-AKIP-TIDAK-SAH");
        assertThatThrownBy(() -> AkipPredicate.of(d("-1"))).isInstanceOf(Refusal.class);
        assertThat(AkipPredicate.AA.meaning()).isEqualTo("Sangat Memuaskan");
    }

    @Test
    void budgetAbsorptionIsRealisedOverPagu() {
        // seed 004: Perencanaan, Penganggaran, dan Evaluasi Kinerja: Rp 12.897.600, realised Rp 12.837.600 (99,5 %)
        BudgetAbsorption absorption = BudgetAbsorption.of(12_897_600L, 12_837_600L);
        assertThat(absorption.percent()).isEqualByComparingTo("99.53");
        assertThat(BudgetAbsorption.of(0, 0).hasRatio()).isFalse();
        assertThat(BudgetAbsorption.of(1_000, 1_200).percent()).as("over the pagu is shown, not capped")
                .isEqualByComparingTo("120.00");
        assertThatThrownBy(() -> BudgetAbsorption.of(1_000, -1)).isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).code()).isEqualTo("PF-ANGGARAN-NEGATIF");
    }

    @Test
    void efficiencyIsPerformanceCapaianMinusBudgetCapaianInPoints() {
        // seed 002 Tabel 3.2, 1.a: the forum held (100 %) with Rp 600.000 of Rp 2.700.000 spent (22.22 %)
        Efficiency forum = Efficiency.of(new BigDecimal("100.00"), BudgetAbsorption.of(2_700_000L, 600_000L).percent());
        assertThat(forum.points()).isEqualByComparingTo("77.78");
        assertThat(forum.efficient()).isTrue();
        Efficiency overspent = Efficiency.of(new BigDecimal("67.00"), new BigDecimal("90.5"));
        assertThat(overspent.points()).isEqualByComparingTo("-23.50");
        assertThat(overspent.efficient()).isFalse();
        assertThat(Efficiency.of(new BigDecimal("67.00"), null).points()).as("no pagu, no efficiency").isNull();
        assertThat(Efficiency.of(null, new BigDecimal("10")).efficient()).as("no target, no efficiency").isFalse();
    }
}
