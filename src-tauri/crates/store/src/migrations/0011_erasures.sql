-- 11: erasure across laptops (AVG art. 17). Erasing a person records their id here (never a
-- name) with their row as the erasure left it (a placeholder name, no contact: nothing personal);
-- the record travels like any shared row, and every laptop that receives it erases the person
-- itself, sets the row to exactly that, and drops every later change to them
-- (store/src/sync/apply.rs).
CREATE TABLE erasures (
    id         TEXT PRIMARY KEY NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('volunteer', 'participant')),
    erased_on  TEXT NOT NULL,
    erased_row TEXT NOT NULL
);

CREATE TRIGGER sync_erasures_insert AFTER INSERT ON erasures WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('erasures', NEW.id, '_row', 1),
    ('erasures', NEW.id, 'id', NEW.id),
    ('erasures', NEW.id, 'kind', NEW.kind),
    ('erasures', NEW.id, 'erased_on', NEW.erased_on),
    ('erasures', NEW.id, 'erased_row', NEW.erased_row);
END;
CREATE TRIGGER sync_erasures_update AFTER UPDATE ON erasures WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'erasures', NEW.id, 'kind', NEW.kind WHERE NEW.kind IS NOT OLD.kind
    UNION ALL SELECT 'erasures', NEW.id, 'erased_on', NEW.erased_on WHERE NEW.erased_on IS NOT OLD.erased_on
    UNION ALL SELECT 'erasures', NEW.id, 'erased_row', NEW.erased_row WHERE NEW.erased_row IS NOT OLD.erased_row;
END;
CREATE TRIGGER sync_erasures_delete AFTER DELETE ON erasures WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('erasures', OLD.id, '_row', 0); END;
