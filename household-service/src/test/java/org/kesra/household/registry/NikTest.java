package org.kesra.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NikTest {

    @Test
    void acceptsAWellFormedNikOfAManAndOfAWoman() {
        assertThat(Nik.problems("1872051205800001")).isEmpty();
        assertThat(Nik.problems("1872056008850002")).isEmpty();
    }

    @Test
    void namesEachBrokenPart() {
        assertThat(Nik.problems(null)).containsExactly("NIK wajib diisi");
        assertThat(Nik.problems("18720512058000")).containsExactly("NIK harus terdiri dari 16 digit angka");
        assertThat(Nik.problems("2072051205800001")).singleElement().asString().contains("(20) bukan kode provinsi");
        assertThat(Nik.problems("1872050005800001")).singleElement().asString().contains("digit 7-8: 00");
        assertThat(Nik.problems("1872053505800001")).singleElement().asString().contains("digit 7-8: 35");
        assertThat(Nik.problems("1872054005800001")).singleElement().asString().contains("digit 7-8: 40");
        assertThat(Nik.problems("1872057205800001")).singleElement().asString().contains("digit 7-8: 72");
        assertThat(Nik.problems("1872051200800001")).singleElement().asString().contains("digit 9-10: 00");
        assertThat(Nik.problems("1872051205800000")).singleElement().asString().contains("0000");
    }

    @Test
    void rejectsABirthDateThatNeverExisted() {
        assertThat(Nik.problems("1872053102800001")).singleElement().asString().contains("tidak ada di kalender");
        assertThat(Nik.problems("1872057102800001")).singleElement().asString().contains("31/2/80");
        assertThat(Nik.problems("1872053104800001")).singleElement().asString().contains("31/4/80");
        assertThat(Nik.problems("1872052902810001")).singleElement().asString().contains("29/2/81");
        assertThat(Nik.problems("1872056902230001")).singleElement().asString().contains("tidak ada di kalender");
    }

    @Test
    void acceptsTheTwentyNinthOfFebruaryInALeapYearOfEitherCentury() {
        assertThat(Nik.problems("1872052902800001")).isEmpty();
        assertThat(Nik.problems("1872056902240001")).isEmpty();
        // 1900 was no leap year but 2000 was: the century is unknown from the NIK, so 29-02-00 may exist.
        assertThat(Nik.problems("1872052902000001")).isEmpty();
        assertThat(Nik.problems("1872053103000001")).isEmpty();
    }

    @Test
    void findsNoDisagreementWhenDateAndSexMatch() {
        assertThat(Nik.disagreements("1872051205800001", LocalDate.of(1980, 5, 12), Sex.L)).isEmpty();
        assertThat(Nik.disagreements("1872056008850002", LocalDate.of(1985, 8, 20), Sex.P)).isEmpty();
    }

    @Test
    void flagsADifferentBirthDateOrSexWithoutRejecting() {
        assertThat(Nik.disagreements("1872051205800001", LocalDate.of(1980, 5, 13), Sex.L))
                .containsExactly(Nik.Flag.TANGGAL_LAHIR_TIDAK_SESUAI);
        assertThat(Nik.disagreements("1872051205800001", LocalDate.of(1980, 5, 12), Sex.P))
                .containsExactly(Nik.Flag.JENIS_KELAMIN_TIDAK_SESUAI);
        assertThat(Nik.disagreements("1872051205800001", LocalDate.of(1880, 5, 12), Sex.L)).isEmpty();
    }

    @Test
    void checksTheKkNumber() {
        assertThat(Nik.isValidKk("1872050101100001")).isTrue();
        assertThat(Nik.isValidKk("187205010110000")).isFalse();
        assertThat(Nik.isValidKk("0000000000000000")).isFalse();
    }
}
