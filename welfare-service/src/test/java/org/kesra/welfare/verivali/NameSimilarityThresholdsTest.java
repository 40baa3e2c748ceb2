package org.kesra.welfare.verivali;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The trigram-similarity thresholds verivali classifies names with (PostgreSQL's pg_trgm over the normalised name
 * key; VerivaliIT checks the names they separate against the real database). Changing them changes which rows are
 * flagged, so they are pinned here.
 */
class NameSimilarityThresholdsTest {

    @Test
    void aMatchedNikWithANameBelowHalfSimilarIsANameMismatch() {
        assertThat(Verivali.SAME_NAME).isEqualTo(0.5);
    }

    @Test
    void anUnknownNikNeedsAStricterNameMatchThanAKnownOneToSuggestTheRightPerson() {
        assertThat(Verivali.LIKELY_SAME_PERSON).isEqualTo(0.6).isGreaterThan(Verivali.SAME_NAME);
    }
}
