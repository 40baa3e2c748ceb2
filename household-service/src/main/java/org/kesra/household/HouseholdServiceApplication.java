package org.kesra.household;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The registry of households (KK) and persons (NIK) of the city, fed by the cadres' spreadsheets and forms. */
@SpringBootApplication
public class HouseholdServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(HouseholdServiceApplication.class, args);
    }
}
