package org.kesra.household.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.household.importing.HouseholdImports;
import org.kesra.household.importing.ImportJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * {@code KESRA_DEMO_POPULATION=true} (the launcher's {@code -Ddemo.population}): at startup, writes the demo
 * population and imports it through the ordinary import path. The file is the same every time, so a second start
 * answers the first import and creates nothing.
 */
@Component
@ConditionalOnBooleanProperty("kesra.demo.population")
class DemoPopulationLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPopulationLoader.class);

    private final HouseholdImports imports;

    DemoPopulationLoader(HouseholdImports imports) {
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        Path file = Files.createTempFile("kesra-demo-population-", ".csv");
        try {
            DemoPopulation.Summary summary = new DemoPopulation().write(file, 1.0);
            RegistryScope city = new RegistryScope("18.72", true, true, "demo-population");
            HouseholdImports.Started started = imports.startLocal(city, file, ImportJobs.Mode.SEMUA_ATAU_TIDAK);
            log.info("demo population of {} persons in {} households: import {} {}", summary.persons(),
                    summary.households(), started.job().id(), started.created() ? "started" : "already done");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
