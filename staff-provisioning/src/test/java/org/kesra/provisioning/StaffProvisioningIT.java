package org.kesra.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.kesra.devinfra.ProjectLayout;
import org.kesra.devinfra.SharedInfrastructure;

/** The provisioning command against the real Keycloak with the realm of the repository. */
class StaffProvisioningIT {

    private static Keycloak keycloak;
    private static RealmResource realm;
    private static final Path FILE = ProjectLayout.locate().root().resolve("deploy/keycloak/staff-kota-metro.csv");

    @BeforeAll
    static void connect() {
        SharedInfrastructure.Endpoints infra = SharedInfrastructure.get();
        keycloak = KeycloakBuilder.builder().serverUrl(infra.keycloakUrl()).realm("master").clientId("admin-cli")
                .username(infra.keycloakAdminUser()).password(infra.keycloakAdminPassword()).build();
        realm = keycloak.realm(infra.realm());
    }

    @AfterAll
    static void close() {
        keycloak.close();
    }

    @Test
    void createsTheStaffOfTheWholeCityOnceAndKeepsThemInStep() throws Exception {
        StaffProvisioning provisioning = new StaffProvisioning(realm);
        StaffProvisioning.Report first = provisioning.provision(FILE);
        assertThat(first.created() + first.updated() + first.unchanged()).isEqualTo(32);

        UserRepresentation operator = user("operator.mulyojati@staf.kesra.invalid");
        assertThat(operator.getAttributes().get("wilayah")).containsExactly("18.72.03.1001");
        assertThat(operator.getAttributes().get("opd")).containsExactly("kelurahan-mulyojati");
        assertThat(operator.getRequiredActions()).contains("UPDATE_PASSWORD");
        assertThat(roles(operator)).contains("kelurahan-operator");
        assertThat(realm.users().get(operator.getId()).groups()).extracting(GroupRepresentation::getPath)
                .containsExactlyInAnyOrder("/wilayah/Metro Barat/Mulyojati", "/opd/kelurahan-mulyojati");
        assertThat(realm.getGroupByPath("/wilayah/Metro Selatan/Rejomulyo")).isNotNull();

        StaffProvisioning.Report again = new StaffProvisioning(realm).provision(FILE);
        assertThat(again).isEqualTo(new StaffProvisioning.Report(0, 0, 32, 0));

        // One person changes job: only that account changes, and loses the old role and groups.
        String changed = Files.readString(FILE).replace(
                "Operator Kelurahan Mulyojati,operator.mulyojati@staf.kesra.invalid,kelurahan-operator,18.72.03.1001,kelurahan-mulyojati",
                "Operator Kelurahan Mulyojati,operator.mulyojati@staf.kesra.invalid,kecamatan-operator,18.72.03,kecamatan-metro-barat");
        assertThat(new StaffProvisioning(realm).provision(new StringReader(changed)))
                .isEqualTo(new StaffProvisioning.Report(0, 1, 31, 0));
        UserRepresentation moved = user("operator.mulyojati@staf.kesra.invalid");
        assertThat(roles(moved)).contains("kecamatan-operator").doesNotContain("kelurahan-operator");
        assertThat(moved.getAttributes().get("wilayah")).containsExactly("18.72.03");
        assertThat(realm.users().get(moved.getId()).groups()).extracting(GroupRepresentation::getPath)
                .containsExactlyInAnyOrder("/wilayah/Metro Barat", "/opd/kecamatan-metro-barat");

        assertThat(new StaffProvisioning(realm).provision(FILE)).isEqualTo(new StaffProvisioning.Report(0, 1, 31, 0));
    }

    @Test
    void aFileWithAWrongRowChangesNothing() {
        String csv = """
                name,email,role,region,agency
                Petugas Baru,petugas.baru@staf.kesra.invalid,kelurahan-operator,18.72.03.1001,kelurahan-mulyojati
                Petugas Salah,petugas.salah@staf.kesra.invalid,kepala-dinas,18.72,dinsos
                """;
        assertThatThrownBy(() -> new StaffProvisioning(realm).provision(new StringReader(csv)))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("baris 3, kolom role");
        assertThat(realm.users().searchByUsername("petugas.baru@staf.kesra.invalid", true)).isEmpty();
    }

    private static UserRepresentation user(String username) {
        return realm.users().get(realm.users().searchByUsername(username, true).get(0).getId()).toRepresentation();
    }

    private static java.util.List<String> roles(UserRepresentation user) {
        return realm.users().get(user.getId()).roles().realmLevel().listAll().stream().map(RoleRepresentation::getName).toList();
    }
}
