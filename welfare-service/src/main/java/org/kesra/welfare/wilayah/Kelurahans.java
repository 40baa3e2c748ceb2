package org.kesra.welfare.wilayah;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Kota Metro's kelurahan, loaded from the reference list by migration and never written by the service: the one
 * answer to "is this a kelurahan of the city" for the registers that take a kelurahan code.
 */
@Component
public class Kelurahans {

    private final JdbcClient jdbc;

    public Kelurahans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String code) {
        return code != null && jdbc.sql("SELECT count(*) FROM kelurahan WHERE code = ?").param(code)
                .query(Long.class).single() > 0;
    }
}
