package org.kesra.reporting.sources;

import java.util.List;
import org.kesra.reporting.rebuild.RebuiltTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code source_progress} and {@code source_offset} are rebuilt with the models they describe: after a rebuild they
 * count what the replay applied, so every report's data version, offsets and lag, and the lag metrics, describe the
 * serving generation.
 */
@Configuration(proxyBeanMethods = false)
class SourceTables {

    @Bean
    RebuiltTables sourceProgressTables() {
        return new RebuiltTables("sources", List.of("source_progress", "source_offset"));
    }
}
