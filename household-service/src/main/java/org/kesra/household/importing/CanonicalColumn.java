package org.kesra.household.importing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The documented columns of a household import, one row per person; household columns repeat on every row of the
 * same KK. A mapping profile names, for each spreadsheet header the cadres use, which of these it is.
 *
 * @param field the field name in the API and in problem reports' pointers
 */
public enum CanonicalColumn {
    KK_NUMBER("kkNumber", true),
    KELURAHAN_CODE("kelurahanCode", true),
    RW("rw", true),
    RT("rt", true),
    ADDRESS("address", false),
    LATITUDE("latitude", false),
    LONGITUDE("longitude", false),
    HOUSE_OWNERSHIP("houseOwnership", false),
    FLOOR_AREA_M2("floorAreaM2", false),
    FLOOR_MATERIAL("floorMaterial", false),
    WALL_MATERIAL("wallMaterial", false),
    ROOF_MATERIAL("roofMaterial", false),
    WATER_SOURCE("waterSource", false),
    SANITATION("sanitation", false),
    LIGHTING("lighting", false),
    COOKING_FUEL("cookingFuel", false),
    ASSETS("assets", false),
    INCOME_BAND("incomeBand", false),
    NIK("nik", true),
    NAME("name", true),
    BIRTH_PLACE("birthPlace", false),
    BIRTH_DATE("birthDate", true),
    SEX("sex", true),
    RELATIONSHIP("relationship", true),
    MARITAL_STATUS("maritalStatus", false),
    EDUCATION("education", false),
    OCCUPATION("occupation", false),
    DISABILITY("disability", false),
    SEVERE_DISABILITY("severeDisability", false),
    CHRONIC_ILLNESS("chronicIllness", false),
    PREGNANT("pregnant", false);

    private final String field;
    private final boolean required;

    CanonicalColumn(String field, boolean required) {
        this.field = field;
        this.required = required;
    }

    /** The name in files and profiles: {@code kk_number}, {@code birth_date}, ... */
    public String columnName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String field() {
        return field;
    }

    public boolean required() {
        return required;
    }

    public static Optional<CanonicalColumn> byColumnName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.columnName().equals(wanted)).findFirst();
    }

    public static Optional<CanonicalColumn> byField(String field) {
        return Arrays.stream(values()).filter(c -> c.field.equals(field)).findFirst();
    }
}
