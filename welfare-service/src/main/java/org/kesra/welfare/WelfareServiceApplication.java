package org.kesra.welfare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** PPKS, PKH, BPNT/Sembako and KUBE registers, verified against the household registry and reacting to its changes. */
@SpringBootApplication
public class WelfareServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(WelfareServiceApplication.class, args);
    }
}
