package org.kesra.provisioning;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The staff file: one row per account ({@code name,email,role,region,agency}), checked whole before anything is
 * written; every problem names its row and column, in Indonesian, for the admin who keeps the file.
 */
final class StaffCsv {

    static final List<String> COLUMNS = List.of("name", "email", "role", "region", "agency");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern AGENCY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Roles of regional staff and the region level their work is tied to. */
    private static final Map<String, String> REGION_LEVEL = Map.of("kelurahan-operator", "kelurahan",
            "kecamatan-operator", "kecamatan", "kecamatan-approver", "kecamatan");

    record Staff(long row, String name, String email, String role, String region, String agency) {

        String username() {
            return email;
        }
    }

    private StaffCsv() {
    }

    static List<Staff> read(Reader reader, Set<String> staffRoles, Regions regions) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Staff> staff = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get().parse(reader)) {
            if (!parser.getHeaderNames().equals(COLUMNS)) {
                throw new ProvisioningException(List.of("baris 1: kolom harus " + String.join(",", COLUMNS)
                        + ", bukan " + String.join(",", parser.getHeaderNames())));
            }
            for (CSVRecord record : parser) {
                long row = parser.getCurrentLineNumber();
                if (record.size() != COLUMNS.size()) {
                    problems.add("baris " + row + ": harus ada " + COLUMNS.size() + " kolom, ada " + record.size());
                    continue;
                }
                Staff s = new Staff(row, record.get("name"), record.get("email").toLowerCase(Locale.ROOT),
                        record.get("role"), record.get("region"), record.get("agency"));
                if (s.name().isBlank()) {
                    problems.add("baris " + row + ", kolom name: nama wajib diisi");
                }
                if (!EMAIL.matcher(s.email()).matches()) {
                    problems.add("baris " + row + ", kolom email: '" + s.email() + "' bukan alamat email");
                } else if (seen.putIfAbsent(s.email(), row) != null) {
                    problems.add("baris " + row + ", kolom email: " + s.email() + " sudah ada di baris " + seen.get(s.email()));
                }
                if (!staffRoles.contains(s.role())) {
                    problems.add("baris " + row + ", kolom role: peran '" + s.role() + "' tidak dikenal; pilih salah satu dari "
                            + String.join(", ", new java.util.TreeSet<>(staffRoles)));
                }
                var region = regions.find(s.region());
                String level = REGION_LEVEL.get(s.role());
                if (region.isEmpty()) {
                    problems.add("baris " + row + ", kolom region: kode wilayah '" + s.region() + "' tidak ada di Kota Metro");
                } else if (level != null && !region.get().level().equals(level)) {
                    problems.add("baris " + row + ", kolom region: peran " + s.role() + " bekerja di tingkat " + level
                            + ", bukan " + region.get().level() + " (" + s.region() + ")");
                }
                if (!AGENCY.matcher(s.agency()).matches()) {
                    problems.add("baris " + row + ", kolom agency: '" + s.agency()
                            + "' harus huruf kecil, angka dan tanda hubung (mis. kelurahan-mulyojati)");
                }
                staff.add(s);
            }
        }
        if (!problems.isEmpty()) {
            throw new ProvisioningException(problems);
        }
        return staff;
    }
}
