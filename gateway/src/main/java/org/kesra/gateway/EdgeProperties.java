package org.kesra.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's own rules at the edge (kesra.gateway.*).
 *
 * @param consoleOrigins the web console's origins: the only ones browsers may call the API from (CORS)
 * @param agencyPaths    per client scope, the API paths an agency client with that scope may reach; an agency token
 *                       reaches nothing else, whatever the services would answer
 * @param rateLimit      requests per caller and window
 * @param maxBodySize    the largest request body of the JSON API
 * @param maxUploadSize  the largest body of the upload endpoints
 * @param uploadPaths    the upload endpoints (path patterns)
 * @param maxUriLength   the longest URI (path and query) the gateway takes
 */
@ConfigurationProperties("kesra.gateway")
public record EdgeProperties(List<String> consoleOrigins, Map<String, List<String>> agencyPaths, RateLimit rateLimit,
                             DataSize maxBodySize, DataSize maxUploadSize, List<String> uploadPaths,
                             DataSize maxUriLength) {

    /**
     * @param requests requests each caller may make per window (a user by their account, an agency by its client)
     * @param window   the window; the allowance is refilled at its end
     * @param clients  a different allowance for named clients (agency clients that verify in batches)
     * @param addressRequests requests per window from one client address that do not come with a valid token (no
     *                        token, a forged or expired one, the public docs): counted before authentication, so a
     *                        flood of bad tokens costs no signature checks once the address is out of allowance
     */
    public record RateLimit(long requests, Duration window, Map<String, Long> clients, long addressRequests) {
    }
}
