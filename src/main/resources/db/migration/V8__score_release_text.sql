-- The kept copy is stored as the exact text that was released: parsing it into jsonb on every
-- insert cost the database more than the audit entry did, and nothing queries inside it.
ALTER TABLE score_release ALTER COLUMN body TYPE text USING body::text;
