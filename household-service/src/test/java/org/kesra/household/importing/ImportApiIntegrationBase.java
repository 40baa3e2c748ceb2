package org.kesra.household.importing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kesra.devinfra.ApiClient;
import org.kesra.household.registry.RegistryApiIntegrationBase;
import tools.jackson.databind.JsonNode;

/** Imports over HTTP: spreadsheets written per test, uploaded as a browser would, followed until they end. */
public abstract class ImportApiIntegrationBase extends RegistryApiIntegrationBase {

    public static final String HEADER = "kk_number,kelurahan_code,rw,rt,address,nik,name,birth_place,birth_date,sex,"
            + "relationship,marital_status,education,occupation";
    public static final String OPERATOR = "dinsos.operator";

    /** One CSV row in the canonical columns of {@link #HEADER}. */
    public static String row(String kk, String kelurahan, String rt, String nik, String name, LocalDate birth, String sex,
                      String relationship) {
        return String.join(",", kk, kelurahan, "2", rt, "Jl. Merpati No. 7", nik, name, "Metro", birth.toString(), sex,
                relationship, "ANAK".equals(relationship) ? "BELUM_KAWIN" : "KAWIN", "SLTA", "Wiraswasta");
    }

    /** A family of three in the canonical columns: head, wife, child. */
    public static List<String> family(String kk, String kelurahan, String surname) {
        return List.of(
                row(kk, kelurahan, "4", nik(LocalDate.of(1979, 4, 2), "L"), "Sugeng " + surname, LocalDate.of(1979, 4, 2),
                        "L", "KEPALA_KELUARGA"),
                row(kk, kelurahan, "4", nik(LocalDate.of(1983, 9, 14), "P"), "Wartini " + surname,
                        LocalDate.of(1983, 9, 14), "P", "ISTRI"),
                row(kk, kelurahan, "4", nik(LocalDate.of(2010, 1, 30), "L"), "Dimas " + surname,
                        LocalDate.of(2010, 1, 30), "L", "ANAK"));
    }

    public static Path csv(String header, List<String> rows) {
        return file(header + "\n" + String.join("\n", rows) + "\n", Charset.forName("UTF-8"), new byte[0], ".csv");
    }

    public static Path file(String text, Charset charset, byte[] prefix, String suffix) {
        try {
            Path file = Files.createTempFile("import-", suffix);
            byte[] body = text.getBytes(charset);
            byte[] all = new byte[prefix.length + body.length];
            System.arraycopy(prefix, 0, all, 0, prefix.length);
            System.arraycopy(body, 0, all, prefix.length, body.length);
            Files.write(file, all);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected ApiClient.Response upload(String user, Path file, String fileName, String query) {
        return upload(user, file, fileName, query, Map.of());
    }

    protected ApiClient.Response upload(String user, Path file, String fileName, String query, Map<String, String> headers) {
        return api.upload("/api/v1/household-imports" + (query == null ? "" : "?" + query), token(user), file, fileName,
                new HashMap<>(headers));
    }

    /** Uploads and waits for the import's end state; answers the finished import. */
    protected JsonNode imported(String user, Path file, String query) {
        ApiClient.Response started = upload(user, file, file.getFileName().toString(), query);
        if (started.status() != 202) {
            throw new AssertionError("import not started: " + started.status() + " " + started.text());
        }
        return finished(user, started.body().path("id").asString());
    }

    protected JsonNode finished(String user, String id) {
        return finished(user, id, new ArrayList<>());
    }

    /** @param seen every state read while waiting, for tests of the progress reporting */
    protected JsonNode finished(String user, String id, List<JsonNode> seen) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = api.get("/api/v1/household-imports/" + id, token(user)).body();
            seen.add(last[0]);
            return List.of("SELESAI", "DITOLAK", "GAGAL").contains(last[0].path("status").asString());
        });
        return last[0];
    }

    protected List<JsonNode> problems(String user, String id) {
        List<JsonNode> all = new ArrayList<>();
        read("/api/v1/household-imports/" + id + "/problems?size=1000", user).body().path("items")
                .forEach(all::add);
        return all;
    }
}
