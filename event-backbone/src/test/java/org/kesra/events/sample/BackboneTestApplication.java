package org.kesra.events.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal service "backbone" publishing and consuming its own topic, for the backbone's tests. The fault tests
 * also run it as a separate JVM that they kill.
 */
@SpringBootApplication
public class BackboneTestApplication {

    public static void main(String[] args) {
        // Started by a test as a separate JVM: die with that test JVM however it ends, never linger.
        String parent = System.getProperty("kesra.test.parent-pid");
        if (parent != null) {
            ProcessHandle.of(Long.parseLong(parent))
                    .ifPresent(test -> test.onExit().thenRun(() -> Runtime.getRuntime().halt(1)));
        }
        SpringApplication.run(BackboneTestApplication.class, args);
    }
}
