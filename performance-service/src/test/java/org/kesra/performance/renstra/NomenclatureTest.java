package org.kesra.performance.renstra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The code forms of sakip-rules.md: both sub-kegiatan forms accepted and stored in the 4-digit form. */
class NomenclatureTest {

    @Test
    void subKegiatanInEitherFormIsStoredWithFourDigits() {
        assertThat(Nomenclature.normalise(NodeLevel.SUB_KEGIATAN, "1.06.04.2.01.01")).contains("1.06.04.2.01.0001");
        assertThat(Nomenclature.normalise(NodeLevel.SUB_KEGIATAN, "1.06.04.2.01.0001")).contains("1.06.04.2.01.0001");
        assertThat(Nomenclature.normalise(NodeLevel.SUB_KEGIATAN, " 7.01.03.2.02.12 ")).contains("7.01.03.2.02.0012");
    }

    @Test
    void eachLevelTakesOnlyItsOwnForm() {
        assertThat(Nomenclature.normalise(NodeLevel.PROGRAM, "1.06.04")).contains("1.06.04");
        assertThat(Nomenclature.normalise(NodeLevel.KEGIATAN, "1.06.04.2.01")).contains("1.06.04.2.01");
        assertThat(Nomenclature.normalise(NodeLevel.PROGRAM, "1.06.04.2.01")).isEmpty();
        assertThat(Nomenclature.normalise(NodeLevel.KEGIATAN, "1.06.04")).isEmpty();
        assertThat(Nomenclature.normalise(NodeLevel.SUB_KEGIATAN, "1.06.04.2.01.001")).isEmpty();
        assertThat(Nomenclature.normalise(NodeLevel.SUB_KEGIATAN, "1.6.04.2.01.01")).isEmpty();
        assertThat(Nomenclature.normalise(NodeLevel.PROGRAM, "1.06.4")).isEmpty();
        assertThat(Nomenclature.normalise(NodeLevel.TUJUAN, "1.06.04")).isEmpty();
    }

    @Test
    void theSupportProgrammeOfEveryUrusanUsesThePlaceholder() {
        assertThat(Nomenclature.normalise(NodeLevel.PROGRAM, "X.XX.01")).contains("X.XX.01");
        assertThat(Nomenclature.normalise(NodeLevel.SUB_KEGIATAN, "x.xx.01.2.02.01")).contains("X.XX.01.2.02.0001");
        assertThat(Nomenclature.normalise(NodeLevel.PROGRAM, "X.06.01")).isEmpty();
    }
}
