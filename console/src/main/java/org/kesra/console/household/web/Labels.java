package org.kesra.console.household.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** Indonesian labels of the registry's fixed codes that have no code list in the API. */
final class Labels {

    static final Map<String, String> RELATIONSHIP = ordered(
            "KEPALA_KELUARGA", "Kepala keluarga", "SUAMI", "Suami", "ISTRI", "Istri", "ANAK", "Anak",
            "MENANTU", "Menantu", "CUCU", "Cucu", "ORANG_TUA", "Orang tua", "MERTUA", "Mertua",
            "FAMILI_LAIN", "Famili lain", "PEMBANTU", "Pembantu", "LAINNYA", "Lainnya");
    static final Map<String, String> SEX = ordered("L", "Laki-laki", "P", "Perempuan");
    static final Map<String, String> LIFE_STATUS = ordered("HIDUP", "Hidup", "MENINGGAL", "Meninggal",
            "PINDAH", "Pindah ke luar kota");
    /** The person fields a correction may change, with their labels. */
    static final Map<String, String> CORRECTABLE = ordered("name", "Nama", "nik", "NIK", "birthPlace",
            "Tempat lahir", "birthDate", "Tanggal lahir", "sex", "Jenis kelamin", "relationship",
            "Hubungan dalam keluarga", "maritalStatus", "Status perkawinan", "education", "Pendidikan",
            "occupation", "Pekerjaan");
    /** The household fields a correction may change (the kelurahan moves by relocation), with their labels. */
    static final Map<String, String> HOUSEHOLD_CORRECTABLE = ordered("address", "Alamat", "rw", "RW", "rt", "RT",
            "kkNumber", "Nomor KK", "dasawismaId", "Dasawisma", "houseOwnership", "Kepemilikan rumah",
            "floorAreaM2", "Luas lantai (m²)", "floorMaterial", "Jenis lantai", "wallMaterial", "Jenis dinding",
            "roofMaterial", "Jenis atap", "waterSource", "Sumber air minum", "sanitation", "Fasilitas buang air besar",
            "lighting", "Sumber penerangan", "cookingFuel", "Bahan bakar memasak", "incomeBand", "Penghasilan",
            "assets", "Aset");
    /** The code list (household-service's /wilayah/code-lists) each household field takes its values from. */
    static final Map<String, String> HOUSEHOLD_CODE_LIST = ordered("houseOwnership", "house_ownership",
            "floorMaterial", "floor_material", "wallMaterial", "wall_material", "roofMaterial", "roof_material",
            "waterSource", "water_source", "sanitation", "sanitation", "lighting", "lighting", "cookingFuel",
            "cooking_fuel", "incomeBand", "income_band", "assets", "asset");
    /** Labels of the fields a change history shows (the API's names); the correctable ones first. */
    static final Map<String, String> FIELDS;

    static {
        Map<String, String> fields = new LinkedHashMap<>(CORRECTABLE);
        fields.putAll(HOUSEHOLD_CORRECTABLE);
        fields.putAll(ordered("headPersonId", "Kepala keluarga", "latitude", "Lintang", "longitude", "Bujur",
                "fromHouseholdId", "Dari rumah tangga", "toHouseholdId", "Ke rumah tangga"));
        fields.putAll(ordered("kkNumber", "Nomor KK", "kelurahanCode", "Kelurahan", "rw", "RW", "rt", "RT",
                "address", "Alamat", "disability", "Disabilitas", "severeDisability", "Disabilitas berat",
                "chronicIllness", "Penyakit kronis", "pregnant", "Hamil", "houseOwnership", "Kepemilikan rumah",
                "incomeBand", "Penghasilan", "lifeStatus", "Status", "lifeStatusDate", "Tanggal status",
                "movedTo", "Pindah ke", "householdId", "Rumah tangga", "personId", "Anggota", "floorAreaM2",
                "Luas lantai (m²)", "assets", "Aset", "dasawismaId", "Dasawisma", "nikFlags", "Tanda NIK"));
        FIELDS = java.util.Collections.unmodifiableMap(fields);
    }

    /** "PINDAH_KELUAR_KOTA" becomes "Pindah keluar kota": the history's actions are Indonesian already. */
    static String action(Object code) {
        String text = String.valueOf(code).replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private Labels() {
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
