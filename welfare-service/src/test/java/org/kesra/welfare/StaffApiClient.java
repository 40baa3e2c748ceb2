package org.kesra.welfare;

import java.nio.file.Path;
import java.util.Map;
import org.kesra.devinfra.ApiClient;

/**
 * The tests' HTTP client: a staff member's reads carry a declared purpose ({@code X-Purpose}), as the service requires
 * of every read that answers with full NIKs. {@link #send} sends exactly the headers it is given, for the tests of
 * that rule and of the agency API.
 */
public final class StaffApiClient {

    public static final Map<String, String> PURPOSE = Map.of("X-Purpose", "pengujian otomatis");

    private final ApiClient api;

    public StaffApiClient(int port) {
        this.api = new ApiClient(port);
    }

    /** The plain client, which sends only what it is told (the access matrix's calls). */
    public ApiClient plain() {
        return api;
    }

    /** A read with the default purpose. */
    public ApiClient.Response get(String path, String token) {
        return api.send("GET", path, token, null, PURPOSE);
    }

    public ApiClient.Response post(String path, String token, String json) {
        return api.post(path, token, json);
    }

    public ApiClient.Response send(String method, String path, String token, String json,
                                   Map<String, String> headers) {
        return api.send(method, path, token, json, headers);
    }

    public ApiClient.Response upload(String path, String token, Path file, String fileName,
                                     Map<String, String> headers) {
        return api.upload(path, token, file, fileName, headers);
    }
}
