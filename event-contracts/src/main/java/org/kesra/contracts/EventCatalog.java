package org.kesra.contracts;

import java.util.List;
import java.util.Optional;
import org.kesra.contracts.probe.ProbeSent;

/** Every event type the platform publishes, at every version still in use. */
public final class EventCatalog {

    public static final EventDefinition HOUSEHOLD_PROBE_SENT = new EventDefinition("household.probe.sent", 1, ProbeSent.class);
    public static final EventDefinition WELFARE_PROBE_SENT = new EventDefinition("welfare.probe.sent", 1, ProbeSent.class);
    public static final EventDefinition PERFORMANCE_PROBE_SENT =
            new EventDefinition("performance.probe.sent", 1, ProbeSent.class);
    public static final EventDefinition REPORTING_PROBE_SENT = new EventDefinition("reporting.probe.sent", 1, ProbeSent.class);

    public static final List<EventDefinition> ALL = List.of(
            HOUSEHOLD_PROBE_SENT, WELFARE_PROBE_SENT, PERFORMANCE_PROBE_SENT, REPORTING_PROBE_SENT);

    private EventCatalog() {
    }

    public static Optional<EventDefinition> find(String type, int version) {
        return ALL.stream().filter(d -> d.type().equals(type) && d.version() == version).findFirst();
    }

    public static List<EventDefinition> ofService(String service) {
        return ALL.stream().filter(d -> d.service().equals(service)).toList();
    }
}
