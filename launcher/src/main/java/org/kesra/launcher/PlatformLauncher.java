package org.kesra.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.kesra.devinfra.InfraStartException;
import org.kesra.devinfra.KeycloakTokens;
import org.kesra.devinfra.ProjectLayout;

/**
 * {@code ./mvnw -Prun}: starts the platform, prints where everything is, and runs until Ctrl-C, then stops all it
 * started. Fails within a bounded time with a one-line cause (and the tail of the log to read) and a non-zero exit.
 * While it runs, a crashed application is started again; the launcher stops everything only on Ctrl-C, when an
 * application keeps failing, or when Kafka or Keycloak ends.
 */
public final class PlatformLauncher {

    private PlatformLauncher() {
    }

    public static void main(String[] args) {
        long begin = System.nanoTime();
        PlatformSettings settings;
        try {
            settings = PlatformSettings.from(System.getenv(), ProjectLayout.locate());
        } catch (InfraStartException e) {
            fail(e);
            return;
        }
        Platform platform = new Platform(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            System.out.println("Stopping Kesra...");
            platform.close();
            System.out.println("Kesra stopped.");
            stopped.countDown();
        }, "kesra-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        // If whoever started us (Maven, a shell) dies without signalling us, do not linger.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));

        try {
            System.out.println("Starting Kesra: PostgreSQL " + settings.postgres().describe() + ", logs in "
                    + platform.logs());
            platform.start();
        } catch (InfraStartException e) {
            fail(e);
            return;
        }
        long seconds = Duration.ofNanos(System.nanoTime() - begin).toSeconds();
        String eventPath = settings.gateway() && settings.services().size() == 4
                ? EventPathCheck.run("http://localhost:" + settings.port(ServiceSpec.GATEWAY),
                        settings.issuerUri(platform.realm()), List.of("welfare", "reporting"))
                : "not checked (not every service runs)";
        printTable(System.out, settings, platform, seconds, eventPath);

        while (stopped.getCount() > 0) {
            Optional<InfraStartException> fatal = platform.supervise();
            if (fatal.isPresent()) {
                System.err.println(fatal.get().getMessage());
                System.err.println("--- last lines of that log ---");
                System.err.println(fatal.get().details());
                System.exit(1);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void fail(InfraStartException e) {
        System.err.println();
        System.err.println("Kesra could not start: " + e.getMessage());
        if (!e.details().isBlank()) {
            System.err.println("--- last lines of that log ---");
            System.err.println(e.details());
        }
        System.exit(1);
    }

    static void printTable(PrintStream out, PlatformSettings settings, Platform platform, long seconds,
                           String eventPath) {
        List<String[]> rows = new ArrayList<>();
        if (settings.gateway()) {
            String gateway = "http://localhost:" + settings.port(ServiceSpec.GATEWAY);
            if (settings.console()) {
                rows.add(new String[] {"Web console (log in as a demo user)", gateway + "/"});
            }
            rows.add(new String[] {"Gateway (the entry for API calls)", gateway});
            rows.add(new String[] {"API docs of every service", gateway + "/swagger-ui.html"});
        }
        for (ServiceSpec service : settings.services()) {
            String url = "http://" + settings.serviceHost() + ":" + settings.port(service);
            rows.add(new String[] {service.module() + " (db " + settings.database(service) + ")",
                url + "  ready " + url + "/readyz  metrics http://127.0.0.1:" + settings.managementPort(service)
                        + "/actuator/prometheus"});
        }
        rows.add(new String[] {"Keycloak (realm " + platform.realm() + ")",
            settings.keycloakUrl() + "/admin  (admin / " + settings.keycloakAdminPassword() + ")"});
        rows.add(new String[] {"Kafka", settings.kafkaBootstrapServers()});
        rows.add(new String[] {"PostgreSQL", settings.postgres().describe()});
        out.println();
        out.println("Kesra is running (started in " + seconds + " s). Event path: " + eventPath);
        out.println();
        for (String[] row : rows) {
            out.printf("  %-42s %s%n", row[0], row[1]);
        }
        DemoAccounts accounts = DemoAccounts.from(settings.layout().realmFile());
        out.println();
        out.println("Demo users (password " + KeycloakTokens.DEMO_PASSWORD + "):");
        out.printf("  %-24s %-24s %-16s %s%n", "user", "role", "wilayah", "opd");
        for (DemoAccounts.User user : accounts.users()) {
            out.printf("  %-24s %-24s %-16s %s%n", user.username(), user.role(), user.wilayah(), user.opd());
        }
        out.println("Agency clients (client credentials):");
        for (DemoAccounts.Agency agency : accounts.agencies()) {
            out.printf("  %-24s secret %-24s scope %s%n", agency.clientId(), agency.secret(), agency.scopes());
        }
        out.println();
        out.println("A token for a demo user:");
        out.println("  curl -s -d grant_type=password -d client_id=" + KeycloakTokens.CLI_CLIENT
                + " -d username=dinsos.operator -d password=" + KeycloakTokens.DEMO_PASSWORD + " "
                + settings.issuerUri(platform.realm()) + "/protocol/openid-connect/token");
        if (settings.demoPopulation()) {
            out.println();
            out.println("Demo population (about 170,000 persons in 50,000 households) is being imported; follow it at");
            out.println("  GET " + (settings.gateway() ? "http://localhost:" + settings.port(ServiceSpec.GATEWAY)
                    : "http://localhost:" + settings.port(ServiceSpec.SERVICES.get(0))) + "/api/v1/household-imports");
        }
        out.println();
        out.println("Logs: " + platform.logs() + "    Stop: Ctrl-C");
        out.println("A crashed application is started again (after 1, 2, 4, 8 s); after " + RestartBackOff.MAX_FAILURES
                + " failures within " + RestartBackOff.WINDOW.toMinutes() + " minutes Kesra stops.");
        out.flush();
    }
}
