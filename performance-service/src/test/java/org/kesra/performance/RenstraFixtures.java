package org.kesra.performance;

import static org.kesra.seeds.SeedPlans.indicator;

import java.util.List;
import org.kesra.seeds.SeedPlans;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A small valid plan to break; the seeds' plans are main code ({@link SeedPlans}), shared with the demo mode. */
public final class RenstraFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RenstraFixtures() {
    }

    /** One tujuan > sasaran with one indicator, a program > kegiatan > sub-kegiatan chain, for {@code unit}. */
    public static ObjectNode small(String unit, int startYear, int endYear) {
        ObjectNode plan = JSON.createObjectNode();
        plan.put("unit", unit);
        plan.put("title", "Renstra uji " + unit + " " + startYear + "-" + endYear);
        plan.put("startYear", startYear);
        plan.put("endYear", endYear);
        ObjectNode tujuan = plan.putArray("tujuan").addObject();
        tujuan.put("name", "Meningkatkan kesejahteraan sosial masyarakat");
        ObjectNode sasaran = tujuan.putArray("sasaran").addObject();
        sasaran.put("name", "Meningkatnya penanganan PPKS");
        sasaran.putArray("indicators").add(yearly(indicator("Persentase PPKS yang ditangani", "%", "HIGHER",
                "PERCENTAGE", "PPKS yang mendapat pelayanan", "PPKS terdata", "RATIO", null, null, null),
                startYear, endYear, "70", 1_000_000L));
        ObjectNode program = sasaran.putArray("program").addObject();
        program.put("code", "1.06.04");
        program.put("name", "Program Rehabilitasi Sosial");
        ObjectNode kegiatan = program.putArray("kegiatan").addObject();
        kegiatan.put("code", "1.06.04.2.01");
        kegiatan.put("name", "Rehabilitasi Sosial Dasar di Luar Panti Sosial");
        ObjectNode sub = kegiatan.putArray("subKegiatan").addObject();
        sub.put("code", "1.06.04.2.01.0001");
        sub.put("name", "Penyediaan Permakanan");
        sub.putArray("indicators").add(yearly(indicator("Jumlah lansia terlantar yang mendapat permakanan", "orang",
                "HIGHER", "COUNT", null, null, "SUM", null, null, null), startYear, endYear, "48", 138_970_000L));
        return plan;
    }

    /** The indicator of {@link #small}'s sasaran. */
    public static ObjectNode smallSasaranIndicator(ObjectNode plan) {
        return (ObjectNode) plan.at("/tujuan/0/sasaran/0/indicators/0");
    }

    private static ObjectNode yearly(ObjectNode indicator, int startYear, int endYear, String target, long budget) {
        ArrayNode targets = indicator.putArray("targets");
        for (int year = startYear; year <= endYear; year++) {
            ObjectNode t = targets.addObject();
            t.put("year", year);
            t.put("target", new java.math.BigDecimal(target));
            t.put("budget", budget);
        }
        return indicator;
    }

    static List<String> codes(tools.jackson.databind.JsonNode plan) {
        return plan.findValuesAsString("code");
    }
}
