package org.kesra.console.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiProblemTest {

    @Test
    void namesEachMessageAfterTheFormFieldItsPointerNames() {
        ApiProblem problem = ApiProblem.from(400, Map.of("code", "HH-DATA-TIDAK-SAH", "title", "Data tidak sah",
                "detail", "Periksa isian yang ditandai.", "errors", List.of(
                        Map.of("pointer", "/members/0/nik", "detail", "NIK harus 16 digit"),
                        Map.of("pointer", "/kkNumber", "detail", "nomor KK harus terdiri dari 16 digit angka"),
                        Map.of("pointer", "/members/0/nik", "detail", "NIK tidak sesuai"))));
        assertThat(problem.fieldErrors()).containsEntry("members[0].nik", "NIK harus 16 digit; NIK tidak sesuai")
                .containsEntry("kkNumber", "nomor KK harus terdiri dari 16 digit angka");
        assertThat(problem.message()).isEqualTo("Periksa isian yang ditandai.");
        assertThat(problem.code()).isEqualTo("HH-DATA-TIDAK-SAH");
    }

    @Test
    void keepsAFilesProblemsByRowAndColumn() {
        ApiProblem problem = ApiProblem.from(422, Map.of("code", "WF-PEMBAYARAN-TIDAK-VALID", "errors", List.of(
                Map.of("row", 3, "column", "nik", "value", "18720502", "detail", "NIK harus 16 digit angka."),
                Map.of("row", 4, "detail", "Baris kosong."),
                Map.of("pointer", "/file", "detail", "Daftar pembayaran kosong."))));
        assertThat(problem.cells()).containsExactly(
                new ApiProblem.Cell(3L, "nik", "18720502", "NIK harus 16 digit angka."),
                new ApiProblem.Cell(4L, null, null, "Baris kosong."));
        assertThat(problem.fieldErrors()).containsEntry("file", "Daftar pembayaran kosong.");
        assertThat(ApiProblem.local("x").cells()).isEmpty();
    }

    @Test
    void aBodyThatIsNoProblemDetailStillGivesAMessage() {
        assertThat(ApiProblem.from(502, null).message()).contains("502");
    }
}
