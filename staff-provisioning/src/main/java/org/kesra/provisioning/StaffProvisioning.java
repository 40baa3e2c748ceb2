package org.kesra.provisioning;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Onboards staff from one CSV: each row becomes (or brings up to date) a Keycloak account with its realm role, its
 * {@code wilayah} and {@code opd} attributes (which the realm maps into tokens) and membership of its region group
 * ({@code /wilayah/<kecamatan>/<kelurahan>}) and agency group ({@code /opd/<agency>}). The region groups of the whole
 * city are created from the reference codes. Idempotent: a second run with the same file changes nothing; a changed
 * row changes only that account. Passwords are never set here: new accounts must set theirs at first login.
 *
 * <p>Usage: {@code java -jar staff-provisioning/target/staff-provisioning.jar deploy/keycloak/staff-kota-metro.csv};
 * Keycloak from {@code KEYCLOAK_URL} (http://localhost:8180), realm {@code KEYCLOAK_REALM} (kota-metro), admin
 * {@code KEYCLOAK_ADMIN} / {@code KEYCLOAK_ADMIN_PASSWORD} (admin / admin, the development defaults).
 */
public final class StaffProvisioning {

    /** Roles never given to a person: agency service accounts and Keycloak's own. */
    private static final Set<String> NOT_STAFF = Set.of("agency", "offline_access", "uma_authorization");

    /** What a run did, per account. */
    public record Report(int created, int updated, int unchanged, int groupsCreated) {
    }

    private final RealmResource realm;
    private final Regions regions = Regions.load();
    private final Map<String, String> groupIds = new HashMap<>();
    private int groupsCreated;

    public StaffProvisioning(RealmResource realm) {
        this.realm = realm;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("Pemakaian: java -jar staff-provisioning.jar <berkas-staf.csv>");
            System.exit(64);
        }
        String url = env("KEYCLOAK_URL", "http://localhost:8180");
        String realmName = env("KEYCLOAK_REALM", "kota-metro");
        try (Keycloak keycloak = KeycloakBuilder.builder().serverUrl(url).realm("master").clientId("admin-cli")
                .username(env("KEYCLOAK_ADMIN", "admin")).password(env("KEYCLOAK_ADMIN_PASSWORD", "admin")).build()) {
            Report report = new StaffProvisioning(keycloak.realm(realmName)).provision(Path.of(args[0]));
            System.out.printf("Akun staf: %d dibuat, %d diperbarui, %d tidak berubah; grup baru: %d%n",
                    report.created(), report.updated(), report.unchanged(), report.groupsCreated());
        } catch (ProvisioningException e) {
            System.err.println("Berkas staf tidak diterapkan, tidak ada yang diubah:");
            e.problems().forEach(p -> System.err.println("  " + p));
            System.exit(65);
        }
    }

    public Report provision(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return provision(reader);
        }
    }

    public Report provision(Reader csv) throws IOException {
        Map<String, RoleRepresentation> staffRoles = realm.roles().list().stream()
                .filter(r -> !NOT_STAFF.contains(r.getName()) && !r.getName().startsWith("default-roles-"))
                .collect(Collectors.toMap(RoleRepresentation::getName, r -> r));
        // The whole file is checked before the first write: a wrong row leaves the realm as it was.
        List<StaffCsv.Staff> staff = StaffCsv.read(csv, staffRoles.keySet(), regions);
        groupsCreated = 0;
        ensureRegionGroups();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (StaffCsv.Staff s : staff) {
            switch (apply(s, staffRoles)) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
        return new Report(created, updated, unchanged, groupsCreated);
    }

    private enum Outcome { CREATED, UPDATED, UNCHANGED }

    private Outcome apply(StaffCsv.Staff s, Map<String, RoleRepresentation> staffRoles) {
        List<UserRepresentation> found = realm.users().searchByUsername(s.username(), true);
        boolean created = found.isEmpty();
        String id;
        boolean changed = false;
        if (created) {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(s.username());
            fill(user, s);
            user.setEnabled(true);
            user.setRequiredActions(List.of("UPDATE_PASSWORD"));
            try (Response response = realm.users().create(user)) {
                id = CreatedResponseUtil.getCreatedId(response);
            }
        } else {
            UserRepresentation user = found.get(0);
            id = user.getId();
            UserRepresentation wanted = realm.users().get(id).toRepresentation();
            fill(wanted, s);
            if (!Objects.equals(wanted.getAttributes(), realm.users().get(id).toRepresentation().getAttributes())
                    || !Objects.equals(wanted.getFirstName(), user.getFirstName())
                    || !Objects.equals(wanted.getLastName(), user.getLastName())
                    || !Objects.equals(wanted.getEmail(), user.getEmail())) {
                realm.users().get(id).update(wanted);
                changed = true;
            }
        }
        UserResource user = realm.users().get(id);
        changed |= syncRole(user, staffRoles.get(s.role()), staffRoles.keySet());
        changed |= syncGroups(user, Set.of(regions.groupPath(s.region()), group("/opd/" + s.agency())));
        return created ? Outcome.CREATED : changed ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    private static void fill(UserRepresentation user, StaffCsv.Staff s) {
        // Indonesian names often have one word; Keycloak's lastName then stays empty.
        int space = s.name().indexOf(' ');
        user.setFirstName(space < 0 ? s.name() : s.name().substring(0, space));
        user.setLastName(space < 0 ? "" : s.name().substring(space + 1));
        user.setEmail(s.email());
        user.setEmailVerified(true);
        Map<String, List<String>> attributes = new HashMap<>(user.getAttributes() == null ? Map.of() : user.getAttributes());
        attributes.put("wilayah", List.of(s.region()));
        attributes.put("opd", List.of(s.agency()));
        user.setAttributes(attributes);
    }

    /** The file's role is the account's only staff role: a moved or promoted person loses the old one. */
    private static boolean syncRole(UserResource user, RoleRepresentation wanted, Set<String> staffRoles) {
        List<RoleRepresentation> current = user.roles().realmLevel().listAll();
        List<RoleRepresentation> stale = current.stream()
                .filter(r -> staffRoles.contains(r.getName()) && !r.getName().equals(wanted.getName())).toList();
        boolean has = current.stream().anyMatch(r -> r.getName().equals(wanted.getName()));
        if (!stale.isEmpty()) {
            user.roles().realmLevel().remove(stale);
        }
        if (!has) {
            user.roles().realmLevel().add(List.of(wanted));
        }
        return !stale.isEmpty() || !has;
    }

    /** Member of exactly its region and agency groups among /wilayah and /opd; other groups are left alone. */
    private boolean syncGroups(UserResource user, Set<String> wantedPaths) {
        boolean changed = false;
        Set<String> current = new HashSet<>();
        for (GroupRepresentation group : user.groups()) {
            boolean managed = group.getPath().startsWith("/wilayah") || group.getPath().startsWith("/opd/");
            if (managed && !wantedPaths.contains(group.getPath())) {
                user.leaveGroup(group.getId());
                changed = true;
            } else {
                current.add(group.getPath());
            }
        }
        for (String path : wantedPaths) {
            if (!current.contains(path)) {
                user.joinGroup(groupIds.get(group(path)));
                changed = true;
            }
        }
        return changed;
    }

    /** /wilayah, a group per kecamatan and, inside it, per kelurahan, named as Kemendagri names them. */
    private void ensureRegionGroups() {
        group("/wilayah");
        regions.level("kecamatan").forEach(k -> group(regions.groupPath(k.code())));
        regions.level("kelurahan").forEach(k -> group(regions.groupPath(k.code())));
    }

    /** The group at {@code path}, created with its parents when missing; returns the path, its id is remembered. */
    private String group(String path) {
        if (groupIds.containsKey(path)) {
            return path;
        }
        String id;
        try {
            id = realm.getGroupByPath(path).getId();
        } catch (NotFoundException missing) {
            int slash = path.lastIndexOf('/');
            GroupRepresentation group = new GroupRepresentation();
            group.setName(path.substring(slash + 1));
            if (slash == 0) {
                try (Response response = realm.groups().add(group)) {
                    id = CreatedResponseUtil.getCreatedId(response);
                }
            } else {
                String parentId = groupIds.get(group(path.substring(0, slash)));
                try (Response response = realm.groups().group(parentId).subGroup(group)) {
                    id = CreatedResponseUtil.getCreatedId(response);
                }
            }
            groupsCreated++;
        }
        groupIds.put(path, id);
        return path;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
