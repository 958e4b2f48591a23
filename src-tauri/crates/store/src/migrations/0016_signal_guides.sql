-- 16: a branch's own wording of a signal's conversation guide (the defaults live in core, so only
-- what a coordinator changed is here). Shared: the branch's guides are the same on every laptop.
CREATE TABLE signal_guides (
    rule         TEXT PRIMARY KEY NOT NULL,
    why          TEXT NOT NULL,
    questions    TEXT NOT NULL,
    professional TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER sync_signal_guides_insert AFTER INSERT ON signal_guides WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('signal_guides', NEW.rule, '_row', 1),
    ('signal_guides', NEW.rule, 'rule', NEW.rule),
    ('signal_guides', NEW.rule, 'why', NEW.why),
    ('signal_guides', NEW.rule, 'questions', NEW.questions),
    ('signal_guides', NEW.rule, 'professional', NEW.professional),
    ('signal_guides', NEW.rule, 'updated_at', NEW.updated_at);
END;
CREATE TRIGGER sync_signal_guides_update AFTER UPDATE ON signal_guides WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'signal_guides', NEW.rule, 'why', NEW.why WHERE NEW.why IS NOT OLD.why
    UNION ALL SELECT 'signal_guides', NEW.rule, 'questions', NEW.questions WHERE NEW.questions IS NOT OLD.questions
    UNION ALL SELECT 'signal_guides', NEW.rule, 'professional', NEW.professional WHERE NEW.professional IS NOT OLD.professional
    UNION ALL SELECT 'signal_guides', NEW.rule, 'updated_at', NEW.updated_at WHERE NEW.updated_at IS NOT OLD.updated_at;
END;
CREATE TRIGGER sync_signal_guides_delete AFTER DELETE ON signal_guides WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('signal_guides', OLD.rule, '_row', 0); END;
