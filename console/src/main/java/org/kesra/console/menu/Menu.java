package org.kesra.console.menu;

import java.util.Collection;
import java.util.List;
import org.kesra.console.accountability.AccountabilityRoles;
import org.kesra.console.audit.AuditRoles;
import org.kesra.console.planning.PlanningRoles;
import org.kesra.console.registers.RegisterRoles;
import org.kesra.console.security.ConsoleSecurity;
import org.kesra.console.verification.VerificationRoles;

/**
 * The console's menu for one user: only the entries their roles may use (the services would refuse the rest).
 */
public final class Menu {

    /** One entry: its label, where it leads, and the roles that see it (empty: everyone signed in). */
    public record Entry(String label, String path, List<String> roles) {

        boolean visibleTo(Collection<String> userRoles) {
            return roles.isEmpty() || roles.stream().anyMatch(userRoles::contains);
        }
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry("Beranda", "/", List.of()),
            new Entry("Cari rumah tangga", "/rumah-tangga", ConsoleSecurity.REGISTRY_READERS),
            new Entry("Daftarkan rumah tangga", "/rumah-tangga/baru", ConsoleSecurity.REGISTRY_WRITERS),
            new Entry("Impor berkas kader", "/rumah-tangga/impor", ConsoleSecurity.REGISTRY_READERS),
            new Entry("RW, RT dan dasawisma", "/wilayah", ConsoleSecurity.REGISTRY_READERS),
            new Entry("Verifikasi daftar penerima", "/verifikasi", VerificationRoles.VERIVALI_STAFF),
            new Entry("Peninjauan kepesertaan", "/verifikasi/peninjauan", VerificationRoles.WELFARE_READERS),
            new Entry("PPKS dan KPM", "/verifikasi/ppks-kpm", VerificationRoles.WELFARE_READERS),
            new Entry("Register PPKS", "/ppks", RegisterRoles.READERS),
            new Entry("Kepesertaan program", "/kepesertaan", RegisterRoles.READERS),
            new Entry("Penyaluran bantuan", "/penyaluran", RegisterRoles.READERS),
            new Entry("Register PSKS", "/psks", RegisterRoles.READERS),
            new Entry("Usulan musyawarah", "/musyawarah", RegisterRoles.MUSYAWARAH_READERS),
            new Entry("Unggah desil DTSEN", "/desil", RegisterRoles.DECILE_UPLOADERS),
            new Entry("Katalog program", "/katalog-program", RegisterRoles.CATALOGUE_READERS),
            new Entry("Terbitkan indikator kelurahan", "/indikator-kelurahan", RegisterRoles.CATALOGUE_EDITORS),
            new Entry("Cek kelayakan desil", "/cek-kelayakan", RegisterRoles.ELIGIBILITY_CHECKERS),
            new Entry("Pemantauan kinerja", "/pemantauan", ConsoleSecurity.MONITORS),
            new Entry("Rekap PPKS dan KPM per kelurahan", "/pemantauan/ppks", ConsoleSecurity.REPORT_READERS),
            new Entry("Dasbor kota", "/pemantauan/dasbor", ConsoleSecurity.REPORT_READERS),
            new Entry("Unduh laporan", "/laporan", ConsoleSecurity.REPORT_READERS),
            new Entry("Renstra", "/renstra", PlanningRoles.READERS),
            new Entry("Perjanjian Kinerja", "/perjanjian-kinerja", PlanningRoles.READERS),
            new Entry("Perbandingan capaian tahunan", "/perbandingan-tahunan", AccountabilityRoles.READERS),
            new Entry("Evaluasi AKIP", "/evaluasi-akip", AccountabilityRoles.READERS),
            new Entry("Laporan kinerja triwulan", "/laporan-triwulan", ConsoleSecurity.QUARTER_SUBMITTERS),
            new Entry("Penilaian laporan triwulan", "/penilaian-laporan", ConsoleSecurity.QUARTER_APPROVERS),
            new Entry("Kalender hari libur", "/admin/hari-libur", List.of("platform-admin")),
            new Entry("Bangun ulang model laporan", "/admin/model-baca", List.of("platform-admin")),
            new Entry("Dead letter layanan", "/admin/dead-letter", List.of("platform-admin")),
            new Entry("Catatan akses data pribadi", "/audit/akses-data-pribadi", AuditRoles.ACCESS_LOG_READERS));

    private Menu() {
    }

    public static List<Entry> forRoles(Collection<String> roles) {
        return ENTRIES.stream().filter(e -> e.visibleTo(roles)).toList();
    }
}
