package org.kesra.welfare.deciles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Eligibility by decile: PKH for deciles 1-4 and Sembako 1-5 (DESIL_MAKS in the catalogue). */
class DecileEligibilityTest {

    @Test
    void aDecileUpToTheProgrammesMaximumIsEligibleAndTheNextIsNot() {
        DecileSnapshots.ProgrammeEligibility fourth = DecileSnapshots.judge("PKH", 4, "2025-Q1", 4);
        assertThat(fourth.eligible()).isTrue();
        assertThat(fourth.maxDecile()).isEqualTo(4L);
        assertThat(fourth.reason()).isEqualTo("Desil 4 termasuk desil 1-4 (daftar 2025-Q1).");

        DecileSnapshots.ProgrammeEligibility fifth = DecileSnapshots.judge("PKH", 4, "2025-Q1", 5);
        assertThat(fifth.eligible()).isFalse();
        assertThat(fifth.reason()).isEqualTo("Desil 5 di luar desil 1-4 (daftar 2025-Q1).");

        assertThat(DecileSnapshots.judge("SEMBAKO", 5, "2025-Q1", 5).eligible()).isTrue();
        assertThat(DecileSnapshots.judge("PKH", 4, "2025-Q1", 1).eligible()).isTrue();
    }

    @Test
    void aFamilyInNoListIsUndecidedNotRefused() {
        DecileSnapshots.ProgrammeEligibility unlisted = DecileSnapshots.judge("PKH", 4, null, null);
        assertThat(unlisted.eligible()).isNull();
        assertThat(unlisted.reason()).contains("tidak ada dalam daftar desil");
    }
}
