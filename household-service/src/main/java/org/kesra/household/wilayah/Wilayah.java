package org.kesra.household.wilayah;

/** A region of the Kemendagri tree: provinsi, kota, kecamatan or kelurahan. */
public record Wilayah(String code, String name, String level, String parentCode) {

    public boolean isKelurahan() {
        return "kelurahan".equals(level);
    }
}
