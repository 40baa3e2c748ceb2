package org.kesra.contracts.welfare;

/**
 * PPKS of one of the 26 categories of Permensos 8/2012 (by its abbreviation, {@code AJ}, {@code LUT}, ...) found in
 * the period in a kelurahan, and those among them served by its end, counted as {@code ppksTerdata} and
 * {@code ppksDitangani} are. A case may carry several categories, so the categories of a kelurahan may add up to
 * more than its cases.
 */
public record PpksCategoryCount(String category, long terdata, long ditangani) {
}
