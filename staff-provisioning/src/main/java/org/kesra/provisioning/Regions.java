package org.kesra.provisioning;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The Kemendagri region codes of the city, from the shared reference (copied unchanged). */
record Regions(Map<String, Region> byCode) {

    record Region(String code, String name, String level, String parentCode) {
    }

    static Regions load() {
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(
                Regions.class.getResourceAsStream("/reference/wilayah-kota-metro.csv")), StandardCharsets.UTF_8)) {
            Map<String, Region> regions = new LinkedHashMap<>();
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                regions.put(row.get("code"), new Region(row.get("code"), row.get("name"), row.get("level"),
                        row.get("parent_code")));
            }
            return new Regions(Map.copyOf(regions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Region> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    List<Region> level(String level) {
        return byCode.values().stream().filter(r -> r.level().equals(level))
                .sorted(java.util.Comparator.comparing(Region::code)).toList();
    }

    /** The region's group path under /wilayah: kecamatan, then kelurahan (city-level staff belong to /wilayah). */
    String groupPath(String code) {
        Region region = byCode.get(code);
        return switch (region.level()) {
            case "kelurahan" -> groupPath(region.parentCode()) + "/" + region.name();
            case "kecamatan" -> "/wilayah/" + region.name();
            default -> "/wilayah";
        };
    }
}
