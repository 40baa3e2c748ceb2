package org.kesra.performance;

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

/** performance-service's authorisation matrix, generated from its access table (access-rules/*.csv). */
class AccessMatrixIT extends PerformanceApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    AccessRules rules;

    static Map<String, String> samples() {
        Map<String, String> samples = new HashMap<>(AuthorizationMatrix.commonSamples());
        samples.put("version", "1");
        samples.put("revision", "1");
        samples.put("indicatorId", samples.get("id"));
        samples.put("evidenceId", samples.get("id"));
        samples.put("year", "2027");
        samples.put("unit", "dinsos");
        return samples;
    }

    @Test
    void everyEndpointHasExactlyOneRowAndEveryRowAnEndpoint() {
        AuthorizationMatrix.assertTableMatches(AuthorizationMatrix.served(mapping), rules);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAsEveryCaller() {
        return AuthorizationMatrix.tests(rules, AuthorizationMatrix.realmPrincipals(System.getProperty("OIDC_ISSUER_URI")),
                api, samples());
    }
}
