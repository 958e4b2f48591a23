-- 23: short anonymised stories for funder reports (issue 15): a title, the text, the period it is
-- about, and whether the coordinator chose it for reports (only possible while nothing in it points
-- at a person; the api checks). Shared: a branch tells its stories on every laptop.
CREATE TABLE stories (
    id         TEXT PRIMARY KEY NOT NULL,
    title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
    text       TEXT NOT NULL,
    first_day  TEXT NOT NULL,
    last_day   TEXT NOT NULL,
    in_report  INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TRIGGER sync_stories_insert AFTER INSERT ON stories WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('stories', NEW.id, '_row', 1),
    ('stories', NEW.id, 'id', NEW.id),
    ('stories', NEW.id, 'title', NEW.title),
    ('stories', NEW.id, 'text', NEW.text),
    ('stories', NEW.id, 'first_day', NEW.first_day),
    ('stories', NEW.id, 'last_day', NEW.last_day),
    ('stories', NEW.id, 'in_report', NEW.in_report),
    ('stories', NEW.id, 'created_at', NEW.created_at),
    ('stories', NEW.id, 'updated_at', NEW.updated_at);
END;
CREATE TRIGGER sync_stories_update AFTER UPDATE ON stories WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'stories', NEW.id, 'title', NEW.title WHERE NEW.title IS NOT OLD.title
    UNION ALL SELECT 'stories', NEW.id, 'text', NEW.text WHERE NEW.text IS NOT OLD.text
    UNION ALL SELECT 'stories', NEW.id, 'first_day', NEW.first_day WHERE NEW.first_day IS NOT OLD.first_day
    UNION ALL SELECT 'stories', NEW.id, 'last_day', NEW.last_day WHERE NEW.last_day IS NOT OLD.last_day
    UNION ALL SELECT 'stories', NEW.id, 'in_report', NEW.in_report WHERE NEW.in_report IS NOT OLD.in_report
    UNION ALL SELECT 'stories', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at
    UNION ALL SELECT 'stories', NEW.id, 'updated_at', NEW.updated_at WHERE NEW.updated_at IS NOT OLD.updated_at;
END;
CREATE TRIGGER sync_stories_delete AFTER DELETE ON stories WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('stories', OLD.id, '_row', 0); END;
