package org.kesra.household.registry;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.kesra.household.search.NameKey;
import org.kesra.household.wilayah.WilayahDirectory;
import org.springframework.stereotype.Component;

/**
 * The registry's input rules, shared by the API and the spreadsheet import: each input becomes normalised data or a
 * list of problems naming the field. Rules that need the stored registry (NIK already registered, one head per
 * household, ...) are checked where the data is written.
 */
@Component
public class RegistryValidator {

    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L} .,'-]*");
    private static final Pattern RW_RT = Pattern.compile("[0-9]{1,3}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final Map<String, Sex> SEX = Map.of("L", Sex.L, "LAKI_LAKI", Sex.L, "LAKILAKI", Sex.L, "PRIA", Sex.L,
            "P", Sex.P, "PEREMPUAN", Sex.P, "WANITA", Sex.P);

    private final CodeLists codes;
    private final WilayahDirectory wilayah;
    private final Clock clock;

    public RegistryValidator(CodeLists codes, WilayahDirectory wilayah, Clock clock) {
        this.codes = codes;
        this.wilayah = wilayah;
        this.clock = clock;
    }

    public record Validated<T>(T value, List<Problem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** @param inHousehold the person is entered as a member of a card, so the relationship is required */
    public Validated<PersonData> person(PersonInput in, boolean inHousehold) {
        List<Problem> problems = new ArrayList<>();
        String nik = trim(in.nik());
        Nik.problems(nik).forEach(p -> problems.add(new Problem("nik", in.nik(), p)));

        String name = normaliseSpaces(in.name());
        if (name == null) {
            problems.add(new Problem("name", in.name(), "nama wajib diisi"));
        } else if (name.length() < 2 || name.length() > 120) {
            problems.add(new Problem("name", in.name(), "nama harus 2 sampai 120 karakter"));
        } else if (!NAME.matcher(name).matches()) {
            problems.add(new Problem("name", in.name(),
                    "nama hanya boleh berisi huruf, spasi, titik, koma, tanda hubung dan apostrof"));
        }
        String birthPlace = normaliseSpaces(in.birthPlace());
        if (birthPlace != null && birthPlace.length() > 60) {
            problems.add(new Problem("birthPlace", birthPlace, "tempat lahir paling panjang 60 karakter"));
        }
        LocalDate today = LocalDate.now(clock);
        if (in.birthDate() == null) {
            problems.add(new Problem("birthDate", null, "tanggal lahir wajib diisi"));
        } else if (in.birthDate().isAfter(today)) {
            problems.add(new Problem("birthDate", in.birthDate().toString(), "tanggal lahir tidak boleh di masa depan"));
        } else if (in.birthDate().isBefore(EARLIEST_BIRTH)) {
            problems.add(new Problem("birthDate", in.birthDate().toString(), "tanggal lahir sebelum tahun 1900"));
        }
        Sex sex = in.sex() == null ? null : SEX.get(CodeLists.canonical(in.sex()));
        if (sex == null) {
            problems.add(new Problem("sex", in.sex(), "jenis kelamin harus L (laki-laki) atau P (perempuan)"));
        }
        Relationship relationship = null;
        if (in.relationship() != null && !in.relationship().isBlank()) {
            relationship = parseRelationship(in.relationship());
            if (relationship == null) {
                problems.add(new Problem("relationship", in.relationship(), "hubungan dalam keluarga harus salah satu dari "
                        + String.join(", ", java.util.Arrays.stream(Relationship.values()).map(Enum::name).toList())));
            }
        } else if (inHousehold) {
            problems.add(new Problem("relationship", null, "hubungan dalam keluarga wajib diisi"));
        }
        String marital = code(CodeLists.MARITAL_STATUS, "maritalStatus", in.maritalStatus(), false, problems);
        String education = code(CodeLists.EDUCATION, "education", in.education(), false, problems);
        String disability = code(CodeLists.DISABILITY, "disability", in.disability(), false, problems);
        if (disability == null) {
            disability = "TIDAK";
        }
        boolean severe = Boolean.TRUE.equals(in.severeDisability());
        if (severe && "TIDAK".equals(disability)) {
            problems.add(new Problem("severeDisability", "true", "disabilitas berat hanya untuk orang dengan disabilitas"));
        }
        String occupation = normaliseSpaces(in.occupation());
        if (occupation != null && occupation.length() > 80) {
            problems.add(new Problem("occupation", occupation, "pekerjaan paling panjang 80 karakter"));
        }
        String illness = normaliseSpaces(in.chronicIllness());
        if (illness != null && illness.length() > 100) {
            problems.add(new Problem("chronicIllness", illness, "penyakit kronis paling panjang 100 karakter"));
        }
        boolean pregnant = Boolean.TRUE.equals(in.pregnant());
        if (pregnant && sex == Sex.L) {
            problems.add(new Problem("pregnant", "true", "hanya perempuan yang dapat tercatat hamil"));
        }
        if (!problems.isEmpty()) {
            return new Validated<>(null, problems);
        }
        Set<Nik.Flag> flags = Nik.disagreements(nik, in.birthDate(), sex);
        return new Validated<>(new PersonData(nik, name.toUpperCase(Locale.ROOT), NameKey.of(name),
                birthPlace == null ? null : birthPlace.toUpperCase(Locale.ROOT), in.birthDate(), sex, relationship,
                marital, education, occupation, disability, severe, illness, pregnant, flags), problems);
    }

    public Validated<HouseholdData> household(HouseholdInput in) {
        List<Problem> problems = new ArrayList<>();
        String kk = trim(in.kkNumber());
        if (!Nik.isValidKk(kk)) {
            problems.add(new Problem("kkNumber", in.kkNumber(), "nomor KK harus terdiri dari 16 digit angka"));
        }
        String kelurahan = trim(in.kelurahanCode());
        if (kelurahan == null) {
            problems.add(new Problem("kelurahanCode", null, "kode kelurahan wajib diisi"));
        } else if (!wilayah.isKelurahan(kelurahan)) {
            problems.add(new Problem("kelurahanCode", kelurahan,
                    "kode kelurahan " + kelurahan + " tidak dikenal (contoh yang sah: 18.72.05.1001)"));
        }
        String rw = rwRt("rw", "RW", in.rw(), problems);
        String rt = rwRt("rt", "RT", in.rt(), problems);
        String address = normaliseSpaces(in.address());
        if (address != null && address.length() > 300) {
            problems.add(new Problem("address", address, "alamat paling panjang 300 karakter"));
        }
        coordinates(in.latitude(), in.longitude(), problems);
        if (in.floorAreaM2() != null && (in.floorAreaM2() < 1 || in.floorAreaM2() > 10000)) {
            problems.add(new Problem("floorAreaM2", in.floorAreaM2().toString(), "luas lantai harus 1 sampai 10.000 m²"));
        }
        String ownership = code(CodeLists.HOUSE_OWNERSHIP, "houseOwnership", in.houseOwnership(), false, problems);
        String floor = code(CodeLists.FLOOR_MATERIAL, "floorMaterial", in.floorMaterial(), false, problems);
        String wall = code(CodeLists.WALL_MATERIAL, "wallMaterial", in.wallMaterial(), false, problems);
        String roof = code(CodeLists.ROOF_MATERIAL, "roofMaterial", in.roofMaterial(), false, problems);
        String water = code(CodeLists.WATER_SOURCE, "waterSource", in.waterSource(), false, problems);
        String sanitation = code(CodeLists.SANITATION, "sanitation", in.sanitation(), false, problems);
        String lighting = code(CodeLists.LIGHTING, "lighting", in.lighting(), false, problems);
        String fuel = code(CodeLists.COOKING_FUEL, "cookingFuel", in.cookingFuel(), false, problems);
        String income = code(CodeLists.INCOME_BAND, "incomeBand", in.incomeBand(), false, problems);
        Set<String> assets = new LinkedHashSet<>();
        if (in.assets() != null) {
            for (String asset : in.assets()) {
                String normalised = code(CodeLists.ASSET, "assets", asset, true, problems);
                if (normalised != null && !assets.add(normalised)) {
                    problems.add(new Problem("assets", asset, "aset " + normalised + " disebut lebih dari sekali"));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Validated<>(null, problems);
        }
        return new Validated<>(new HouseholdData(kk, kelurahan, rw, rt, in.dasawismaId(), address, in.latitude(),
                in.longitude(), ownership, in.floorAreaM2(), floor, wall, roof, water, sanitation, lighting, fuel,
                List.copyOf(assets), income), problems);
    }

    public static Relationship parseRelationship(String value) {
        String canonical = CodeLists.canonical(value);
        for (Relationship r : Relationship.values()) {
            if (r.name().equals(canonical)) {
                return r;
            }
        }
        return null;
    }

    private String code(String list, String field, String value, boolean required, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new Problem(field, value, field + " wajib diisi"));
            }
            return null;
        }
        return codes.normalise(list, value).orElseGet(() -> {
            problems.add(new Problem(field, value, "kode '" + value + "' tidak dikenal; pilih " + codes.allowed(list)));
            return null;
        });
    }

    private static String rwRt(String field, String label, String value, List<Problem> problems) {
        String trimmed = trim(value);
        if (trimmed == null) {
            problems.add(new Problem(field, null, label + " wajib diisi"));
            return null;
        }
        if (!RW_RT.matcher(trimmed).matches() || Integer.parseInt(trimmed) == 0) {
            problems.add(new Problem(field, value, label + " harus berupa nomor 1 sampai 999, misalnya 003"));
            return null;
        }
        // Zero-padded to three digits by hand: String.format parses its pattern on every one of an import's rows.
        String number = Integer.toString(Integer.parseInt(trimmed));
        return "000".substring(number.length()) + number;
    }

    private static void coordinates(BigDecimal latitude, BigDecimal longitude, List<Problem> problems) {
        if ((latitude == null) != (longitude == null)) {
            problems.add(new Problem(latitude == null ? "latitude" : "longitude", null,
                    "lintang dan bujur diisi keduanya atau tidak sama sekali"));
            return;
        }
        // Indonesia's bounding box: a point outside it is a swapped or mistyped coordinate.
        if (latitude != null && (latitude.doubleValue() < -11.5 || latitude.doubleValue() > 6.5)) {
            problems.add(new Problem("latitude", latitude.toPlainString(), "lintang harus antara -11,5 dan 6,5 (wilayah Indonesia)"));
        }
        if (longitude != null && (longitude.doubleValue() < 94.5 || longitude.doubleValue() > 141.5)) {
            problems.add(new Problem("longitude", longitude.toPlainString(), "bujur harus antara 94,5 dan 141,5 (wilayah Indonesia)"));
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String normaliseSpaces(String value) {
        return value == null || value.isBlank() ? null : WHITESPACE.matcher(value.trim()).replaceAll(" ");
    }
}
