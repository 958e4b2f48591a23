-- 22: the municipalities a branch serves and the subsidies it reports on (issue 15). A participant
-- lives in one of the branch's municipalities (optional); a subsidy has a funder, the municipality it
-- is for (none: a foundation's), a period, the programmes it pays for (comma-separated ids) and an
-- amount in cents. All shared. No foreign keys on the municipality: another laptop may remove a
-- municipality while this one assigns it; a participant whose municipality is gone reads as none.
CREATE TABLE municipalities (
    id         TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
ALTER TABLE participants ADD COLUMN municipality_id TEXT;
CREATE INDEX participants_by_municipality ON participants (municipality_id) WHERE municipality_id IS NOT NULL;
CREATE TABLE subsidies (
    id              TEXT PRIMARY KEY NOT NULL,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    funder          TEXT NOT NULL,
    municipality_id TEXT,
    first_day       TEXT NOT NULL,
    last_day        TEXT NOT NULL,
    programmes      TEXT NOT NULL,
    amount_cents    INTEGER NOT NULL CHECK (amount_cents >= 0),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TRIGGER sync_municipalities_insert AFTER INSERT ON municipalities WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('municipalities', NEW.id, '_row', 1),
    ('municipalities', NEW.id, 'id', NEW.id),
    ('municipalities', NEW.id, 'name', NEW.name),
    ('municipalities', NEW.id, 'created_at', NEW.created_at),
    ('municipalities', NEW.id, 'updated_at', NEW.updated_at);
END;
CREATE TRIGGER sync_municipalities_update AFTER UPDATE ON municipalities WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'municipalities', NEW.id, 'name', NEW.name WHERE NEW.name IS NOT OLD.name
    UNION ALL SELECT 'municipalities', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at
    UNION ALL SELECT 'municipalities', NEW.id, 'updated_at', NEW.updated_at WHERE NEW.updated_at IS NOT OLD.updated_at;
END;
CREATE TRIGGER sync_municipalities_delete AFTER DELETE ON municipalities WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('municipalities', OLD.id, '_row', 0); END;
CREATE TRIGGER sync_subsidies_insert AFTER INSERT ON subsidies WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('subsidies', NEW.id, '_row', 1),
    ('subsidies', NEW.id, 'id', NEW.id),
    ('subsidies', NEW.id, 'name', NEW.name),
    ('subsidies', NEW.id, 'funder', NEW.funder),
    ('subsidies', NEW.id, 'municipality_id', NEW.municipality_id),
    ('subsidies', NEW.id, 'first_day', NEW.first_day),
    ('subsidies', NEW.id, 'last_day', NEW.last_day),
    ('subsidies', NEW.id, 'programmes', NEW.programmes),
    ('subsidies', NEW.id, 'amount_cents', NEW.amount_cents),
    ('subsidies', NEW.id, 'created_at', NEW.created_at),
    ('subsidies', NEW.id, 'updated_at', NEW.updated_at);
END;
CREATE TRIGGER sync_subsidies_update AFTER UPDATE ON subsidies WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'subsidies', NEW.id, 'name', NEW.name WHERE NEW.name IS NOT OLD.name
    UNION ALL SELECT 'subsidies', NEW.id, 'funder', NEW.funder WHERE NEW.funder IS NOT OLD.funder
    UNION ALL SELECT 'subsidies', NEW.id, 'municipality_id', NEW.municipality_id WHERE NEW.municipality_id IS NOT OLD.municipality_id
    UNION ALL SELECT 'subsidies', NEW.id, 'first_day', NEW.first_day WHERE NEW.first_day IS NOT OLD.first_day
    UNION ALL SELECT 'subsidies', NEW.id, 'last_day', NEW.last_day WHERE NEW.last_day IS NOT OLD.last_day
    UNION ALL SELECT 'subsidies', NEW.id, 'programmes', NEW.programmes WHERE NEW.programmes IS NOT OLD.programmes
    UNION ALL SELECT 'subsidies', NEW.id, 'amount_cents', NEW.amount_cents WHERE NEW.amount_cents IS NOT OLD.amount_cents
    UNION ALL SELECT 'subsidies', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at
    UNION ALL SELECT 'subsidies', NEW.id, 'updated_at', NEW.updated_at WHERE NEW.updated_at IS NOT OLD.updated_at;
END;
CREATE TRIGGER sync_subsidies_delete AFTER DELETE ON subsidies WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('subsidies', OLD.id, '_row', 0); END;
DROP TRIGGER sync_participants_insert;
DROP TRIGGER sync_participants_update;
CREATE TRIGGER sync_participants_insert AFTER INSERT ON participants WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('participants', NEW.id, '_row', 1),
    ('participants', NEW.id, 'id', NEW.id),
    ('participants', NEW.id, 'label', NEW.label),
    ('participants', NEW.id, 'contact', NEW.contact),
    ('participants', NEW.id, 'consent_date', NEW.consent_date),
    ('participants', NEW.id, 'created_at', NEW.created_at),
    ('participants', NEW.id, 'updated_at', NEW.updated_at),
    ('participants', NEW.id, 'consent_by', NEW.consent_by),
    ('participants', NEW.id, 'consent_scope', NEW.consent_scope),
    ('participants', NEW.id, 'anonymised_on', NEW.anonymised_on),
    ('participants', NEW.id, 'municipality_id', NEW.municipality_id);
END;
CREATE TRIGGER sync_participants_update AFTER UPDATE ON participants WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'participants', NEW.id, 'label', NEW.label WHERE NEW.label IS NOT OLD.label
    UNION ALL SELECT 'participants', NEW.id, 'contact', NEW.contact WHERE NEW.contact IS NOT OLD.contact
    UNION ALL SELECT 'participants', NEW.id, 'consent_date', NEW.consent_date WHERE NEW.consent_date IS NOT OLD.consent_date
    UNION ALL SELECT 'participants', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at
    UNION ALL SELECT 'participants', NEW.id, 'updated_at', NEW.updated_at WHERE NEW.updated_at IS NOT OLD.updated_at
    UNION ALL SELECT 'participants', NEW.id, 'consent_by', NEW.consent_by WHERE NEW.consent_by IS NOT OLD.consent_by
    UNION ALL SELECT 'participants', NEW.id, 'consent_scope', NEW.consent_scope WHERE NEW.consent_scope IS NOT OLD.consent_scope
    UNION ALL SELECT 'participants', NEW.id, 'anonymised_on', NEW.anonymised_on WHERE NEW.anonymised_on IS NOT OLD.anonymised_on
    UNION ALL SELECT 'participants', NEW.id, 'municipality_id', NEW.municipality_id WHERE NEW.municipality_id IS NOT OLD.municipality_id;
END;
