package org.kesra.reporting;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kesra.platform.web.access.AccessRules;
import org.kesra.platform.web.access.AuthorizationMatrix;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** reporting-service's authorisation matrix, generated from its access table (access-rules/*.csv). */
class AccessMatrixIT extends ReportingApiIntegrationBase {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    AccessRules rules;

    @Test
    void everyEndpointHasExactlyOneRowAndEveryRowAnEndpoint() {
        AuthorizationMatrix.assertTableMatches(AuthorizationMatrix.served(mapping), rules);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAsEveryCaller() {
        Map<String, String> samples = new HashMap<>(AuthorizationMatrix.commonSamples());
        // The ops endpoints of the event backbone and the kept files take ids; a file's regeneration takes two.
        samples.put("regenerationId", samples.get("id"));
        return AuthorizationMatrix.tests(rules, AuthorizationMatrix.realmPrincipals(System.getProperty("OIDC_ISSUER_URI")),
                api, samples);
    }
}
