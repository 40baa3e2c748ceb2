package org.kesra.household.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A synthetic population of Kota Metro, the same every time (fixed seed): households and persons per kelurahan as in
 * {@code demo/kelurahan-population.csv} (Rejomulyo from the BPS figures of seed 000, the others made up to about
 * 170,000 persons in 50,000 households), education per sex in the proportions of seed 000 Tabel 2.2 (exact for
 * Rejomulyo), NIKs and KK numbers valid under the registry's rules, written as an import file in the canonical
 * columns. No real person's data: names are drawn from common Indonesian names.
 *
 * <p>{@code scale} multiplies the households and persons of every kelurahan (1 for the demo; about 5.9 gives the
 * 1,000,000-person benchmark file). Memory holds one kelurahan at a time.
 */
public final class DemoPopulation {

    /** What was written: totals, to compare with the seed figures. */
    public record Summary(long households, long persons, long men, long women, Map<String, long[]> byKelurahan) {
    }

    public static final String HEADER = "kk_number,kelurahan_code,rw,rt,address,latitude,longitude,house_ownership,"
            + "floor_area_m2,floor_material,wall_material,roof_material,water_source,sanitation,lighting,cooking_fuel,"
            + "assets,income_band,nik,name,birth_place,birth_date,sex,relationship,marital_status,education,occupation,"
            + "disability,severe_disability,chronic_illness,pregnant";

    private static final long SEED = 18_72_2026L;
    private static final LocalDate REFERENCE_DAY = LocalDate.of(2026, 1, 1);
    private static final String[] MEN = {"Agus", "Bambang", "Budi", "Dedi", "Eko", "Hadi", "Heri", "Joko", "Slamet",
        "Sugeng", "Suparman", "Sutrisno", "Wahyu", "Yusuf", "Rudi", "Andi", "Arif", "Dwi", "Fajar", "Gunawan", "Hendra",
        "Imam", "Iwan", "Kusno", "Mulyadi", "Nur", "Paijo", "Rahmat", "Ridwan", "Sigit", "Teguh", "Tri", "Wawan",
        "Yanto", "Zainal", "Bayu", "Dimas", "Rizky", "Aditya", "Fikri"};
    private static final String[] WOMEN = {"Siti", "Sri", "Wartini", "Sumarni", "Suryani", "Endang", "Dewi", "Rina",
        "Yuni", "Lestari", "Sulastri", "Tutik", "Nur", "Ani", "Eka", "Fitri", "Indah", "Kartini", "Lina", "Mulyani",
        "Ningsih", "Puji", "Ratna", "Rini", "Sari", "Tri", "Umi", "Wulan", "Yanti", "Aisyah", "Putri", "Nabila", "Dinda",
        "Ayu", "Anisa", "Salsabila"};
    private static final String[] SECOND = {"Santoso", "Wibowo", "Saputra", "Susanto", "Hidayat", "Pratama", "Setiawan",
        "Kurniawan", "Purnomo", "Rahayu", "Wahyuni", "Lestari", "Handayani", "Susilo", "Widodo", "Nugroho", "Utomo",
        "Firmansyah", "Maulana", "Ramadhan", "Permata", "Anggraini", "Pertiwi", "Safitri", "Hasanah", "Rohman"};
    private static final String[] PLACES = {"Metro", "Metro", "Metro", "Lampung Tengah", "Lampung Timur",
        "Bandar Lampung", "Pringsewu", "Kediri", "Yogyakarta", "Jakarta"};
    private static final String[] JOBS = {"Petani", "Buruh Tani", "Wiraswasta", "Pedagang", "Karyawan Swasta",
        "Buruh Harian Lepas", "Guru", "PNS", "Sopir", "Tukang Bangunan", "Penjahit", "Peternak"};
    private static final String[] STREETS = {"Jl. Merpati", "Jl. Kenanga", "Jl. Mawar", "Jl. Melati", "Jl. Sumbersari",
        "Jl. Pattimura", "Jl. Diponegoro", "Jl. Kartini", "Jl. Cendrawasih", "Jl. Ahmad Yani", "Gg. Damai", "Gg. Mushola"};

