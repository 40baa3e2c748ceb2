package org.kesra.performance.demo;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seed 002 (a kecamatan's Q1 2024 report by its Kepala Seksi Pemberdayaan Masyarakat) as a client sends it, placed in
 * Kecamatan Metro Pusat: the Renstra rows behind Tabel 2.2/2.3 (two kegiatan with their sub-kegiatan), the Perjanjian
 * Kinerja of Tabel 2.1/2.2 with the sub-kegiatan rows and pagu of Tabel 3.2, and the Q1 realisation of Tabel 3.1/3.2.
 * The figures are the seed's, errors included: the second kegiatan states "22.90.000" (read as Rp 2.290.000) for
 * sub-kegiatan summing to Rp 22.900.000, and Sinkronisasi is Rp 5.995.000 in Tabel 2.3 but Rp 5.955.000 in Tabel 3.2.
 * The demo mode loads it ({@link DemoPlans}) and the consistency tests enter it through the API: one set of figures.
 */
public final class Seed002 {

    public static final String UNIT = "18.72.01";
    public static final int YEAR = 2024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A sub-kegiatan of Tabel 2.3/3.2: name, its indicator and unit, budget in Tabel 2.3, pagu in Tabel 3.2. */
    public record Sub(String code, String name, String indicator, String unit, long renstraBudget, long pagu,
               long realised) {
    }

    public static final List<Sub> KOORDINASI = List.of(
            new Sub("7.01.03.2.01.0001", "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan"
                    + " Pembangunan di Desa", "Jumlah Lembaga Kemasyarakatan yang Berpartisipasi dalam Forum"
                    + " Musyawarah Perencanaan Pembangunan di Desa", "lembaga", 2_700_000L, 2_700_000L, 600_000L),
            new Sub("7.01.03.2.01.0002", "Sinkronisasi Program Kerja dan Kegiatan Pemberdayaan Masyarakat yang"
                    + " Dilakukan oleh Pemerintah dan Swasta di Wilayah Kerja Kecamatan", "Jumlah Dokumen Sinkronisasi"
                    + " Program Kerja dan Kegiatan Pemberdayaan Masyarakat", "dokumen", 5_995_000L, 5_955_000L,
                    5_955_000L),
            new Sub("7.01.03.2.01.0003", "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah"
                    + " Kecamatan", "Jumlah Laporan Peningkatan Efektivitas Kegiatan Pemberdayaan Masyarakat",
                    "laporan", 94_160_000L, 94_160_000L, 0L));
    public static final List<Sub> KELUARGA = List.of(
            new Sub("7.01.03.2.02.0001", "Pembentukan dan Penumbuhan Karakter Keluarga Melalui Peningkatan Kesadaran"
                    + " Masyarakat akan Pentingnya Penghayatan dan Pengamalan Pancasila", "Jumlah Keluarga yang"
                    + " Mengikuti Pembentukan dan Penumbuhan Karakter Keluarga", "keluarga", 12_150_000L, 12_150_000L,
                    0L),
            new Sub("7.01.03.2.02.0002", "Peningkatan Ketahanan Pangan Keluarga", "Jumlah Keluarga yang Mengikuti"
                    + " Peningkatan Ketahanan Pangan Keluarga", "keluarga", 2_750_000L, 2_750_000L, 0L),
            new Sub("7.01.03.2.02.0003", "Penumbuhan Kesadaran Keluarga dalam Peningkatan Derajat Kesehatan Keluarga"
                    + " dan Lingkungan", "Jumlah Keluarga yang Mengikuti Penumbuhan Kesadaran Keluarga (PHBS)",
                    "keluarga", 2_500_000L, 2_500_000L, 0L),
            new Sub("7.01.03.2.02.0004", "Penumbuhan Kesadaran Keluarga dalam Peningkatan Taraf Hidup Keluarga"
                    + " Melalui Kehidupan Berkoperasi", "Jumlah Keluarga yang Mengikuti Penumbuhan Kesadaran Keluarga"
                    + " (koperasi)", "keluarga", 2_750_000L, 2_750_000L, 0L),
            new Sub("7.01.03.2.02.0005", "Penumbuhan Kesadaran Keluarga dalam Peningkatan Kualitas Kelestarian"
                    + " Lingkungan Hidup", "Jumlah Keluarga yang Mengikuti Penumbuhan Kesadaran Keluarga"
                    + " (lingkungan)", "keluarga", 2_750_000L, 2_750_000L, 0L));

    public static final String KOORDINASI_SASARAN =
            "Meningkatnya Fasilitasi Koordinasi Kegiatan Pemberdayaan Desa";
    public static final String KOORDINASI_INDICATOR = "Persentase Fasilitasi Kegiatan Pemberdayaan Desa";
    public static final String KELUARGA_SASARAN = "Meningkatnya Fasilitasi Pemberdayaan dan Kesejahteraan Keluarga"
            + " Tingkat Kecamatan dan Kelurahan";
    public static final String KELUARGA_INDICATOR = "Persentase Fasilitasi Pemberdayaan dan Kesejahteraan Keluarga"
            + " Tingkat Kecamatan dan Kelurahan";
    /** Tabel 2.2 prints "22.90.000": read digit by digit, Rp 2.290.000. */
    public static final long KELUARGA_STATED = 2_290_000L;

    private Seed002() {
    }

    /** The kecamatan's Renstra rows for 2024 (a one-year period: the seed states no other year). */
    public static ObjectNode plan() {
        ObjectNode plan = JSON.createObjectNode();
        plan.put("unit", UNIT);
        plan.put("title", "Renstra Kecamatan Metro Pusat 2024 (seed 002)");
        plan.put("startYear", YEAR);
        plan.put("endYear", YEAR);
        ObjectNode tujuan = plan.putArray("tujuan").addObject();
        tujuan.put("name", "Meningkatnya pemberdayaan masyarakat kecamatan dan kelurahan");
        ObjectNode sasaran = tujuan.putArray("sasaran").addObject();
        sasaran.put("name", "Meningkatnya pemberdayaan masyarakat desa dan kelurahan");
        ObjectNode program = sasaran.putArray("program").addObject();
        program.put("code", "7.01.03");
        program.put("name", "Program Pemberdayaan Masyarakat Desa dan Kelurahan");
        ArrayNode kegiatan = program.putArray("kegiatan");
        kegiatan(kegiatan.addObject(), "7.01.03.2.01", "Koordinasi Kegiatan Pemberdayaan Desa", KOORDINASI_INDICATOR,
                102_855_000L, KOORDINASI);
        kegiatan(kegiatan.addObject(), "7.01.03.2.02", "Pemberdayaan dan Kesejahteraan Keluarga Tingkat Kecamatan dan"
                + " Kelurahan", KELUARGA_INDICATOR, KELUARGA_STATED, KELUARGA);
        return plan;
    }

    private static void kegiatan(ObjectNode node, String code, String name, String indicator, long budget,
                                 List<Sub> subs) {
        node.put("code", code);
        node.put("name", name);
        ObjectNode percent = node.putArray("indicators").addObject();
        percent.put("name", indicator);
        percent.put("unitOfMeasure", "%");
        percent.put("direction", "HIGHER");
        percent.put("kind", "PERCENTAGE");
        percent.put("numeratorDefinition", "Kegiatan fasilitasi yang terlaksana");
        percent.put("denominatorDefinition", "Kegiatan fasilitasi yang direncanakan");
        percent.put("aggregation", "LAST");
        percent.put("source", "ENTERED");
        target(percent, "100", budget);
        ArrayNode children = node.putArray("subKegiatan");
        for (Sub sub : subs) {
            ObjectNode child = children.addObject();
            child.put("code", sub.code());
            child.put("name", sub.name());
            ObjectNode count = child.putArray("indicators").addObject();
            count.put("name", sub.indicator());
            count.put("unitOfMeasure", sub.unit());
            count.put("direction", "HIGHER");
            count.put("kind", "COUNT");
            count.put("aggregation", "SUM");
            count.put("source", "ENTERED");
            target(count, "1", sub.renstraBudget());
        }
    }

    private static void target(ObjectNode indicator, String target, long budget) {
        ObjectNode t = indicator.putArray("targets").addObject();
        t.put("year", YEAR);
        t.put("target", new BigDecimal(target));
        t.put("budget", budget);
    }

    /**
     * The Perjanjian Kinerja 2024 of the Kepala Seksi with the camat: the two sasaran of Tabel 2.1 with the budgets of
     * Tabel 2.2 (items 0, 1), then the sub-kegiatan of Tabel 3.2 with its pagu (items 2-9), each taking over the
     * Renstra indicator of the same row of {@code plan}.
     */
    public static ObjectNode agreement(JsonNode plan) {
        ObjectNode body = JSON.createObjectNode();
        body.put("unit", UNIT);
        body.put("year", YEAR);
        body.put("position", "ESELON_IV");
        body.put("positionTitle", "Kepala Seksi Pemberdayaan Masyarakat");
        ArrayNode items = body.putArray("items");
        JsonNode kegiatan = plan.at("/tujuan/0/children/0/children/0/children");
        item(items, KOORDINASI_SASARAN, KOORDINASI_INDICATOR, "%", 102_855_000L,
                kegiatan.at("/0/indicators/0/id").asString());
        item(items, KELUARGA_SASARAN, KELUARGA_INDICATOR, "%", KELUARGA_STATED,
                kegiatan.at("/1/indicators/0/id").asString());
        for (int k = 0; k < 2; k++) {
            List<Sub> subs = k == 0 ? KOORDINASI : KELUARGA;
            for (int s = 0; s < subs.size(); s++) {
                item(items, subs.get(s).name(), subs.get(s).indicator(), subs.get(s).unit(), subs.get(s).pagu(),
                        kegiatan.at("/" + k + "/children/" + s + "/indicators/0/id").asString())
                        .put("target", BigDecimal.ONE);
            }
        }
        return body;
    }

    private static ObjectNode item(ArrayNode items, String sasaran, String indicator, String unit, long budget,
                                   String renstraIndicatorId) {
        ObjectNode item = items.addObject();
        item.put("sasaran", sasaran);
        item.put("indicator", indicator);
        item.put("unitOfMeasure", unit);
        item.put("direction", "HIGHER");
        item.put("target", new BigDecimal("100"));
        item.put("budget", budget);
        item.put("renstraIndicatorId", renstraIndicatorId);
        return item;
    }

    /** The Q1 2024 realisation of Tabel 3.1 (67 % and 0 %) and Tabel 3.2 (realised budget per sub-kegiatan). */
    public static ObjectNode realisationQ1(String agreementId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("unit", UNIT);
        body.put("year", YEAR);
        body.put("quarter", 1);
        body.put("agreementId", agreementId);
        body.put("agreementRevision", 1);
        ArrayNode entries = body.putArray("entries");
        entries.addObject().put("item", 0).put("value", "67");
        entries.addObject().put("item", 1).put("value", "0");
        int item = 2;
        for (List<Sub> subs : List.of(KOORDINASI, KELUARGA)) {
            for (Sub sub : subs) {
                entries.addObject().put("item", item++).put("value", sub.realised() > 0 ? "1" : "0")
                        .put("budgetRealised", sub.realised());
            }
        }
        body.put("obstacles", "Sub kegiatan lain dijadwalkan pada triwulan berikutnya sesuai time schedule");
        body.put("followUp", "Koordinasi dengan atasan langsung dan sub bagian keuangan");
        return body;
    }
}
