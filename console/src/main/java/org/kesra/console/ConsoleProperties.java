package org.kesra.console;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the console finds Keycloak and the gateway, and who it is to Keycloak.
 *
 * @param issuerUri    the realm as users' browsers and the console reach it ({@code http://localhost:8180/realms/kota-metro})
 * @param jwksUri      the realm's keys, where the console reaches Keycloak by another name than browsers do
 * @param clientId     the console's client in the realm
 * @param clientSecret its secret (a confidential client: the console is a backend for frontend)
 * @param gatewayUrl   the gateway, through which every API call goes with the user's token
 * @param purpose      the X-Purpose sent on the reads of personal data made for the household pages
 */
@ConfigurationProperties("kesra.console")
public record ConsoleProperties(String issuerUri, String jwksUri, String clientId, String clientSecret,
                                String gatewayUrl, String purpose) {

    /** The realm's endpoints under the issuer (Keycloak's fixed layout), so no discovery call is needed at start. */
    public String endpoint(String path) {
        return issuerUri + "/protocol/openid-connect/" + path;
    }

    /** {@code http://localhost:8180}: where the browser goes to log in and out (for the CSP's form-action). */
    public String issuerOrigin() {
        URI uri = URI.create(issuerUri);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
