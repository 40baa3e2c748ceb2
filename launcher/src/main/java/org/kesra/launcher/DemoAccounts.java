package org.kesra.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo users and agency clients of the realm file, read from it so the printed table cannot drift. */
record DemoAccounts(List<User> users, List<Agency> agencies) {

    record User(String username, String role, String wilayah, String opd) {
    }

    record Agency(String clientId, String secret, String scopes) {
    }

    static DemoAccounts from(Path realmFile) {
        JsonNode realm = JsonMapper.builder().build().readTree(realmFile.toFile());
        List<User> users = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            users.add(new User(user.path("username").asString(), user.path("realmRoles").path(0).asString(""),
                    user.path("attributes").path("wilayah").path(0).asString(""),
                    user.path("attributes").path("opd").path(0).asString("")));
        }
        List<Agency> agencies = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            if (client.path("serviceAccountsEnabled").asBoolean(false)) {
                List<String> scopes = new ArrayList<>();
                client.path("defaultClientScopes").forEach(s -> {
                    if (s.asString().contains(".")) {
                        scopes.add(s.asString());
                    }
                });
                agencies.add(new Agency(client.path("clientId").asString(), client.path("secret").asString(),
                        String.join(" ", scopes)));
            }
        }
        return new DemoAccounts(users, agencies);
    }
}
