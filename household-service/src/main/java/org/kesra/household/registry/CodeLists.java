package org.kesra.household.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * The registry's code lists (socio-economic answers, education, disability, ...) with their Indonesian labels, loaded
 * from {@code reference/code-lists.csv}: data, editable without touching code. Codes are compared case-insensitively
 * and with spaces or hyphens read as underscores, since they arrive from spreadsheets typed by hand.
 */
@Component
public class CodeLists {

    public static final String EDUCATION = "education";
    public static final String MARITAL_STATUS = "marital_status";
    public static final String DISABILITY = "disability";
    public static final String HOUSE_OWNERSHIP = "house_ownership";
    public static final String FLOOR_MATERIAL = "floor_material";
    public static final String WALL_MATERIAL = "wall_material";
    public static final String ROOF_MATERIAL = "roof_material";
    public static final String WATER_SOURCE = "water_source";
    public static final String SANITATION = "sanitation";
    public static final String LIGHTING = "lighting";
    public static final String COOKING_FUEL = "cooking_fuel";
    public static final String ASSET = "asset";
    public static final String INCOME_BAND = "income_band";

    private final Map<String, Map<String, String>> lists;

    public CodeLists() {
        Map<String, Map<String, String>> loaded = new LinkedHashMap<>();
        try (InputStream in = CodeLists.class.getResourceAsStream("/reference/code-lists.csv");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                loaded.computeIfAbsent(row.get("list"), k -> new LinkedHashMap<>()).put(row.get("code"), row.get("label"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loaded.replaceAll((list, codes) -> Collections.unmodifiableMap(codes));
        this.lists = Collections.unmodifiableMap(loaded);
    }

    /** The code as stored, or empty when it is not in the list. */
    public Optional<String> normalise(String list, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String code = canonical(value);
        return codes(list).containsKey(code) ? Optional.of(code) : Optional.empty();
    }

    public Map<String, String> codes(String list) {
        Map<String, String> codes = lists.get(list);
        if (codes == null) {
            throw new IllegalArgumentException("no code list " + list);
        }
        return codes;
    }

    public Map<String, Map<String, String>> all() {
        return lists;
    }

    /** "A, B atau C": the allowed codes, for an error message. */
    public String allowed(String list) {
        String joined = String.join(", ", codes(list).keySet());
        int last = joined.lastIndexOf(", ");
        return last < 0 ? joined : joined.substring(0, last) + " atau " + joined.substring(last + 2);
    }

    public static String canonical(String value) {
        return value.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }
}
