package org.kesra.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ProjectLayout;

/**
 * Boundaries across the modules, checked on their compiled classes: services publish events only through the
 * event backbone (no KafkaTemplate.send beside a database write), never reach into each other, and never use the
 * dev tools at run time.
 */
class ArchitectureTest {

    static final List<String> SERVICES = List.of("household", "welfare", "performance", "reporting");
    static JavaClasses classes;

    @BeforeAll
    static void importModules() {
        Path root = ProjectLayout.locate().root();
        classes = new ClassFileImporter().importPaths(List.of("gateway", "household-service", "welfare-service",
                "performance-service", "reporting-service").stream()
                .map(module -> root.resolve(module).resolve("target/classes")).toList());
    }

    @Test
    void servicesSendToKafkaOnlyThroughTheEventBackbone() {
        noClasses().that().resideInAnyPackage("org.kesra.household..", "org.kesra.welfare..",
                        "org.kesra.performance..", "org.kesra.reporting..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka.clients.producer..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.KafkaOperations")
                .because("a service changes state and emits its event in one transaction, through the outbox")
                .check(classes);
    }

    @Test
    void servicesDoNotReachIntoEachOther() {
        for (String service : SERVICES) {
            String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> "org.kesra." + s + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("org.kesra." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("services share events and APIs, never code or tables")
                    .check(classes);
        }
    }

    @Test
    void noApplicationDependsOnTheDevTools() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.kesra.devinfra..")
                .because("dev-infra starts servers for tests and the local run; it is not a runtime library")
                .check(classes);
    }
}
