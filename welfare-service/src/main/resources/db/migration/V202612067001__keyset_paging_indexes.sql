-- Why: the enrolment (KPM) and PPKS lists are walked by keyset (issue 19 item 5): each page continues after the
-- last row's sort key, which costs the same on the last page as on the first only when an index holds the list's
-- order: enrolments by programme, period start and id; PPKS cases newest first (found on, descending), then id.
-- Verivali rows need none: their primary key (batch_id, row_no) is their order.
CREATE INDEX enrolment_list_order ON enrolment (programme_code, period_start, id);
CREATE INDEX ppks_case_list_order ON ppks_case (found_on DESC, id);
