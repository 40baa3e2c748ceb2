-- Musyawarah kelurahan: the kelurahan's deliberation proposes adding families to a programme or removing them
-- (deceased, well-off, moved); Dinas Sosial accepts or rejects each proposal. Four eyes: the CHECK makes it impossible
-- for the proposer to decide their own proposal, whatever path writes the row.
CREATE TABLE musyawarah_proposal (
    id              uuid PRIMARY KEY,
    kelurahan_code  text        NOT NULL REFERENCES kelurahan (code),
    programme_code  text        NOT NULL REFERENCES programme (code),
    kind            text        NOT NULL CHECK (kind IN ('TAMBAH', 'HAPUS')),
    nik             text        NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
    person_id       uuid        NOT NULL,
    reason          text        NOT NULL CHECK (reason IN ('LAYAK', 'MENINGGAL', 'MAMPU', 'PINDAH')),
    meeting_date    date        NOT NULL,
    note            text,
    status          text        NOT NULL DEFAULT 'DIUSULKAN' CHECK (status IN ('DIUSULKAN', 'DISETUJUI', 'DITOLAK')),
    proposed_by     text        NOT NULL,
    proposed_at     timestamptz NOT NULL DEFAULT now(),
    decided_by      text,
    decision_reason text,
    decided_at      timestamptz,
    CHECK (decided_by IS NULL OR decided_by <> proposed_by),
    CHECK ((kind = 'TAMBAH') = (reason = 'LAYAK'))
);
CREATE INDEX musyawarah_proposal_region ON musyawarah_proposal (kelurahan_code, status);
