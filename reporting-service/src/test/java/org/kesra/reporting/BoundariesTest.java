package org.kesra.reporting;

import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ServiceBoundaries;

/**
 * reporting-service's package rules (see {@link ServiceBoundaries}): feature packages without cycles, HTTP only in
 * {@code web} packages (use cases throw {@link ReportingProblems} refusals), every controller in a {@code web} package.
 */
class BoundariesTest {

    @Test
    void featurePackagesFormNoCycleAndOnlyWebPackagesKnowHttp() {
        ServiceBoundaries.check("org.kesra.reporting");
    }
}
