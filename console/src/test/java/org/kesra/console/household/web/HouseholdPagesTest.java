package org.kesra.console.household.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.console.household.HouseholdApi.SearchBy;

class HouseholdPagesTest {

    @Test
    void aProblemOfTheNthMemberSentIsShownBesideTheFormRowItCameFrom() {
        // Rows 0 and 2 were filled: the API's /members/1 is the form's row 2.
        Map<String, String> errors = HouseholdPages.renumber(Map.of("members[1].nik", "NIK harus 16 digit",
                "kkNumber", "nomor KK harus terdiri dari 16 digit angka"), List.of(0, 2));
        assertThat(errors).containsEntry("members[2].nik", "NIK harus 16 digit")
                .containsEntry("kkNumber", "nomor KK harus terdiri dari 16 digit angka").hasSize(2);
    }

    @Test
    void messagesWithoutAFieldOnTheFormAreListedAboveIt() {
        assertThat(HouseholdPages.otherErrors(Map.of("members[0].nik", "a", "dasawismaId", "b", "", "c"),
                HouseholdPages.REGISTER_FIELDS)).containsExactlyInAnyOrder("dasawismaId: b", "c");
    }

    @Test
    void aSearchTermThatCannotBeAKkOrNikIsAnsweredWithoutAskingTheApi() {
        assertThat(HouseholdPages.localProblem(SearchBy.NIK, "1872")).isEqualTo("NIK harus 16 digit angka.");
        assertThat(HouseholdPages.localProblem(SearchBy.KK, "18720512058000ab")).contains("Nomor KK");
        assertThat(HouseholdPages.localProblem(SearchBy.NAMA, "")).isEqualTo("Isi kata pencarian.");
        assertThat(HouseholdPages.localProblem(SearchBy.NIK, "1872051205800001")).isNull();
    }

    @Test
    void aHistorysValuesAreWrittenAsUsersReadThem() {
        assertThat(HouseholdPages.HistoryView.text("1985-03-04")).isEqualTo("4 Maret 1985");
        assertThat(HouseholdPages.HistoryView.text(false)).isEqualTo("Tidak");
        assertThat(HouseholdPages.HistoryView.text(List.of())).isEqualTo("–");
        assertThat(HouseholdPages.HistoryView.text(List.of("TV", "MOTOR"))).isEqualTo("TV, MOTOR");
        assertThat(HouseholdPages.HistoryView.text("PEDAGANG")).isEqualTo("PEDAGANG");
    }

    @Test
    void aHouseholdCorrectionsValueIsSentAsTheApiReadsIt() {
        assertThat(HouseholdChangePages.patchValue("floorAreaM2", " 36 ", null)).isEqualTo(36);
        assertThat(HouseholdChangePages.patchValue("floorAreaM2", "tiga puluh", null)).as("left to the API to refuse")
                .isEqualTo("tiga puluh");
        assertThat(HouseholdChangePages.patchValue("latitude", "-5,1134", null))
                .isEqualTo(new java.math.BigDecimal("-5.1134"));
        assertThat(HouseholdChangePages.patchValue("address", "  ", null)).as("emptied").isNull();
        assertThat(HouseholdChangePages.patchValue("assets", "", null)).isEqualTo(List.of());
        assertThat(HouseholdChangePages.patchValue("assets", "", List.of("KULKAS", ""))).isEqualTo(List.of("KULKAS"));
    }

    @Test
    void theCorrectedFieldsMessagesGoBesideTheValueAndOthersStayNamed() {
        assertThat(HouseholdChangePages.besideValue(Map.of("assets[1]", "kode aset tidak dikenal", "reason", "wajib"),
                "assets")).containsEntry("value", "kode aset tidak dikenal").containsEntry("reason", "wajib");
        assertThat(HouseholdChangePages.besideValue(Map.of("rw", "RW berupa nomor"), "rt"))
                .containsOnlyKeys("rw");
    }

    @Test
    void aHouseholdHistoryNamesTheMemberAChangeConcerns() {
        String id = "88888888-8888-8888-8888-888888888888";
        List<HouseholdPages.HistoryView> views = HouseholdPages.HistoryView.of(List.of(Map.of(
                "action", "KEPALA_KELUARGA_DIGANTI", "changedBy", "uji", "before", Map.of("headPersonId", "x"),
                "after", Map.of("headPersonId", id))), HouseholdPages.memberNames(Map.of("members",
                List.of(Map.of("id", id, "name", "DIMAS")))));
        assertThat(views.get(0).action()).isEqualTo("Kepala keluarga diganti");
        assertThat(views.get(0).changes()).containsExactly(
                new HouseholdPages.HistoryView.Change("Kepala keluarga", "x", "DIMAS"));
    }
}
