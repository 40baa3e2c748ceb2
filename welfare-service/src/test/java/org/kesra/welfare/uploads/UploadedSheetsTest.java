package org.kesra.welfare.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kesra.platform.refusal.Refusal;
import org.kesra.sheets.SheetSource;

/** Every welfare upload (verivali, deciles, payments) reads its list here: a malformed CSV is explained, in Indonesian. */
class UploadedSheetsTest {

    @TempDir
    Path folder;

    @Test
    void anUnclosedQuoteIsNamedWithItsLineAndNoParserText() throws IOException {
        Path file = folder.resolve("penyaluran.csv");
        Files.writeString(file, "nik,status,rupiah\n1872035203800001,DIBAYAR,750000\n\"1872035203800002,DIBAYAR,750000\n",
                StandardCharsets.UTF_8);

        Refusal refused = catchThrowableOfType(Refusal.class, () -> {
            try (SheetSource sheet = UploadedSheets.open(file, "penyaluran.csv")) {
                sheet.rows().forEachRemaining(row -> { });
            }
        });

        assertThat(refused.code()).isEqualTo("WF-BERKAS-TIDAK-TERBACA");
        assertThat(refused.getMessage()).contains("tanda petik").contains("baris 3")
                .doesNotContain("Exception").doesNotContain("org.apache").doesNotContain("EOF");
    }

    @Test
    void textAfterAClosingQuoteIsNamedWithItsLine() throws IOException {
        Path file = folder.resolve("desil.csv");
        Files.writeString(file, "nik,desil\n\"1872035203800001\"x,3\n", StandardCharsets.UTF_8);

        Refusal refused = catchThrowableOfType(Refusal.class, () -> {
            try (SheetSource sheet = UploadedSheets.open(file, "desil.csv")) {
                sheet.rows().forEachRemaining(row -> { });
            }
        });

        assertThat(refused.getMessage()).contains("baris 2").contains("tanda petik")
                .doesNotContain("Exception").doesNotContain("Invalid character");
    }

    @Test
    void aDamagedWorkbookIsExplainedInIndonesianWithoutTheReaderText() throws IOException {
        Path file = folder.resolve("penerima.xlsx");
        // A ZIP's signature followed by nothing a workbook holds: read as XLSX, refused by the reader.
        byte[] damaged = new byte[512];
        damaged[0] = 'P';
        damaged[1] = 'K';
        damaged[2] = 3;
        damaged[3] = 4;
        Files.write(file, damaged);

        Refusal refused = catchThrowableOfType(Refusal.class, () -> {
            try (SheetSource sheet = UploadedSheets.open(file, "penerima.xlsx")) {
                sheet.rows().forEachRemaining(row -> { });
            }
        });

        assertThat(refused.code()).isEqualTo("WF-BERKAS-TIDAK-TERBACA");
        assertThat(refused.getMessage()).startsWith("Berkas tidak dapat dibaca sebagai XLSX (buku kerja Excel rusak")
                .doesNotContain("Exception").doesNotContain("org.apache").doesNotContain("Zip")
                .doesNotContain("zip").doesNotContain("OOXML").doesNotContain("POI");
    }

    @Test
    void aFailureWithoutAnExplanationIsDescribedByTheFileKindNotByTheLibraryText() {
        assertThat(UploadedSheets.whatIsWrong("XLSX", new IllegalStateException("Zip bomb detected!")))
                .isEqualTo("buku kerja Excel rusak, terpotong, dilindungi kata sandi, atau bukan berkas .xlsx yang utuh");
        assertThat(UploadedSheets.whatIsWrong("CSV", new java.io.UncheckedIOException(
                new java.nio.charset.MalformedInputException(1)))).isEqualTo("berkas CSV rusak, terpotong, atau bukan teks");
    }
}
