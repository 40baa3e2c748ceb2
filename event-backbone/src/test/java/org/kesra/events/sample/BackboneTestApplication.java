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
        SpringApplication.run(BackboneTestApplication.class, args);
    }
}
