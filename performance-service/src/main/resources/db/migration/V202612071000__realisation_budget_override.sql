-- Why: a realised budget above the pagu (the agreement item's budget) is a consistency finding unless whoever reports
-- it says explicitly that it is meant, and why (a budget shift approved mid-year, a late invoice booked twice). The
-- override is part of the reported content, so it lives on the entry and is versioned with it; an override without
-- its reason is refused by the service and, as a second line, by the CHECK below.
ALTER TABLE realisation_entry
    ADD COLUMN budget_override        boolean NOT NULL DEFAULT false,
    ADD COLUMN budget_override_reason text,
    ADD CONSTRAINT realisation_entry_override_has_reason
        CHECK (budget_override = (budget_override_reason IS NOT NULL));

COMMENT ON COLUMN realisation_entry.budget_override IS
    'True when the reporter states that budget_realised above the item''s pagu is intended; silences that finding';
COMMENT ON COLUMN realisation_entry.budget_override_reason IS
    'Why the realised budget may exceed the pagu; present exactly when budget_override is true';

-- Monitoring reads a whole year of realisations of the city (or of a region) at once: by year, then unit.
CREATE INDEX realisation_by_year ON realisation (year, unit_code, quarter);
