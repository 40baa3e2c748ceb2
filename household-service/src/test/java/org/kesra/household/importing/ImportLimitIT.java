package org.kesra.household.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A file over the configured size is refused with 413 before anything is stored (limit 60 MB in the tests). */
class ImportLimitIT extends ImportApiIntegrationBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFileOverTheLimitIsRefusedWith413() {
        long imports = jdbc.sql("SELECT count(*) FROM household_import").query(Long.class).single();
        Path big = file(HEADER + "\n" + "x".repeat(61 * 1024 * 1024) + "\n", StandardCharsets.US_ASCII, new byte[0],
                ".csv");

        ApiClient.Response refused = upload(OPERATOR, big, "besar.csv", null);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("title").asString()).isEqualTo("Berkas atau permintaan terlalu besar");
        assertThat(jdbc.sql("SELECT count(*) FROM household_import").query(Long.class).single()).isEqualTo(imports);
    }

    @Test
    void aFileUnderTheLimitIsStillAccepted() {
        ApiClient.Response accepted = upload(OPERATOR, csv(HEADER, family(kk(), MULYOJATI, "Kecil")), "kecil.csv", null);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(finished(OPERATOR, accepted.body().path("id").asString()).path("status").asString())
                .isEqualTo("SELESAI");
        assertThat(List.of(accepted.body().path("format").asString())).containsExactly("CSV");
    }
}
