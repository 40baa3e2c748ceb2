package org.kesra.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one process), started from the
 * kafka_2.13 artifact on Maven Central in its own JVM.
 */
public final class KafkaBroker {

    /** Partitions of a topic created without explicit settings; the services declare their topics explicitly. */
    private static final int DEFAULT_PARTITIONS = 6;

    public record Settings(int port, int controllerPort, Path dataDir, Path logFile) {

        public String bootstrapServers() {
            return "localhost:" + port;
        }
    }

    private KafkaBroker() {
    }

    public static ManagedProcess start(Settings settings) {
        return start(settings, process -> { });
    }

    /** @param started told about the broker process as soon as it exists, before it is ready */
    public static ManagedProcess start(Settings settings, java.util.function.Consumer<ManagedProcess> started) {
        Ports.requireFree(settings.port(), "Kafka", "KAFKA_PORT");
        Ports.requireFree(settings.controllerPort(), "the Kafka controller", "KAFKA_CONTROLLER_PORT");
        Path config = writeConfiguration(settings);
        Path logConfig = writeLogConfiguration(settings.dataDir());
        if (!Files.exists(settings.dataDir().resolve("logs/meta.properties"))) {
            ManagedProcess.run("Kafka storage format",
                    javaCommand(logConfig, "kafka.tools.StorageTool", "format", "--ignore-formatted",
                            "-t", newClusterId(), "-c", config.toString()),
                    Map.of(), settings.dataDir(), settings.dataDir().resolve("format.log"), Duration.ofSeconds(60));
        }
        ManagedProcess broker = ManagedProcess.start("Kafka (port " + settings.port() + ")",
                javaCommand(logConfig, "kafka.Kafka", config.toString()),
                Map.of(), settings.dataDir(), settings.logFile());
        started.accept(broker);
        return broker.awaitReady(Duration.ofSeconds(180),
                ReadinessCheck.tcp("localhost", settings.port()).and(() -> answers(settings.bootstrapServers())));
    }

    private static List<String> javaCommand(Path logConfig, String mainClass, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(
                DevInfraArtifacts.javaExecutable().toString(),
                "-Xms256m", "-Xmx1g", "-XX:+UseG1GC",
                "-Dlog4j2.configurationFile=" + logConfig,
                "-cp", DevInfraArtifacts.runtimeClasspath(),
                mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    private static boolean answers(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        }
    }

    private static Path writeConfiguration(Settings settings) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        // Static voters: storage is formatted without --standalone (docs/stack.md).
        p.setProperty("controller.quorum.voters", "1@localhost:" + settings.controllerPort());
        p.setProperty("listeners", "PLAINTEXT://localhost:" + settings.port()
                + ",CONTROLLER://localhost:" + settings.controllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + settings.port());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", settings.dataDir().resolve("logs").toString());
        p.setProperty("num.partitions", Integer.toString(DEFAULT_PARTITIONS));
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Topics are declared by the services that own them; a typo must not create a new topic silently.
        p.setProperty("auto.create.topics.enable", "false");
        try {
            Files.createDirectories(settings.dataDir());
            Path file = settings.dataDir().resolve("server.properties");
            try (var out = Files.newBufferedWriter(file)) {
                p.store(out, "written by Kesra dev-infra on each start");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeLogConfiguration(Path dataDir) {
        String config = """
                status = warn
                appender.console.type = Console
                appender.console.name = console
                appender.console.layout.type = PatternLayout
                appender.console.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = warn
                rootLogger.appenderRef.console.ref = console
                logger.server.name = kafka.server.KafkaRaftServer
                logger.server.level = info
                """;
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("log4j2.properties");
            Files.writeString(file, config);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Kafka's own cluster id generator: it never starts an id with '-', which the storage tool's argument parser
     * would take for an option (a hand-rolled base64 id failed that way once in 64 starts).
     */
    private static String newClusterId() {
        return Uuid.randomUuid().toString();
    }
}
