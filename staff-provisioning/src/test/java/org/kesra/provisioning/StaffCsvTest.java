package org.kesra.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ProjectLayout;

class StaffCsvTest {

    private static final Set<String> ROLES = Set.of("kelurahan-operator", "kecamatan-operator", "kecamatan-approver",
            "dinsos-operator");

    @Test
    void theRepositoryFileHasTheStaffOfEveryKecamatanAndKelurahan() throws Exception {
        Path file = ProjectLayout.locate().root().resolve("deploy/keycloak/staff-kota-metro.csv");
        List<StaffCsv.Staff> staff = StaffCsv.read(Files.newBufferedReader(file), ROLES, Regions.load());
        Regions regions = Regions.load();
        assertThat(staff.stream().filter(s -> s.role().equals("kelurahan-operator")).map(StaffCsv.Staff::region))
                .containsExactlyInAnyOrderElementsOf(regions.level("kelurahan").stream().map(Regions.Region::code).toList())
                .hasSize(22);
        assertThat(staff.stream().filter(s -> s.role().equals("kecamatan-approver")).map(StaffCsv.Staff::region))
                .containsExactlyInAnyOrderElementsOf(regions.level("kecamatan").stream().map(Regions.Region::code).toList())
                .hasSize(5);
        assertThat(staff.stream().filter(s -> s.role().equals("kecamatan-operator"))).hasSize(5);
    }

    @Test
    void everyProblemOfTheFileIsNamedByRowAndColumnAtOnce() {
        String csv = """
                name,email,role,region,agency
                Siti Aminah,siti@staf.kesra.invalid,kelurahan-operator,18.72.03.1001,kelurahan-mulyojati
                ,bukan-email,lurah,18.72.99,Kelurahan X
                Budi,siti@staf.kesra.invalid,kelurahan-operator,18.72.03,kelurahan-mulyojati
                """;
        ProvisioningException e = catchThrowableOfType(ProvisioningException.class,
                () -> StaffCsv.read(new StringReader(csv), ROLES, Regions.load()));
        assertThat(e.problems()).containsExactly(
                "baris 3, kolom name: nama wajib diisi",
                "baris 3, kolom email: 'bukan-email' bukan alamat email",
                "baris 3, kolom role: peran 'lurah' tidak dikenal; pilih salah satu dari dinsos-operator,"
                        + " kecamatan-approver, kecamatan-operator, kelurahan-operator",
                "baris 3, kolom region: kode wilayah '18.72.99' tidak ada di Kota Metro",
                "baris 3, kolom agency: 'Kelurahan X' harus huruf kecil, angka dan tanda hubung (mis. kelurahan-mulyojati)",
                "baris 4, kolom email: siti@staf.kesra.invalid sudah ada di baris 2",
                "baris 4, kolom region: peran kelurahan-operator bekerja di tingkat kelurahan, bukan kecamatan (18.72.03)");
    }

    @Test
    void refusesAFileWithOtherColumns() {
        ProvisioningException e = catchThrowableOfType(ProvisioningException.class,
                () -> StaffCsv.read(new StringReader("nama,email\nx,y\n"), ROLES, Regions.load()));
        assertThat(e.problems()).singleElement().asString().startsWith("baris 1: kolom harus name,email,role,region,agency");
    }
}
