package org.kesra.performance;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.kesra.platform.web.access.AccessRules;
import org.kesra.platform.web.access.AuthorizationMatrix;
import org.kesra.platform.web.access.DeclaredRequestTypes;
import org.springframework.beans.factory.annotation.Autowired;

/** Every request body performance-service's API document declares is one the endpoint takes, and no other. */
class DeclaredRequestTypesIT extends PerformanceApiTest {

    @Autowired
    AccessRules rules;

    @TestFactory
    Stream<DynamicTest> everyOperationTakesTheContentTypesItsDocumentDeclares() {
        return DeclaredRequestTypes.tests(api.get("/v3/api-docs", null).body(), rules,
                AuthorizationMatrix.realmPrincipals(System.getProperty("OIDC_ISSUER_URI")), port,
                AccessMatrixIT.samples(), Map.of("/api/v1/ops/dead-letters/{id}/discard", Map.of("id", "1"),
                        // The first allowed caller is bappeda's planner: its own unit, so the call reaches the body.
                        "/api/v1/performance/units/{unit}/plans/import", Map.of("unit", "bappeda")));
    }
}
