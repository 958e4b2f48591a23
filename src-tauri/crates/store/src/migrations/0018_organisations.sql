-- 18: the sociale kaart — the organisations a branch refers to. Kinds and domains are
-- comma-separated wire names (`debt_help,wijkteam`, `money,housing`). Shared: the branch's map is
-- the same on every laptop.
CREATE TABLE organisations (
    id            TEXT PRIMARY KEY NOT NULL,
    name          TEXT NOT NULL,
    what          TEXT,
    kinds         TEXT NOT NULL,
    domains       TEXT NOT NULL,
    contact       TEXT,
    opening_hours TEXT,
    notes         TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE TRIGGER sync_organisations_insert AFTER INSERT ON organisations WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('organisations', NEW.id, '_row', 1),
    ('organisations', NEW.id, 'id', NEW.id),
    ('organisations', NEW.id, 'name', NEW.name),
    ('organisations', NEW.id, 'what', NEW.what),
    ('organisations', NEW.id, 'kinds', NEW.kinds),
    ('organisations', NEW.id, 'domains', NEW.domains),
    ('organisations', NEW.id, 'contact', NEW.contact),
    ('organisations', NEW.id, 'opening_hours', NEW.opening_hours),
    ('organisations', NEW.id, 'notes', NEW.notes),
    ('organisations', NEW.id, 'created_at', NEW.created_at),
    ('organisations', NEW.id, 'updated_at', NEW.updated_at);
END;
CREATE TRIGGER sync_organisations_update AFTER UPDATE ON organisations WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'organisations', NEW.id, 'name', NEW.name WHERE NEW.name IS NOT OLD.name
    UNION ALL SELECT 'organisations', NEW.id, 'what', NEW.what WHERE NEW.what IS NOT OLD.what
    UNION ALL SELECT 'organisations', NEW.id, 'kinds', NEW.kinds WHERE NEW.kinds IS NOT OLD.kinds
    UNION ALL SELECT 'organisations', NEW.id, 'domains', NEW.domains WHERE NEW.domains IS NOT OLD.domains
    UNION ALL SELECT 'organisations', NEW.id, 'contact', NEW.contact WHERE NEW.contact IS NOT OLD.contact
    UNION ALL SELECT 'organisations', NEW.id, 'opening_hours', NEW.opening_hours WHERE NEW.opening_hours IS NOT OLD.opening_hours
    UNION ALL SELECT 'organisations', NEW.id, 'notes', NEW.notes WHERE NEW.notes IS NOT OLD.notes
    UNION ALL SELECT 'organisations', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at
    UNION ALL SELECT 'organisations', NEW.id, 'updated_at', NEW.updated_at WHERE NEW.updated_at IS NOT OLD.updated_at;
END;
CREATE TRIGGER sync_organisations_delete AFTER DELETE ON organisations WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('organisations', OLD.id, '_row', 0); END;
