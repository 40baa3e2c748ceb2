package org.kesra.seeds;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seeds' plans as a client sends them (the body of {@code POST /api/v1/renstra} and of the agreements and
 * realisations that follow): seed 004's IKU of Kecamatan Metro Barat with its 2021 and 2022 Perjanjian Kinerja, seed 001's Dinas Sosial Renstra, and Disnakertrans' plan after seed 003. The demo mode loads them
 * (performance-service's {@code DemoPlans}); the tests, performance-service's and the launcher's end-to-end ones,
 * enter the same bodies through the API.
 */
public final class SeedPlans {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SeedPlans() {
    }

    /**
     * Kecamatan Metro Barat's Renstra 2021-2026 as far as seed 004 (LAKIP 2022) states it: the sasaran "Meningkatnya
     * kualitas pelayanan publik" with its four IKU, the 2021 and 2022 targets of Tabel 3.1/3.2 (later years keep the
     * 2022 target: the seed prints no others), and the kecamatan's kelurahan-empowerment programme with the
     * musrenbang sub-kegiatan, its code in the older 2-digit form.
     */
    public static ObjectNode metroBaratIku2021To2026() {
        ObjectNode plan = JSON.createObjectNode();
        plan.put("unit", METRO_BARAT);
        plan.put("title", "Renstra Kecamatan Metro Barat 2021-2026");
        plan.put("startYear", 2021);
        plan.put("endYear", 2026);
        ObjectNode tujuan = plan.putArray("tujuan").addObject();
        tujuan.put("name", "Meningkatkan kualitas pelayanan administrasi birokrasi");
        ObjectNode sasaran = tujuan.putArray("sasaran").addObject();
        sasaran.put("name", "Meningkatnya kualitas pelayanan publik");
        ArrayNode iku = sasaran.putArray("indicators");
        iku.add(indicator("Prosentase Indeks Kepuasan Masyarakat (IKM)", "indeks", "HIGHER", "INDEX", null, null,
                "LAST", "80", "82", null));
        iku.add(indicator("Tingkat partisipasi masyarakat dalam proses perencanaan pembangunan", "%", "HIGHER",
                "PERCENTAGE", "Warga yang hadir dalam musrenbang kelurahan dan kecamatan",
                "Warga yang diundang ke musrenbang", "RATIO", "85", "85", null));
        iku.add(indicator("Tingkat partisipasi masyarakat dalam pembangunan melalui ketaatan membayar PBB", "%",
                "HIGHER", "PERCENTAGE", "PBB yang dibayar (Rp)", "PBB yang ditetapkan (Rp)", "RATIO", "85", "85",
                null));
        iku.add(indicator("Presentase Penanganan Konflik", "%", "HIGHER", "PERCENTAGE", "Konflik yang tertangani",
                "Konflik yang terjadi", "RATIO", "100", "100", null));
        ObjectNode program = sasaran.putArray("program").addObject();
        program.put("code", "7.01.03");
        program.put("name", "Program Pemberdayaan Masyarakat Desa dan Kelurahan");
        ObjectNode kegiatan = program.putArray("kegiatan").addObject();
        kegiatan.put("code", "7.01.03.2.02");
        kegiatan.put("name", "Kegiatan Pemberdayaan Kelurahan");
        ObjectNode sub = kegiatan.putArray("subKegiatan").addObject();
        sub.put("code", "7.01.03.2.02.01");
        sub.put("name", "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di"
                + " Kelurahan");
        sub.putArray("indicators").add(indicator("Jumlah musrenbang kelurahan yang terlaksana", "kegiatan", "HIGHER",
                "COUNT", null, null, "SUM", "4", "4", 12_897_600L));
        return plan;
    }

    /** Kecamatan Metro Barat. */
    public static final String METRO_BARAT = "18.72.03";

    /**
     * The camat's Perjanjian Kinerja of {@code year} (2021 or 2022) with the mayor: the four IKU of the plan's sasaran
     * with that year's target, each taking over its Renstra indicator; {@code plan} is the stored plan as the API
     * answers it.
     */
    public static ObjectNode metroBaratAgreement(JsonNode plan, int year) {
        ObjectNode body = JSON.createObjectNode();
        body.put("unit", METRO_BARAT);
        body.put("year", year);
        body.put("position", "HEAD");
        body.put("positionTitle", "Camat Metro Barat");
        ArrayNode items = body.putArray("items");
        JsonNode sasaran = plan.at("/tujuan/0/children/0");
        for (JsonNode indicator : sasaran.path("indicators")) {
            ObjectNode item = items.addObject();
            item.put("sasaran", sasaran.path("name").asString());
            item.put("indicator", indicator.path("name").asString());
            item.put("unitOfMeasure", indicator.path("unitOfMeasure").asString());
            item.put("direction", "HIGHER");
            for (JsonNode target : indicator.path("targets")) {
                if (target.path("year").asInt() == year) {
                    item.put("target", target.path("target").decimalValue());
                }
            }
            item.put("renstraIndicatorId", indicator.path("id").asString());
        }
        return body;
    }

    /**
     * Dinas Tenaga Kerja dan Transmigrasi after seed 003: the city's open unemployment rate (TPT), lower is better,
     * from 4.34 % (baseline, 2022) to 3.6 % (the 2023 figure the seed reports, kept as the target of later years: the
     * seed states no other), and the programmes it runs in the kelurahan with count indicators: job seekers
     * registered, training participants (the 40 of the seed's graphic design and digital marketing training) and job
     * canvassing visits. The seed gives no codes or budgets: the codes are the national nomenclature's labour
     * programmes (2.07); the counts other than the 40 are illustrative.
     */
    public static ObjectNode disnakertrans2023To2026() {
        ObjectNode plan = JSON.createObjectNode();
        plan.put("unit", "disnakertrans");
        plan.put("title", "Renstra Dinas Tenaga Kerja dan Transmigrasi Kota Metro 2023-2026");
        plan.put("startYear", 2023);
        plan.put("endYear", 2026);
        ObjectNode tujuan = plan.putArray("tujuan").addObject();
        tujuan.put("name", "Menurunkan pengangguran di Kota Metro");
        ObjectNode sasaran = tujuan.putArray("sasaran").addObject();
        sasaran.put("name", "Meningkatnya kompetensi dan penempatan tenaga kerja");
        ObjectNode tpt = indicator("Tingkat Pengangguran Terbuka (TPT)", "%", "LOWER", "PERCENTAGE",
                "Angkatan kerja yang menganggur", "Angkatan kerja", "LAST", null, null, null);
        tpt.put("baseline", new BigDecimal("4.34"));
        yearly(tpt, "3.6", "3.6", "3.6", "3.6");
        sasaran.putArray("indicators").add(tpt);
        ArrayNode programs = sasaran.putArray("program");
        ObjectNode training = programs.addObject();
        training.put("code", "2.07.03");
        training.put("name", "Program Pelatihan Kerja dan Produktivitas Tenaga Kerja");
        ObjectNode trainingKegiatan = training.putArray("kegiatan").addObject();
        trainingKegiatan.put("code", "2.07.03.2.01");
        trainingKegiatan.put("name", "Pelaksanaan Pelatihan berdasarkan Unit Kompetensi");
        trainingKegiatan.putArray("subKegiatan").add(sub("2.07.03.2.01.0001", "Proses Pelaksanaan Pendidikan dan"
                + " Pelatihan Keterampilan bagi Pencari Kerja berdasarkan Klaster Kompetensi",
                yearly(count("Jumlah peserta pelatihan kerja", "orang"), "40", "40", "40", "40")));
        ObjectNode placement = programs.addObject();
        placement.put("code", "2.07.04");
        placement.put("name", "Program Penempatan Tenaga Kerja");
        ObjectNode placementKegiatan = placement.putArray("kegiatan").addObject();
        placementKegiatan.put("code", "2.07.04.2.01");
        placementKegiatan.put("name", "Pelayanan Antarkerja di Daerah Kabupaten/Kota");
        ArrayNode placementSubs = placementKegiatan.putArray("subKegiatan");
        placementSubs.add(sub("2.07.04.2.01.0001", "Pendaftaran Pencari Kerja (Pencaker)",
                yearly(count("Jumlah pencari kerja terdaftar", "orang"), "120", "120", "120", "120")));
        placementSubs.add(sub("2.07.04.2.01.0002", "Job Canvassing (Pendataan Lowongan Kerja di Perusahaan)",
                yearly(count("Jumlah kunjungan job canvassing", "kunjungan"), "12", "12", "12",
                        "12")));
        return plan;
    }

    /** The year of the Disnakertrans kelurahan programmes' agreements and Q1 realisation (the calendar starts in 2024). */
    public static final int KELURAHAN_YEAR = 2024;

    /**
     * Disnakertrans' programmes as a kelurahan carries them (issue 22: monitoring of Disnakertrans kelurahan by
     * kelurahan): Renstra 2024-2026 of the kelurahan with three count indicators per year: job seekers registered (10),
     * training participants (2: seed 003's 40 participants spread over 20 kelurahan; illustrative) and job canvassing
     * visits (3). Indicators on the sasaran: the kelurahan reports them, the codes and budgets are Disnakertrans'.
     */
    public static ObjectNode disnakertransKelurahan(String kelurahan, String name) {
        ObjectNode plan = JSON.createObjectNode();
        plan.put("unit", kelurahan);
        plan.put("title", "Program Ketenagakerjaan Disnakertrans di " + name + " 2024-2026");
        plan.put("startYear", KELURAHAN_YEAR);
        plan.put("endYear", 2026);
        ObjectNode tujuan = plan.putArray("tujuan").addObject();
        tujuan.put("name", "Menurunkan pengangguran di Kota Metro");
        ObjectNode sasaran = tujuan.putArray("sasaran").addObject();
        sasaran.put("name", "Meningkatnya penempatan dan kompetensi pencari kerja di kelurahan");
        ArrayNode indicators = sasaran.putArray("indicators");
        for (String[] indicator : KELURAHAN_INDICATORS) {
            ObjectNode count = count(indicator[0], indicator[1]);
            ArrayNode targets = count.putArray("targets");
            for (int year = KELURAHAN_YEAR; year <= 2026; year++) {
                targets.addObject().put("year", year).put("target", new BigDecimal(indicator[2]));
            }
            indicators.add(count);
        }
        return plan;
    }

    /** Name, unit of measure and yearly target of the kelurahan programmes' indicators. */
    static final String[][] KELURAHAN_INDICATORS = {
        {"Jumlah pencari kerja terdaftar", "orang", "10"},
        {"Jumlah peserta pelatihan kerja", "orang", "2"},
        {"Jumlah kunjungan job canvassing", "kunjungan", "3"},
    };

    /** The lurah's Perjanjian Kinerja 2024 taking over the three indicators of {@code plan} (the stored plan). */
    public static ObjectNode disnakertransKelurahanAgreement(JsonNode plan, String kelurahan, String name) {
        ObjectNode body = JSON.createObjectNode();
        body.put("unit", kelurahan);
        body.put("year", KELURAHAN_YEAR);
        body.put("position", "HEAD");
        body.put("positionTitle", "Lurah " + name.replaceFirst("^Kelurahan ", ""));
        ArrayNode items = body.putArray("items");
        JsonNode sasaran = plan.at("/tujuan/0/children/0");
        for (JsonNode indicator : sasaran.path("indicators")) {
            ObjectNode item = items.addObject();
            item.put("sasaran", sasaran.path("name").asString());
            item.put("indicator", indicator.path("name").asString());
            item.put("unitOfMeasure", indicator.path("unitOfMeasure").asString());
            item.put("direction", "HIGHER");
            item.put("target", indicator.at("/targets/0/target").decimalValue());
            item.put("renstraIndicatorId", indicator.path("id").asString());
        }
        return body;
    }

    /**
     * Q1 2024 of a kelurahan: illustrative counts that differ by kelurahan ({@code n}, its position in the city), so
     * the monitoring view tells them apart: 1-4 job seekers, 0-2 trainees, 0-1 visits in the quarter.
     */
    public static ObjectNode disnakertransKelurahanQ1(String kelurahan, String agreementId, int n) {
        ObjectNode body = JSON.createObjectNode();
        body.put("unit", kelurahan);
        body.put("year", KELURAHAN_YEAR);
        body.put("quarter", 1);
        body.put("agreementId", agreementId);
        body.put("agreementRevision", 1);
        ArrayNode entries = body.putArray("entries");
        entries.addObject().put("item", 0).put("value", Integer.toString(1 + n % 4));
        entries.addObject().put("item", 1).put("value", Integer.toString(n % 3));
        entries.addObject().put("item", 2).put("value", Integer.toString(n % 2));
        body.put("obstacles", "Pendaftaran pencari kerja masih menunggu sosialisasi di tingkat RW");
        body.put("followUp", "Sosialisasi bersama Disnakertrans pada triwulan berikutnya");
        return body;
    }

    /**
     * Seed 004's realisation of Kecamatan Metro Barat's four IKU for {@code year} (2021 or 2022, Tabel 3.1/3.2) as the
     * fourth quarter's report, whose year-to-date is the year's figure: IKM 76 and 70 (an index, its last value); the
     * three percentages (70 and 85, 69 and 63,57, 100 and 100) as numerator over 100, because the LAKIP prints the
     * percentages only and these indicators aggregate as the ratio of summed numerator and denominator. A historical
     * quarter (before the holiday calendar), so it carries no deadline.
     */
    public static ObjectNode metroBaratQ4(String agreementId, int year) {
        String[] values = year == 2021 ? new String[] {"76", "70", "69", "100"}
                : new String[] {"70", "85", "63.57", "100"};
        ObjectNode body = JSON.createObjectNode();
        body.put("unit", METRO_BARAT);
        body.put("year", year);
        body.put("quarter", 4);
        body.put("agreementId", agreementId);
        body.put("agreementRevision", 1);
        ArrayNode entries = body.putArray("entries");
        entries.addObject().put("item", 0).put("value", values[0])
                .put("note", "Nilai IKM tahun " + year + " menurut LAKIP " + year);
        for (int i = 1; i < values.length; i++) {
            entries.addObject().put("item", i).put("numerator", values[i]).put("denominator", "100")
                    .put("note", "LAKIP " + year + " mencetak persentase saja; dicatat sebagai " + values[i] + " per 100");
        }
        body.put("obstacles", "Diisi dari LAKIP Kecamatan Metro Barat tahun " + year + " (data historis)");
        return body;
    }

    private static ObjectNode count(String name, String unitOfMeasure) {
        return indicator(name, unitOfMeasure, "HIGHER", "COUNT", null, null, "SUM", null, null, null);
    }

    /** Kondisi awal (2020; null when the seed prints "-") and the targets of 2021-2026, no budget. */
    private static ObjectNode from2021(ObjectNode indicator, String baseline, String... targets) {
        if (baseline != null) {
            indicator.put("baseline", new BigDecimal(baseline));
        }
        ArrayNode years = indicator.putArray("targets");
        for (int i = 0; i < targets.length; i++) {
            years.addObject().put("year", 2021 + i).put("target", new BigDecimal(targets[i]));
        }
        return indicator;
    }

    /** Targets from 2023 on, one per year, no budget. */
    private static ObjectNode yearly(ObjectNode indicator, String... targets) {
        ArrayNode years = indicator.putArray("targets");
        for (int i = 0; i < targets.length; i++) {
            years.addObject().put("year", 2023 + i).put("target", new BigDecimal(targets[i]));
        }
        return indicator;
    }

    /**
     * The support programme of Dinas Sosial's Renstra 2021-2026 as seed 001 Tabel 6.1 prints it: two kegiatan with
     * their sub-kegiatan, each a 100 % target and the indicative budget of years 1-5 and of the end of the period
     * (loaded as 2026). The seed's text gives no codes for these rows: they carry the support programme's placeholder
     * X.XX.01 and kegiatan/sub-kegiatan numbers in the seed's order. Its figures do not add up for "Administrasi
     * Keuangan": the kegiatan states Rp 2.637.458.000 for year 1, its two sub-kegiatan Rp 2.492.458.000.
     */
    public static ObjectNode dinsosSupportProgramme2021To2026() {
        ObjectNode plan = JSON.createObjectNode();
        plan.put("unit", "dinsos");
        plan.put("title", "Renstra Dinas Sosial Kota Metro 2021-2026");
        plan.put("startYear", 2021);
        plan.put("endYear", 2026);
        ObjectNode tujuan = plan.putArray("tujuan").addObject();
        tujuan.put("name", "Meningkatkan kesejahteraan sosial masyarakat");
        // Tabel 7.2: the indicators of the social affairs the agency runs (urusan sosial 1.6.1-1.6.5), baseline 2020;
        // stocks (certified PSKS, protected families) as the year's last value, flows as the year's sum.
        ArrayNode urusan = tujuan.putArray("indicators");
        urusan.add(from2021(indicator("Tersertifikasinya Potensi Sumber Kesejahteraan Sosial (PSKS)", "orang",
                "HIGHER", "COUNT", null, null, "LAST", null, null, null), "16", "21", "28", "35", "42", "50", "55"));
        urusan.add(from2021(indicator("Jumlah Pemulangan Warga Negara Migran Korban Tindak Kekerasan", "orang",
                "HIGHER", "COUNT", null, null, "SUM", null, null, null), null, "4", "4", "4", "4", "4", "4"));
        urusan.add(from2021(indicator("Jumlah pemerlu pelayanan kesejahteraan sosial (PPKS) yang tertangani", "KK",
                "HIGHER", "COUNT", null, null, "SUM", null, null, null), "187", "268", "281", "290", "310", "326",
                "326"));
        urusan.add(from2021(indicator("Jumlah KK yang mendapatkan Perlindungan dan Jaminan Sosial", "KK", "HIGHER",
                "COUNT", null, null, "LAST", null, null, null), "7690", "7800", "8000", "7800", "7600", "7500",
                "7500"));
        urusan.add(from2021(indicator("Jumlah KK Korban Bencana yang mendapatkan bantuan", "KK", "HIGHER", "COUNT",
                null, null, "SUM", null, null, null), "200", "200", "200", "200", "200", "200", "200"));
        ObjectNode sasaran = tujuan.putArray("sasaran").addObject();
        sasaran.put("name", "Meningkatnya penanganan pemerlu pelayanan kesejahteraan sosial");
        // Tabel 7.1: the agency's IKU, computed from welfare-service's PPKS register (found in the quarter and served
        // by its end), kondisi awal 81,79 % (2020).
        ObjectNode iku = indicator("Persentase Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) yang ditangani", "%",
                "HIGHER", "PERCENTAGE", "PPKS terdata pada periode yang ditangani hingga akhir periode",
                "PPKS terdata pada periode", "RATIO", null, null, null);
        iku.put("source", "REGISTER");
        iku.put("registerMeasure", "PPKS_HANDLED_SHARE");
        sasaran.putArray("indicators").add(from2021(iku, "81.79", "85.3", "88.4", "91.5", "94.6", "97.7", "100"));
        ObjectNode program = sasaran.putArray("program").addObject();
        program.put("code", "X.XX.01");
        program.put("name", "Program Penunjang Urusan Pemerintahan Daerah");
        ArrayNode kegiatan = program.putArray("kegiatan");
        ObjectNode planning = kegiatan.addObject();
        planning.put("code", "X.XX.01.2.01");
        planning.put("name", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah");
        planning.putArray("indicators").add(budgeted("Tersusunnya dokumen perencanaan perangkat daerah",
                24_000_000L, 24_000_000L, 24_000_000L, 24_000_000L, 24_000_000L, 24_000_000L));
        ArrayNode planningSubs = planning.putArray("subKegiatan");
        planningSubs.add(sub("X.XX.01.2.01.01", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                budgeted("Jumlah Renstra, Renja dan Renja Perubahan SKPD yang Tersusun", 13_000_000L, 13_000_000L,
                        13_000_000L, 13_000_000L, 13_000_000L, 13_000_000L)));
        planningSubs.add(sub("X.XX.01.2.01.02", "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
                budgeted("Jumlah dokumen RKA-SKPD dan RKA-SKPD Perubahan yang Tersusun", 6_000_000L, 6_000_000L,
                        6_000_000L, 6_000_000L, 6_000_000L, 6_000_000L)));
        planningSubs.add(sub("X.XX.01.2.01.03", "Evaluasi Kinerja Perangkat Daerah",
                budgeted("Dokumen evaluasi kinerja (LAKIP dan LKPJ) yang tersusun", 5_000_000L, 5_000_000L,
                        5_000_000L, 5_000_000L, 5_000_000L, 5_000_000L)));
        ObjectNode finance = kegiatan.addObject();
        finance.put("code", "X.XX.01.2.02");
        finance.put("name", "Administrasi Keuangan Perangkat Daerah");
        finance.putArray("indicators").add(budgeted("Terlaksananya Pengadministrasian Keuangan", 2_637_458_000L,
                2_740_000_000L, 2_845_000_000L, 2_955_000_000L, 377_600_000L, 387_600_000L));
        ArrayNode financeSubs = finance.putArray("subKegiatan");
        financeSubs.add(sub("X.XX.01.2.02.01", "Penyediaan Gaji dan Tunjangan ASN",
                budgeted("Jumlah ASN yang akan dibayarkan gaji dan tunjangan", 2_305_258_000L, 2_400_000_000L,
                        2_500_000_000L, 2_600_000_000L, 2_600_000L, 2_600_000L)));
        financeSubs.add(sub("X.XX.01.2.02.02", "Penyediaan Administrasi Pelaksanaan Tugas ASN",
                budgeted("Jumlah THL yang akan dibayarkan gaji", 187_200_000L, 195_000_000L, 200_000_000L,
                        210_000_000L, 220_000_000L, 230_000_000L)));
        return plan;
    }

    private static ObjectNode sub(String code, String name, ObjectNode indicator) {
        ObjectNode sub = JSON.createObjectNode();
        sub.put("code", code);
        sub.put("name", name);
        sub.putArray("indicators").add(indicator);
        return sub;
    }

    /** A 100 % indicator with the budgets of 2021-2026. */
    private static ObjectNode budgeted(String name, long... budgets) {
        ObjectNode indicator = indicator(name, "%", "HIGHER", "PERCENTAGE", "Keluaran yang terlaksana",
                "Keluaran yang direncanakan", "RATIO", null, null, null);
        ArrayNode targets = indicator.putArray("targets");
        for (int i = 0; i < budgets.length; i++) {
            ObjectNode t = targets.addObject();
            t.put("year", 2021 + i);
            t.put("target", 100);
            t.put("budget", budgets[i]);
        }
        return indicator;
    }

    /** An ENTERED indicator; with {@code target2021}, targets for 2021-2026 (2021's, then {@code laterTarget}). */
    public static ObjectNode indicator(String name, String unitOfMeasure, String direction, String kind,
                                        String numerator, String denominator, String aggregation, String target2021,
                                        String laterTarget, Long budget) {
        ObjectNode indicator = JSON.createObjectNode();
        indicator.put("name", name);
        indicator.put("unitOfMeasure", unitOfMeasure);
        indicator.put("direction", direction);
        indicator.put("kind", kind);
        if (numerator != null) {
            indicator.put("numeratorDefinition", numerator);
            indicator.put("denominatorDefinition", denominator);
        }
        indicator.put("aggregation", aggregation);
        indicator.put("source", "ENTERED");
        if (target2021 != null) {
            ArrayNode targets = indicator.putArray("targets");
            for (int year = 2021; year <= 2026; year++) {
                ObjectNode t = targets.addObject();
                t.put("year", year);
                t.put("target", new BigDecimal(year == 2021 ? target2021 : laterTarget));
                if (budget != null) {
                    t.put("budget", budget);
                }
            }
        }
        return indicator;
    }
}
