package org.kesra.reporting;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.kesra.platform.web.access.AccessRules;
import org.kesra.platform.web.access.AuthorizationMatrix;
import org.kesra.platform.web.access.DeclaredRequestTypes;
import org.springframework.beans.factory.annotation.Autowired;

/** Every request body reporting-service's API document declares is one the endpoint takes, and no other. */
class DeclaredRequestTypesIT extends ReportingApiIntegrationBase {

    @Autowired
    AccessRules rules;

    @TestFactory
    Stream<DynamicTest> everyOperationTakesTheContentTypesItsDocumentDeclares() {
        Map<String, String> samples = new HashMap<>(AuthorizationMatrix.commonSamples());
        return DeclaredRequestTypes.tests(api.get("/v3/api-docs", null).body(), rules,
                AuthorizationMatrix.realmPrincipals(System.getProperty("OIDC_ISSUER_URI")), port, samples,
                Map.of("/api/v1/ops/dead-letters/{id}/discard", Map.of("id", "1"))); // dead letters have numeric ids
    }
}