    private record Kelurahan(String code, int households, int men, int women, int rw) {
    }

    private record Education(String code, int men, int women) {
    }

    private static final class Person {
        String nik;
        String name;
        String birthPlace;
        LocalDate birth;
        char sex;
        String relationship;
        String marital;
        String education;
        String occupation;
        String disability = "TIDAK";
        boolean pregnant;
    }

    private final List<Kelurahan> kelurahan;
    private final List<Education> education;
    private final Map<String, List<String>> codes;

    public DemoPopulation() {
        this.kelurahan = read("/demo/kelurahan-population.csv").stream().map(r -> new Kelurahan(r.get("kelurahan_code"),
                Integer.parseInt(r.get("households")), Integer.parseInt(r.get("men")), Integer.parseInt(r.get("women")),
                Integer.parseInt(r.get("rw")))).toList();
        this.education = read("/demo/education-rejomulyo.csv").stream().map(r -> new Education(r.get("education"),
                Integer.parseInt(r.get("men")), Integer.parseInt(r.get("women")))).toList();
        Map<String, List<String>> lists = new HashMap<>();
        read("/reference/code-lists.csv").forEach(r -> lists.computeIfAbsent(r.get("list"), k -> new ArrayList<>())
                .add(r.get("code")));
        this.codes = lists;
    }

