-- Why: plans, agreements and realisation belong to a unit of the city: an OPD (agency), a kecamatan or a kelurahan.
-- OPD codes are the ones the realm's `opd` token attribute carries (deploy/keycloak), so a planner's own unit is read
-- from the token; kecamatan and kelurahan use the region codes of the shared reference wilayah-kota-metro.csv (copied
-- here as rows), which the `wilayah` attribute of regional staff carries. Reference data: later units come by a new
-- migration, never by editing this one.
CREATE TABLE unit (
    code        text PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('OPD', 'KECAMATAN', 'KELURAHAN')),
    name        text NOT NULL,
    parent_code text REFERENCES unit (code),
    CHECK ((kind = 'KELURAHAN') = (parent_code IS NOT NULL))
);
COMMENT ON TABLE unit IS 'Units that keep plans and report performance: OPDs by their realm opd code, kecamatan and kelurahan by region code.';
COMMENT ON COLUMN unit.code IS 'OPD: the realm''s opd attribute (dinsos); kecamatan/kelurahan: region code (18.72.03, 18.72.03.1001).';
COMMENT ON COLUMN unit.parent_code IS 'The kecamatan of a kelurahan; OPDs and kecamatan have none.';

INSERT INTO unit (code, kind, name, parent_code) VALUES
    ('bappeda', 'OPD', 'Badan Perencanaan Pembangunan Daerah', NULL),
    ('dinsos', 'OPD', 'Dinas Sosial', NULL),
    ('disnakertrans', 'OPD', 'Dinas Tenaga Kerja dan Transmigrasi', NULL),
    ('disdukcapil', 'OPD', 'Dinas Kependudukan dan Pencatatan Sipil', NULL),
    ('diskominfo', 'OPD', 'Dinas Komunikasi dan Informatika', NULL),
    ('inspektorat', 'OPD', 'Inspektorat', NULL),
    ('18.72.01', 'KECAMATAN', 'Kecamatan Metro Pusat', NULL),
    ('18.72.02', 'KECAMATAN', 'Kecamatan Metro Utara', NULL),
    ('18.72.03', 'KECAMATAN', 'Kecamatan Metro Barat', NULL),
    ('18.72.04', 'KECAMATAN', 'Kecamatan Metro Timur', NULL),
    ('18.72.05', 'KECAMATAN', 'Kecamatan Metro Selatan', NULL),
    ('18.72.01.1001', 'KELURAHAN', 'Kelurahan Metro', '18.72.01'),
    ('18.72.01.1002', 'KELURAHAN', 'Kelurahan Hadimulyo Timur', '18.72.01'),
    ('18.72.01.1003', 'KELURAHAN', 'Kelurahan Imopuro', '18.72.01'),
    ('18.72.01.1004', 'KELURAHAN', 'Kelurahan Hadimulyo Barat', '18.72.01'),
    ('18.72.01.1005', 'KELURAHAN', 'Kelurahan Yosomulyo', '18.72.01'),
    ('18.72.02.1001', 'KELURAHAN', 'Kelurahan Banjarsari', '18.72.02'),
    ('18.72.02.1002', 'KELURAHAN', 'Kelurahan Purwosari', '18.72.02'),
    ('18.72.02.1003', 'KELURAHAN', 'Kelurahan Karangrejo', '18.72.02'),
    ('18.72.02.1004', 'KELURAHAN', 'Kelurahan Purwoasri', '18.72.02'),
    ('18.72.03.1001', 'KELURAHAN', 'Kelurahan Mulyojati', '18.72.03'),
    ('18.72.03.1002', 'KELURAHAN', 'Kelurahan Ganjar Agung', '18.72.03'),
    ('18.72.03.1003', 'KELURAHAN', 'Kelurahan Mulyosari', '18.72.03'),
    ('18.72.03.1004', 'KELURAHAN', 'Kelurahan Ganjar Asri', '18.72.03'),
    ('18.72.04.1001', 'KELURAHAN', 'Kelurahan Yosodadi', '18.72.04'),
    ('18.72.04.1002', 'KELURAHAN', 'Kelurahan Tejosari', '18.72.04'),
    ('18.72.04.1003', 'KELURAHAN', 'Kelurahan Iring Mulyo', '18.72.04'),
    ('18.72.04.1004', 'KELURAHAN', 'Kelurahan Yosorejo', '18.72.04'),
    ('18.72.04.1005', 'KELURAHAN', 'Kelurahan Tejo Agung', '18.72.04'),
    ('18.72.05.1001', 'KELURAHAN', 'Kelurahan Rejomulyo', '18.72.05'),
    ('18.72.05.1002', 'KELURAHAN', 'Kelurahan Margorejo', '18.72.05'),
    ('18.72.05.1003', 'KELURAHAN', 'Kelurahan Sumbersari Bantul', '18.72.05'),
    ('18.72.05.1004', 'KELURAHAN', 'Kelurahan Margodadi', '18.72.05');
