-- Why: welfare-service's tables were created without COMMENT ON, so someone reading the database (an auditor, an
-- operator with psql, a reporting analyst) had to find the migrations to learn what a column means, which unit a
-- figure is in and which rule a value obeys. The comments say only what the name does not. Released migrations are
-- never edited, so they come in this one.
COMMENT ON TABLE programme IS 'Social programmes the city administers or records (PKH, BPNT/Sembako, KUBE, PPKS services, national aid); registered by migration from the reference seeds or through the catalogue API.';
COMMENT ON COLUMN programme.unit IS 'Who a KPM of this programme is: KELUARGA (a family, one enrolment per household), KELOMPOK (a group such as a KUBE) or ORANG (a person).';
COMMENT ON COLUMN programme.source IS 'The document or regulation the programme''s definition was taken from.';
COMMENT ON COLUMN programme.started_on IS 'First day the programme ran in the city, where known; cycles before it are refused.';

COMMENT ON TABLE programme_amount IS 'Effective-dated benefit amounts: a change is a new row with a later valid_from, never an update; the row in force on a date is the newest with valid_from on or before it.';
COMMENT ON COLUMN programme_amount.component IS 'Benefit component (for PKH the family member category such as ANAK_USIA_DINI or LANSIA; for flat programmes a single component).';
COMMENT ON COLUMN programme_amount.per IS 'What one rupiah figure covers: a year, a tahap (payment stage), a month, or one group.';
COMMENT ON COLUMN programme_amount.rupiah IS 'Amount in whole rupiah for one unit of per.';

COMMENT ON TABLE programme_parameter IS 'Effective-dated numeric rules of a programme (caps per component and per family, DESIL_MAKS for eligibility, age limits); same versioning as programme_amount.';
COMMENT ON COLUMN programme_parameter.value IS 'The rule''s value as an integer (a count, an age in years, a decile, or rupiah, as the parameter name says).';

COMMENT ON TABLE resident IS 'welfare-service''s copy of household-service''s persons, kept from household.events only; enrolment and verification read it instead of calling household-service.';
COMMENT ON COLUMN resident.life_status IS 'HIDUP, MENINGGAL or PINDAH (moved out of the city), as the last household event said.';
COMMENT ON COLUMN resident.household_id IS 'The household (KK) the person belongs to now; null after the person left a household without joining another.';
COMMENT ON COLUMN resident.updated_at IS 'Time of the household event that last changed this row (the event''s time, not the time it was handled).';

COMMENT ON TABLE enrolment IS 'KPM (keluarga/penerima manfaat): a family or person enrolled in a programme for a period.';
COMMENT ON COLUMN enrolment.nik IS 'NIK of the person the enrolment was made under (for family programmes usually the head); kept as enrolled even if the registry later corrects it.';
COMMENT ON COLUMN enrolment.beneficiary_key IS 'The household for family programmes, the person otherwise: what the exclusion constraint enrolment_once_per_period keeps from being enrolled twice in overlapping periods.';
COMMENT ON COLUMN enrolment.kelurahan_code IS 'Where the beneficiary lives now (moved with a household relocation); region scope and per-kelurahan counts read it.';
COMMENT ON COLUMN enrolment.period_end IS 'Last day of the enrolment; null while it runs open-ended.';
COMMENT ON COLUMN enrolment.status IS 'AKTIF, DITINJAU (a review is open until a verifier decides) or BERAKHIR (ended, with end_reason).';
COMMENT ON COLUMN enrolment.version IS 'Change counter: incremented by every update of the row.';

COMMENT ON TABLE enrolment_review IS 'A change in the registry (death, move out of the city, ...) that may end or change an enrolment, waiting for a verifier''s decision; nothing is ended automatically.';
COMMENT ON COLUMN enrolment_review.event_date IS 'Date the change happened according to the registry (date of death, date of the move), not the date the review was opened.';
COMMENT ON COLUMN enrolment_review.source_event_id IS 'Id of the household event that opened the review; with enrolment_id unique, so a redelivered event opens nothing twice.';

COMMENT ON TABLE verification_access IS 'Personal-data access log of the agency verification API (UU 27/2022): one row per answer, append-only (a trigger refuses updates and deletes).';
COMMENT ON COLUMN verification_access.client_id IS 'OAuth client of the calling agency (client-credentials token).';
COMMENT ON COLUMN verification_access.caller IS 'Subject of the token (service account or person) that asked.';
COMMENT ON COLUMN verification_access.person_id IS 'The resident the NIK resolved to; null when the NIK is not registered.';
COMMENT ON COLUMN verification_access.purpose IS 'Purpose declared by the caller in the X-Purpose header.';

