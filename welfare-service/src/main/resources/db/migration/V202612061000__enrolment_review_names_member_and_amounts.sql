-- A death, a move out of the city or a member leaving the card changes what the whole family is entitled to, not only
-- the enrolment of the person it happened to (issue 19): a review is now opened on every running enrolment of the
-- family, and it names the member, what changed and the amount before and after, so the verifier sees what is at stake.
-- * member_person_id / member_nik: the member the change is about; reviews opened before this change were always
--   about the enrolled person, so they take the enrolment's person and NIK.
-- * One open review per enrolment, member and reason: a second event about the same change (the registry re-sending
--   it under a new id) must not open it twice; the inbox only dedupes the same event id.
-- * ends_on_confirm: confirming a review of the enrolled person's death or move away ends the enrolment (as before);
--   confirming another member's change accepts it and the enrolment goes on with the amount after.
ALTER TABLE enrolment_review DROP CONSTRAINT enrolment_review_reason_check;
ALTER TABLE enrolment_review ADD CONSTRAINT enrolment_review_reason_check
    CHECK (reason IN ('MENINGGAL', 'PINDAH_KELUAR_KOTA', 'KELUAR_KK'));

ALTER TABLE enrolment_review
    ADD COLUMN member_person_id uuid,
    ADD COLUMN member_nik       text,
    ADD COLUMN amount_before    bigint CHECK (amount_before >= 0),
    ADD COLUMN amount_after     bigint CHECK (amount_after >= 0),
    ADD COLUMN amount_per       text CHECK (amount_per IN ('TAHUN', 'TAHAP', 'BULAN', 'KELOMPOK')),
    ADD COLUMN ends_on_confirm  boolean NOT NULL DEFAULT true;

UPDATE enrolment_review r SET member_person_id = e.person_id, member_nik = e.nik
FROM enrolment e WHERE e.id = r.enrolment_id;

ALTER TABLE enrolment_review ALTER COLUMN member_person_id SET NOT NULL, ALTER COLUMN member_nik SET NOT NULL;

CREATE UNIQUE INDEX enrolment_review_open_once ON enrolment_review (enrolment_id, member_person_id, reason)
    WHERE status = 'TERBUKA';

COMMENT ON COLUMN enrolment_review.member_person_id IS
    'The family member the change is about (may differ from the enrolment''s named person).';
COMMENT ON COLUMN enrolment_review.member_nik IS 'That member''s NIK as the event stated it.';
COMMENT ON COLUMN enrolment_review.amount_before IS
    'Rupiah per amount_per the enrolment was entitled to before the change (PKH: its components on the event date); '
    'NULL when the catalogue has no amount in force then.';
COMMENT ON COLUMN enrolment_review.amount_after IS
    'The same after the change; equal to amount_before for programmes with a flat amount.';
COMMENT ON COLUMN enrolment_review.ends_on_confirm IS
    'Whether KONFIRMASI ends the enrolment (the enrolled person died or moved away, or nothing is left to pay) '
    'or accepts the change and keeps it running.';
