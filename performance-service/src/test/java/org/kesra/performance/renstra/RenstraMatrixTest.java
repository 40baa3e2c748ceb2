package org.kesra.performance.renstra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kesra.performance.units.Unit;
import org.kesra.performance.units.UnitKind;
import org.kesra.platform.refusal.Refusal;
import org.kesra.sheets.SheetRow;

class RenstraMatrixTest {

    private static final Unit DINSOS = new Unit("dinsos", UnitKind.OPD, "Dinas Sosial", null);

    @Test
    void numbersAreReadTheIndonesianWayWithTheirUnit() {
        assertThat(RenstraMatrix.number("24.000.000").value()).isEqualByComparingTo("24000000");
        assertThat(RenstraMatrix.number("81,79%").value()).isEqualByComparingTo("81.79");
        assertThat(RenstraMatrix.number("81,79%").suffix()).isEqualTo("%");
        assertThat(RenstraMatrix.number("1.234.567,89").value()).isEqualByComparingTo("1234567.89");
        assertThat(RenstraMatrix.number("4.34").value()).as("a lone dot before two digits is a decimal point")
                .isEqualByComparingTo("4.34");
        assertThat(RenstraMatrix.number("60 Org").suffix()).isEqualTo("Org");
        assertThat(RenstraMatrix.number("-")).isNull();
        assertThat(RenstraMatrix.number("")).isNull();
        assertThat(RenstraMatrix.number("seratus")).isSameAs(RenstraMatrix.Parsed.NOT_A_NUMBER);
    }

    @Test
    void aOneRowHeaderWithYearsInTheTitlesAndALabelWithItsNameOnTheSameRowAreRead() {
        List<SheetRow> rows = new ArrayList<>();
        rows.add(row(1, "Kode", "Program/Kegiatan", "Indikator", "Target 2025", "Rp 2025", "Target 2026", "Rp 2026"));
        rows.add(row(2, "", "Tujuan: Meningkatkan kesejahteraan", "", "", "", "", ""));
        rows.add(row(3, "", "Sasaran: Meningkatnya penanganan PPKS", "Persentase PPKS ditangani", "70%", "",
                "75%", ""));
        rows.add(row(4, "1.06.04", "Program Rehabilitasi Sosial", "", "", "", "", ""));
        rows.add(row(5, "1.06.04.2.01", "Rehabilitasi Sosial Dasar", "Lansia dilayani", "48 orang", "Rp 138.970.000",
                "50 orang", "145.918.500"));
        RenstraMatrix.Read read = RenstraMatrix.read(rows, 2025, 2026, DINSOS);
        var tujuan = read.tujuan().get(0);
        assertThat(tujuan.name()).isEqualTo("Meningkatkan kesejahteraan");
        var sasaran = tujuan.sasaran().get(0);
        assertThat(sasaran.indicators().get(0).kind()).isEqualTo("PERCENTAGE");
        var kegiatan = sasaran.program().get(0).kegiatan().get(0);
        assertThat(kegiatan.indicators().get(0).targets().get(0).budget()).isEqualTo(138_970_000L);
        assertThat(kegiatan.indicators().get(0).unitOfMeasure()).isEqualTo("orang");
        assertThat(read.rowOf()).containsEntry("/tujuan/0/sasaran/0/program/0/kegiatan/0/indicators/0", 5L);
        assertThat(read.translate(org.kesra.platform.web.Violation.field(
                "/tujuan/0/sasaran/0/program/0/kegiatan/0/indicators/0/targets/1/budget", "x")).pointer())
                .isEqualTo("/rows/5/rp2026");
    }

    /**
     * SIPD's export: the code in five columns under one merged "Kode" (the merged cell's text in its first column, the
     * rest blank, in the header and under it), each row filling the parts of its level; 2.01 already holds a dot.
     */
    @Test
    void aCodeSplitOverSeveralColumnsUnderAMergedKodeIsJoinedWithDots() {
        List<SheetRow> rows = new ArrayList<>();
        rows.add(row(1, "Kode", "", "", "", "", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Tahun 2025", ""));
        rows.add(row(2, "", "", "", "", "", "", "", "Target", "Rp"));
        rows.add(row(3, "", "", "", "", "", "Tujuan: Meningkatkan kesejahteraan", "", "", ""));
        rows.add(row(4, "", "", "", "", "", "Sasaran: Meningkatnya penanganan PPKS", "Persentase PPKS ditangani",
                "70%", ""));
        rows.add(row(5, "1", "06", "04", "", "", "Program Rehabilitasi Sosial", "", "", ""));
        rows.add(row(6, "1", "06", "04", "2.01", "", "Rehabilitasi Sosial Dasar", "", "", ""));
        rows.add(row(7, "1.", "06.", "04.", "2.01.", "0001", "Penyediaan Permakanan", "Lansia dilayani", "48 orang",
                "138.970.000"));
        RenstraMatrix.Read read = RenstraMatrix.read(rows, 2025, 2025, DINSOS);
        var program = read.tujuan().get(0).sasaran().get(0).program().get(0);
        assertThat(program.code()).isEqualTo("1.06.04");
        assertThat(program.kegiatan().get(0).code()).isEqualTo("1.06.04.2.01");
        var sub = program.kegiatan().get(0).subKegiatan().get(0);
        assertThat(sub.code()).isEqualTo("1.06.04.2.01.0001");
        assertThat(sub.indicators().get(0).targets().get(0).budget()).isEqualTo(138_970_000L);
        assertThat(read.rowOf()).containsEntry("/tujuan/0/sasaran/0/program/0/kegiatan/0/subKegiatan/0", 7L);
    }

    @Test
    void aKegiatanWithoutItsProgramIsRefusedAtItsRow() {
        List<SheetRow> rows = List.of(
                row(1, "Kode", "Program/Kegiatan", "Indikator", "Target 2025", "Rp 2025"),
                row(2, "", "Tujuan: T", "", "", ""),
                row(3, "", "Sasaran: S", "", "", ""),
                row(4, "1.06.04.2.01", "Rehabilitasi Sosial Dasar", "Lansia dilayani", "48 orang", "1.000"));
        assertThatThrownBy(() -> RenstraMatrix.read(rows, 2025, 2025, DINSOS)).isInstanceOfSatisfying(Refusal.class,
                r -> {
                    assertThat(r.code()).isEqualTo("PF-BARIS-TANPA-INDUK");
                    assertThat(r.violations().get(0).pointer()).isEqualTo("/rows/4/nama");
                });
    }

    private static SheetRow row(long number, String... cells) {
        return new SheetRow(number, List.of(cells), Set.of());
    }
}