    /** Writes the population as a UTF-8 CSV import file and answers its totals. */
    public Summary write(Path file, double scale) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return write(out, scale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Summary write(Writer writer, double scale) throws IOException {
        BufferedWriter out = writer instanceof BufferedWriter b ? b : new BufferedWriter(writer, 1 << 16);
        out.write(HEADER);
        out.write('\n');
        SplittableRandom random = new SplittableRandom(SEED);
        Map<String, Integer> serials = new HashMap<>();
        long households = 0;
        long persons = 0;
        long men = 0;
        long women = 0;
        Map<String, long[]> byKelurahan = new LinkedHashMap<>();
        for (Kelurahan k : kelurahan) {
            int h = (int) Math.round(k.households() * scale);
            int m = (int) Math.round(k.men() * scale);
            int w = (int) Math.round(k.women() * scale);
            List<List<Person>> cards = households(random, h, m, w, k.code(), serials);
            assignEducation(random, cards, m, w);
            for (List<Person> card : cards) {
                writeCard(out, random, k, card, serials);
            }
            households += h;
            persons += m + w;
            men += m;
            women += w;
            byKelurahan.put(k.code(), new long[] {h, m, w});
        }
        out.flush();
        return new Summary(households, persons, men, women, byKelurahan);
    }

    /** Cards of the right sizes and sexes: every card a head; sexes drawn from exact pools of men and women. */
    private List<List<Person>> households(SplittableRandom random, int count, int men, int women, String kelurahan,
                                          Map<String, Integer> serials) {
        int[] sizes = new int[count];
        java.util.Arrays.fill(sizes, 1);
        for (int extra = men + women - count; extra > 0; ) {
            int i = random.nextInt(count);
            if (sizes[i] < 9) {
                sizes[i]++;
                extra--;
            }
        }
        int[] pool = {men, women};
        String region = "1872" + kelurahan.substring(6, 8);
        List<List<Person>> cards = new ArrayList<>(count);
        for (int size : sizes) {
            List<Person> card = new ArrayList<>(size);
            int headAge = 22 + random.nextInt(56);
            Person head = person(random, draw(pool, random.nextInt(100) < 85 ? 'L' : 'P', random), headAge, region,
                    serials);
            head.relationship = "KEPALA_KELUARGA";
            head.marital = "KAWIN";
            card.add(head);
            int start = 1;
            if (size > 1 && random.nextInt(100) < 92) {
                Person spouse = person(random, draw(pool, head.sex == 'L' ? 'P' : 'L', random),
                        Math.max(18, headAge - 4 + random.nextInt(9)), region, serials);
                spouse.relationship = spouse.sex == 'P' ? "ISTRI" : "SUAMI";
                spouse.marital = "KAWIN";
                card.add(spouse);
                start = 2;
            } else if (size == 1) {
                head.marital = random.nextInt(100) < 60 ? "CERAI_MATI" : "BELUM_KAWIN";
            } else {
                head.marital = random.nextInt(2) == 0 ? "CERAI_MATI" : "CERAI_HIDUP";
            }
            for (int i = start; i < size; i++) {
                boolean elder = i == size - 1 && size >= 6 && headAge < 55;
                int age = elder ? headAge + 22 + random.nextInt(10) : random.nextInt(Math.max(1, Math.min(headAge - 17, 35)));
                char sex = draw(pool, random.nextInt(2) == 0 ? 'L' : 'P', random);
                Person member = person(random, sex, age, region, serials);
                member.relationship = elder ? "ORANG_TUA" : "ANAK";
                member.marital = elder ? "CERAI_MATI" : age >= 22 && random.nextInt(3) == 0 ? "KAWIN" : "BELUM_KAWIN";
                card.add(member);
            }
            cards.add(card);
        }
        return cards;
    }

    /** Takes one from the pool of the wanted sex, or of the other when the wanted one is used up. */
    private static char draw(int[] pool, char wanted, SplittableRandom random) {
        int index = wanted == 'L' ? 0 : 1;
        if (pool[index] == 0) {
            index = 1 - index;
        }
        pool[index]--;
        return index == 0 ? 'L' : 'P';
    }

    private Person person(SplittableRandom random, char sex, int age, String region, Map<String, Integer> serials) {
        Person p = new Person();
        p.sex = sex;
        p.birth = REFERENCE_DAY.minusYears(age).minusDays(1 + random.nextInt(364));
        p.name = (sex == 'L' ? pick(random, MEN) : pick(random, WOMEN)) + " " + pick(random, SECOND);
        p.birthPlace = pick(random, PLACES);
        p.nik = nik(region, p.birth, sex, serials);
        p.occupation = age < 18 ? (age < 6 ? null : "Pelajar") : pick(random, JOBS);
        if (random.nextInt(100) < 2) {
            p.disability = pick(random, codes.get("disability").stream().filter(d -> !d.equals("TIDAK")).toList()
                    .toArray(String[]::new));
        }
        p.pregnant = sex == 'P' && age >= 20 && age <= 40 && random.nextInt(100) < 4;
        return p;
    }

    /**
     * Education per sex in the proportions of Tabel 2.2 (exact numbers when the kelurahan has Rejomulyo's size): the
     * youngest get "Lain-lain" (not yet or still at school), the rest of the categories are shuffled among the others.
     */
    private void assignEducation(SplittableRandom random, List<List<Person>> cards, int men, int women) {
        for (char sex : new char[] {'L', 'P'}) {
            List<Person> people = new ArrayList<>();
            cards.forEach(card -> card.stream().filter(p -> p.sex == sex).forEach(people::add));
            int total = people.size();
            int tableTotal = education.stream().mapToInt(e -> sex == 'L' ? e.men() : e.women()).sum();
            List<String> slots = new ArrayList<>(total);
            // largest remainder: the counts add up to exactly the number of persons of that sex
            double[] remainders = new double[education.size()];
            int assigned = 0;
            int[] counts = new int[education.size()];
            for (int i = 0; i < education.size(); i++) {
                double exact = (double) (sex == 'L' ? education.get(i).men() : education.get(i).women()) * total / tableTotal;
                counts[i] = (int) Math.floor(exact);
                remainders[i] = exact - counts[i];
                assigned += counts[i];
            }
            while (assigned < total) {
                int best = 0;
                for (int i = 1; i < remainders.length; i++) {
                    if (remainders[i] > remainders[best]) {
                        best = i;
                    }
                }
                counts[best]++;
                remainders[best] = -1;
                assigned++;
            }
            people.sort(Comparator.comparing((Person p) -> p.birth).reversed());
            int lainnya = 0;
            for (int i = 0; i < education.size(); i++) {
                if (education.get(i).code().equals("LAINNYA")) {
                    lainnya = counts[i];
                } else {
                    for (int c = 0; c < counts[i]; c++) {
                        slots.add(education.get(i).code());
                    }
                }
            }
            for (int i = slots.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                String t = slots.get(i);
                slots.set(i, slots.get(j));
                slots.set(j, t);
            }
            for (int i = 0; i < people.size(); i++) {
                people.get(i).education = i < lainnya ? "LAINNYA" : slots.get(i - lainnya);
            }
        }
    }

    private void writeCard(BufferedWriter out, SplittableRandom random, Kelurahan k, List<Person> card,
                           Map<String, Integer> serials) throws IOException {
        String region = "1872" + k.code().substring(6, 8);
        LocalDate issued = LocalDate.of(2005, 1, 1).plusDays(random.nextInt(7300));
        String kk = region + String.format("%02d%02d%02d", issued.getDayOfMonth(), issued.getMonthValue(),
                issued.getYear() % 100) + serial(serials, "KK" + region + issued);
        int rw = 1 + random.nextInt(k.rw());
        int rt = 1 + random.nextInt(6);
        String address = pick(random, STREETS) + " No. " + (1 + random.nextInt(120));
        String latitude = String.format(java.util.Locale.ROOT, "%.6f", -5.113 + (random.nextDouble() - 0.5) * 0.06);
        String longitude = String.format(java.util.Locale.ROOT, "%.6f", 105.307 + (random.nextDouble() - 0.5) * 0.06);
        List<String> assets = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            String asset = pick(random, codes.get("asset").toArray(String[]::new));
            if (!assets.contains(asset)) {
                assets.add(asset);
            }
        }
        String household = String.join(",", kk, k.code(), String.format("%03d", rw), String.format("%03d", rt),
                "\"" + address + "\"", latitude, longitude, code(random, "house_ownership"),
                Integer.toString(18 + random.nextInt(120)), code(random, "floor_material"), code(random, "wall_material"),
                code(random, "roof_material"), code(random, "water_source"), code(random, "sanitation"),
                code(random, "lighting"), code(random, "cooking_fuel"), String.join(";", assets),
                code(random, "income_band"));
        for (Person p : card) {
            out.write(household);
            out.write(',');
            out.write(String.join(",", p.nik, p.name, p.birthPlace, p.birth.toString(), String.valueOf(p.sex),
                    p.relationship, p.marital, p.education, p.occupation == null ? "" : p.occupation, p.disability,
                    "TIDAK", "", p.pregnant ? "YA" : "TIDAK"));
            out.write('\n');
        }
    }

    /** A NIK as Dukcapil issues it: region of first registration, birth date (day + 40 for women), serial. */
    private static String nik(String region, LocalDate birth, char sex, Map<String, Integer> serials) {
        int day = birth.getDayOfMonth() + (sex == 'P' ? 40 : 0);
        String date = String.format("%02d%02d%02d", day, birth.getMonthValue(), birth.getYear() % 100);
        return region + date + serial(serials, region + date);
    }

    private static String serial(Map<String, Integer> serials, String key) {
        int next = serials.merge(key, 1, Integer::sum);
        if (next > 9999) {
            throw new IllegalStateException("more than 9999 serials for " + key);
        }
        return String.format("%04d", next);
    }

    private String code(SplittableRandom random, String list) {
        List<String> values = codes.get(list);
        return values.get(random.nextInt(values.size()));
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static List<CSVRecord> read(String resource) {
        try (InputStream in = DemoPopulation.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code java -cp household-service.jar ... DemoPopulation <file> [scale]}: writes the file and prints totals. */
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "demo-population.csv");
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        Summary summary = new DemoPopulation().write(file, scale);
        System.out.printf("%s: %d households, %d persons (%d men, %d women)%n", file, summary.households(),
                summary.persons(), summary.men(), summary.women());
    }
}
