package org.kesra.household;

import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ServiceBoundaries;

/**
 * household-service's package rules (docs/architecture.md): feature packages form no cycle, and only {@code web}
 * packages know HTTP. A new service copies this test with its own root package.
 */
class BoundariesTest {

    @Test
    void featurePackagesFormNoCycleAndOnlyWebPackagesKnowHttp() {
        ServiceBoundaries.check("org.kesra.household");
    }
}