COMMENT ON TABLE benefit_cycle IS 'One payment round of a programme (a PKH tahap, a Sembako month, a saturation round): what was ordered (SP2D) and what was paid (realisasi).';
COMMENT ON COLUMN benefit_cycle.label IS 'The round''s name in the agencies'' documents (e.g. "Tahap 1", "Januari"), unique per programme and year.';
COMMENT ON COLUMN benefit_cycle.sp2d_kpm IS 'Number of KPM in the payment order (SP2D).';
COMMENT ON COLUMN benefit_cycle.sp2d_rupiah IS 'Rupiah in the payment order (SP2D).';
COMMENT ON COLUMN benefit_cycle.realised_kpm IS 'KPM actually paid as the bank reported; null until reported, never above sp2d_kpm.';
COMMENT ON COLUMN benefit_cycle.realised_rupiah IS 'Rupiah actually paid as the bank reported; null until reported, never above sp2d_rupiah.';
COMMENT ON TABLE benefit_cycle_gap IS 'Why a round''s realisation fell short of its SP2D, per reason: KPM and rupiah not paid.';

COMMENT ON TABLE benefit_payment IS 'What one enrolment was paid in one round, or why it was not; stored whole per list, never above the round''s SP2D.';
COMMENT ON COLUMN benefit_payment.kelurahan_code IS 'Where the enrolment was when the payment was recorded: a later move does not move the money.';

COMMENT ON TABLE kelurahan IS 'The city''s kelurahan codes, copied unchanged from the shared region reference, so a case''s region is checked without asking household-service.';

COMMENT ON TABLE ppks_case IS 'PPKS register: a person in need of social welfare services, with one or more of the 26 categories, until the case is closed.';
COMMENT ON COLUMN ppks_case.person_id IS 'The resident with this NIK when the case was recorded; null if the NIK was not (yet) in the registry.';
COMMENT ON COLUMN ppks_case.found_at IS 'Where the person was found (a free-text place as the field officer wrote it).';
COMMENT ON COLUMN ppks_case.status IS 'TERDATA (recorded), DITANGANI (at least one service recorded: what the IKU counts) or DITUTUP (closed with close_reason).';
COMMENT ON TABLE ppks_service IS 'A service given to a PPKS case; the first one makes the case "ditangani".';
COMMENT ON COLUMN ppks_service.provider IS 'Who gave the service (an agency, a panti, a social worker).';
COMMENT ON TABLE psks_entry IS 'PSKS register: the city''s social-welfare potential and resources, persons (with NIK) or organisations (without), per kelurahan.';

COMMENT ON TABLE decile_import IS 'One quarter''s DTSEN decile list as uploaded: immutable, a second upload for the same quarter is refused.';
COMMENT ON COLUMN decile_import.period_from IS 'First day the list is in force; eligibility on a date reads the newest list in force.';
COMMENT ON COLUMN decile_import.file_sha256 IS 'SHA-256 of the uploaded file, so an answer can name exactly which file it read.';
COMMENT ON COLUMN decile_snapshot.decile IS 'DTSEN welfare decile of the family: 1 = poorest tenth of the nation, 10 = richest.';

COMMENT ON TABLE verivali_batch IS 'A recipient list uploaded for verification and validation against the resident copy.';
COMMENT ON TABLE verivali_row IS 'A row of a verivali list as it came, with its classification and the verifier''s decision; written by one INSERT ... SELECT per batch.';
COMMENT ON COLUMN verivali_row.row_no IS 'Row number in the uploaded file (the header is row 1), so findings point at the file.';
COMMENT ON COLUMN verivali_row.match_status IS 'PADAN (matches the registry) or TIDAK_PADAN (does not; reason says why).';
COMMENT ON COLUMN verivali_row.eligible IS 'Whether the family''s decile in the newest list in force is within the programme''s DESIL_MAKS; null when no decile is known.';

COMMENT ON TABLE musyawarah_proposal IS 'A kelurahan deliberation''s proposal to add a family to a programme or remove one, decided by Dinas Sosial; the proposer may not decide it (CHECK).';
COMMENT ON TABLE expansion_round IS 'PKH expansion, update and validation rounds: candidate families checked and how many were found eligible; yearly totals are computed, never stored.';
COMMENT ON TABLE programme_exclusion IS 'Which programme may not go to a family that is already a KPM of another; effective-dated like amounts, excluded = false lifts an earlier exclusion.';
