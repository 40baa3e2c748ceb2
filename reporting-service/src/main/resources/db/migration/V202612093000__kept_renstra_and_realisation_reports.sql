-- Why: issue 23, the launcher's demo mode keeps one file of every report the service lays out; the Renstra matrix,
-- the PKH realisation per stage (seed 001 Tabel 2.1) and the BPNT/Sembako monthly series can now be kept as files
-- too, not only the quarterly report, the LAKIP and the PPKS recap. Only the allowed report types change.
ALTER TABLE report_generation DROP CONSTRAINT report_generation_report_type_check;
ALTER TABLE report_generation ADD CONSTRAINT report_generation_report_type_check
    CHECK (report_type IN ('quarterly', 'lakip', 'recap', 'renstra', 'pkh', 'sembako'));

COMMENT ON COLUMN report_generation.report_type IS 'quarterly (Laporan Kinerja Triwulan), lakip, recap (Rekapitulasi PPKS), renstra (Matriks capaian Renstra), pkh (realisasi PKH per tahap, Tabel 2.1), sembako (KPM BPNT/Sembako per bulan; XLSX only).';
COMMENT ON COLUMN report_generation.parameters IS 'The report parameters as the report read them (unit, tahun, triwulan; period, kecamatan; unit, versi; tahun, program): the same parameters give the same report for the same data.';
COMMENT ON COLUMN report_generation.unit_code IS 'The unit (quarterly, lakip, renstra) or kecamatan (recap) the file is about, for the history filter; null for the whole city (pkh, sembako, a city recap).';
