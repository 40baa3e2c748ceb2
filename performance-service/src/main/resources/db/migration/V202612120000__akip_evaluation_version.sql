-- Why: two auditors saving the same unit's evaluation of a year at once must not overwrite each other unseen (the
-- later save silently won). The evaluation now carries a version, answered as its ETag: a replacement names the
-- version it was read at in If-Match and is refused (412) when another save came first; every recording or
-- replacement raises it by one. Evaluations recorded before start at 1.
ALTER TABLE akip_evaluation ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
COMMENT ON COLUMN akip_evaluation.version IS 'Optimistic-lock version, the evaluation''s ETag: 1 when first recorded, raised by one by every replacement; a replacement must name it in If-Match.';
