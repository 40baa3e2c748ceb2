package org.kesra.console.monitoring.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kesra.console.monitoring.MonitoringApi;

/**
 * What a report says about its own data (reporting-service's {@code sources}): per source topic the events applied,
 * the newest event's time (the report's data version) and how far behind it is. The console only words it.
 */
record DataVersion(Instant asOf, List<Source> sources) {

    static final Map<String, String> TOPICS = Map.of("performance.events", "Kinerja (performance-service)",
            "welfare.events", "Kesejahteraan sosial (welfare-service)",
            "household.events", "Register rumah tangga (household-service)");

    record Source(String name, Object eventsApplied, Object lastEventTime, String behind) {
    }

    static DataVersion of(Object sources) {
        List<Map<String, Object>> list = MonitoringApi.list(sources);
        Instant newest = null;
        List<Source> shown = new java.util.ArrayList<>();
        for (Map<String, Object> s : list) {
            Object time = s.get("lastEventTime");
            if (time != null) {
                Instant t = Instant.parse(String.valueOf(time));
                newest = newest == null || t.isAfter(newest) ? t : newest;
            }
            shown.add(new Source(TOPICS.getOrDefault(String.valueOf(s.get("topic")), String.valueOf(s.get("topic"))),
                    s.get("eventsApplied"), time, behind(s.get("lagSeconds"))));
        }
        return new DataVersion(newest, shown);
    }

    /** "5 menit", "2 jam", "3 hari": the age of the newest event applied, as the API counts it. */
    static String behind(Object lagSeconds) {
        if (!(lagSeconds instanceof Number n)) {
            return "belum ada peristiwa diterima";
        }
        long s = n.longValue();
        if (s < 60) {
            return "kurang dari 1 menit";
        }
        if (s < 3600) {
            return (s / 60) + " menit";
        }
        if (s < 86_400) {
            return (s / 3600) + " jam";
        }
        return (s / 86_400) + " hari";
    }
}
