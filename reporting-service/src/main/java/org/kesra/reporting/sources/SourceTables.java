package org.kesra.reporting.sources;

import java.util.List;
import org.kesra.reporting.rebuild.RebuiltTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code source_progress} is rebuilt with the models it describes: after a rebuild it counts what the replay applied,
 * so every report's data version and lag, and the lag metric, describe the serving generation.
 */
@Configuration(proxyBeanMethods = false)
class SourceTables {

    @Bean
    RebuiltTables sourceProgressTables() {
        return new RebuiltTables("sources", List.of("source_progress"));
    }
}
