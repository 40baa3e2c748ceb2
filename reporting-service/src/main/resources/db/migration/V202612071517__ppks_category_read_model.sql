-- Why: the recap counts PPKS by the 26 categories of Permensos 8/2012 (issue 23). welfare-service now publishes the
-- per-category counts on welfare.kelurahan-indicators.published (ppksCategories, optional in v1); they are kept here
-- beside the publication's totals and replaced with them. The category list itself is reference data (the same
-- file welfare-service loads, reference/ppks-categories.csv): no service publishes it as events, and a report lists
-- all 26 categories, those without a case as zero.

CREATE TABLE ppks_category (
    no     integer PRIMARY KEY,
    abbrev text NOT NULL UNIQUE,
    name   text NOT NULL
);
COMMENT ON TABLE ppks_category IS 'The 26 PPKS categories of Permensos 8/2012 (reference data, migration only); no gives the order reports list them in.';
COMMENT ON COLUMN ppks_category.abbrev IS 'The abbreviation welfare-service publishes as PpksCategoryCount.category (AJ, LUT, ODHA, ...).';

INSERT INTO ppks_category (no, abbrev, name) VALUES
    (1, 'ABT', 'Anak Balita Telantar'),
    (2, 'AT', 'Anak Telantar'),
    (3, 'ABH', 'Anak Berhadapan dengan Hukum'),
    (4, 'AJ', 'Anak Jalanan'),
    (5, 'ADK', 'Anak dengan Kedisabilitasan'),
    (6, 'AKTK', 'Anak Korban Tindak Kekerasan atau Diperlakukan Salah'),
    (7, 'AMPK', 'Anak yang Memerlukan Perlindungan Khusus'),
    (8, 'LUT', 'Lanjut Usia Telantar'),
    (9, 'PD', 'Penyandang Disabilitas'),
    (10, 'TS', 'Tuna Susila'),
    (11, 'GLD', 'Gelandangan'),
    (12, 'PGM', 'Pengemis'),
    (13, 'PML', 'Pemulung'),
    (14, 'KM', 'Kelompok Minoritas'),
    (15, 'BWBLP', 'Bekas Warga Binaan Lembaga Pemasyarakatan'),
    (16, 'ODHA', 'Orang dengan HIV/AIDS'),
    (17, 'KPN', 'Korban Penyalahgunaan NAPZA'),
    (18, 'KTR', 'Korban Trafficking'),
    (19, 'KTK', 'Korban Tindak Kekerasan'),
    (20, 'PMBS', 'Pekerja Migran Bermasalah Sosial'),
    (21, 'KBA', 'Korban Bencana Alam'),
    (22, 'KBS', 'Korban Bencana Sosial'),
    (23, 'PRSE', 'Perempuan Rawan Sosial Ekonomi'),
    (24, 'FM', 'Fakir Miskin'),
    (25, 'KBSP', 'Keluarga Bermasalah Sosial Psikologis'),
    (26, 'KAT', 'Komunitas Adat Terpencil');

ALTER TABLE rm_kelurahan_figures ADD COLUMN ppks_categories_published boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN rm_kelurahan_figures.ppks_categories_published IS 'Whether the publication carried PPKS per category (publications made before welfare-service added the field did not): false means the category counts are not known, not zero.';

CREATE TABLE rm_ppks_category (
    kelurahan_code text   NOT NULL,
    period_from    date   NOT NULL,
    period_to      date   NOT NULL,
    category       text   NOT NULL,
    terdata        bigint NOT NULL,
    ditangani      bigint NOT NULL,
    PRIMARY KEY (kelurahan_code, period_from, period_to, category),
    FOREIGN KEY (kelurahan_code, period_from, period_to)
        REFERENCES rm_kelurahan_figures (kelurahan_code, period_from, period_to) ON DELETE CASCADE
);
COMMENT ON TABLE rm_ppks_category IS 'Read model: PPKS per Permensos category of a kelurahan and period from the same publication as rm_kelurahan_figures (replaced with it); only categories with a case are published.';
COMMENT ON COLUMN rm_ppks_category.category IS 'The category''s abbreviation as published; not a foreign key to ppks_category, so that a category welfare-service adds later is kept rather than refused (the report lists it after the 26).';
COMMENT ON COLUMN rm_ppks_category.terdata IS 'Cases of the category found in the period, as welfare-service counted them; a case with several categories counts in each, so the categories may add up to more than ppks_terdata.';
