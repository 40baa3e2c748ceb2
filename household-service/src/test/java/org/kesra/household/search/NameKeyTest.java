package org.kesra.household.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameKeyTest {

    @Test
    void writesOldAndNewSpellingsAlike() {
        assertThat(NameKey.of("Soekarno")).isEqualTo(NameKey.of("Sukarno"));
        assertThat(NameKey.of("Djoko Tjahjono")).isEqualTo(NameKey.of("Joko Cahyono"));
        assertThat(NameKey.of("Jusuf")).isEqualTo(NameKey.of("Yusuf"));
        assertThat(NameKey.of("Achmad")).isEqualTo(NameKey.of("Akhmad"));
    }

    @Test
    void ignoresSpacingCasePunctuationAndDoubledLetters() {
        assertThat(NameKey.of("Nur Hasanah")).isEqualTo(NameKey.of("NURHASANAH"));
        assertThat(NameKey.of("Siti  Aminah")).isEqualTo(NameKey.of("sitti aminah"));
        assertThat(NameKey.of("I Gusti Ngurah Rai,")).isEqualTo(NameKey.of("I Gusti Ngurah Rai"));
    }

    @Test
    void readsAbbreviationsOfMuhammadAsMuhammad() {
        assertThat(NameKey.of("M. Yusuf")).isEqualTo(NameKey.of("Muhammad Yusuf"));
        assertThat(NameKey.of("Moch Yusuf")).isEqualTo(NameKey.of("Mohammad Yusuf"));
        assertThat(NameKey.of("Muh. Ali")).isEqualTo(NameKey.of("Muhamad Ali"));
    }

    @Test
    void keepsDifferentNamesDifferent() {
        assertThat(NameKey.of("Siti Aminah")).isNotEqualTo(NameKey.of("Siti Amirah"));
        assertThat(NameKey.of("Yanti")).isEqualTo(NameKey.of("Yanty"));
        assertThat(NameKey.of("Budi")).isNotEqualTo(NameKey.of("Bude"));
    }
}
