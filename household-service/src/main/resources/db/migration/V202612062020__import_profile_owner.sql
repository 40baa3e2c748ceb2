-- Why: any kelurahan operator could overwrite any mapping profile, for instance swap its NIK and KK columns under
-- another kelurahan's imports, and the previous mapping was lost. A profile now has an owner: a region (created by
-- kelurahan or kecamatan staff), an agency (created by city-level staff of an OPD), or the whole city (Dinas Sosial
-- admins only). Only the owner's staff or a Dinas Sosial admin may change it, and every saved version is kept.
-- Profiles created before owners existed become city-wide: from now on only an admin changes them.
ALTER TABLE import_profile
    ADD COLUMN owner_kind text NOT NULL DEFAULT 'KOTA' CHECK (owner_kind IN ('WILAYAH', 'OPD', 'KOTA')),
    ADD COLUMN owner text,
    ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE import_profile ALTER COLUMN owner_kind DROP DEFAULT;
ALTER TABLE import_profile ADD CONSTRAINT import_profile_owner CHECK ((owner_kind = 'KOTA') = (owner IS NULL));
COMMENT ON COLUMN import_profile.owner_kind IS 'WILAYAH: owned by the staff of the region in owner; OPD: by the staff of the agency in owner; KOTA: city-wide, changed by Dinas Sosial admins only.';
COMMENT ON COLUMN import_profile.owner IS 'Region code (WILAYAH) or agency, the token''s opd claim (OPD); null for KOTA.';
COMMENT ON COLUMN import_profile.version IS 'Number of the current version; every version, this one included, is in import_profile_version.';

CREATE TABLE import_profile_version (
    name        text NOT NULL REFERENCES import_profile (name),
    version     integer NOT NULL,
    description text,
    columns     jsonb NOT NULL,
    owner_kind  text NOT NULL,
    owner       text,
    saved_by    text NOT NULL,
    saved_at    timestamptz NOT NULL,
    PRIMARY KEY (name, version)
);
COMMENT ON TABLE import_profile_version IS 'Every saved version of a mapping profile, so that a change can be seen and undone.';

INSERT INTO import_profile_version (name, version, description, columns, owner_kind, owner, saved_by, saved_at)
SELECT name, 1, description, columns, owner_kind, owner, updated_by, updated_at FROM import_profile;
