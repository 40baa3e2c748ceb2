package org.kesra.performance;

import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ServiceBoundaries;

/** performance-service keeps the platform's package rules: no cycle between features, HTTP only in web packages. */
class BoundariesTest {

    @Test
    void featurePackagesFormNoCycleAndOnlyWebPackagesKnowHttp() {
        ServiceBoundaries.check("org.kesra.performance");
    }
}
