package org.kesra.welfare;

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

/** welfare-service's authorisation matrix, generated from its access table (access-rules/*.csv). */
class AccessMatrixIT extends WelfareApiIntegrationBase {

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
        // A programme that does not exist and a period in no snapshot: the allowed callers get 404/422, not data.
        samples.put("code", "UJI");
        samples.put("period", "1999-01");
        samples.put("rowNo", "1");
        samples.put("year", "2019");
        samples.put("label", "1");
        return AuthorizationMatrix.tests(rules, AuthorizationMatrix.realmPrincipals(System.getProperty("OIDC_ISSUER_URI")),
                api.plain(), samples);
    }
}
