package org.kesra.performance.realisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kesra.performance.capaian.Aggregation;
import org.kesra.performance.renstra.IndicatorKind;

/** The evidence type comes from the content, the file name loses any client path; kinds inferred from the unit. */
class EvidenceTypeTest {

    @Test
    void theTypeIsRecognisedFromTheContentNotTheName() {
        assertThat(RealisationEvidence.detect("a.png", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("application/pdf");
        assertThat(RealisationEvidence.detect("foto", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))
                .isEqualTo("image/jpeg");
        assertThat(RealisationEvidence.detect("x.bin", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}))
                .isEqualTo("image/png");
        assertThat(RealisationEvidence.detect("rekap.XLSX", new byte[] {'P', 'K', 3, 4, 0})).startsWith(
                "application/vnd.openxmlformats");
        assertThat(RealisationEvidence.detect("arsip.zip", new byte[] {'P', 'K', 3, 4, 0})).as("a zip is not")
                .isNull();
        assertThat(RealisationEvidence.detect("bukti.pdf", "MZ".getBytes(StandardCharsets.US_ASCII))).isNull();
    }

    @Test
    void aFileNameLosesItsClientPath() {
        assertThat(RealisationEvidence.fileName("C:\\Dok\\hadir.pdf")).isEqualTo("hadir.pdf");
        assertThat(RealisationEvidence.fileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(RealisationEvidence.fileName("  ")).isEqualTo("bukti");
    }

    @Test
    void anItemWithoutARenstraIndicatorIsMeasuredByItsUnit() {
        assertThat(EntryCheck.Definition.inferred("%")).isEqualTo(new EntryCheck.Definition(IndicatorKind.PERCENTAGE,
                Aggregation.LAST, "%"));
        assertThat(EntryCheck.Definition.inferred("%").capsAtHundred()).isTrue();
        assertThat(EntryCheck.Definition.inferred("% pertumbuhan").capsAtHundred()).isFalse();
        assertThat(EntryCheck.Definition.inferred("Indeks").kind()).isEqualTo(IndicatorKind.INDEX);
        assertThat(EntryCheck.Definition.inferred("Rp").aggregation()).isEqualTo(Aggregation.SUM);
        assertThat(EntryCheck.Definition.inferred("orang").kind()).isEqualTo(IndicatorKind.COUNT);
    }
}
