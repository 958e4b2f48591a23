-- 10: the coordinator's acts on signals travel between laptops; the signals themselves are
-- computed by every laptop from the shared data (sync/tables.rs). An act names its signal by
-- volunteer, rule and subject, which every laptop's evaluation gives alike; each laptop carries
-- the acts over to its own signals (api/src/signals.rs, carry_over_acts).
CREATE TABLE signal_acts (
    id               TEXT PRIMARY KEY NOT NULL,
    volunteer_id     TEXT NOT NULL REFERENCES volunteers (id),
    rule             TEXT NOT NULL,
    subject_match_id TEXT REFERENCES matches (id),
    to_status        TEXT NOT NULL CHECK (to_status IN ('open', 'acknowledged', 'snoozed', 'resolved')),
    on_date          TEXT NOT NULL,
    snoozed_until    TEXT,
    resolution       TEXT,
    note             TEXT,
    created_at       TEXT NOT NULL
);
CREATE INDEX signal_acts_by_signal ON signal_acts (volunteer_id, rule);

-- The acts this laptop has carried over to its own signals (local).
CREATE TABLE signal_acts_applied (
    act_id TEXT PRIMARY KEY NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER sync_signal_acts_insert AFTER INSERT ON signal_acts WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('signal_acts', NEW.id, '_row', 1),
    ('signal_acts', NEW.id, 'id', NEW.id),
    ('signal_acts', NEW.id, 'volunteer_id', NEW.volunteer_id),
    ('signal_acts', NEW.id, 'rule', NEW.rule),
    ('signal_acts', NEW.id, 'subject_match_id', NEW.subject_match_id),
    ('signal_acts', NEW.id, 'to_status', NEW.to_status),
    ('signal_acts', NEW.id, 'on_date', NEW.on_date),
    ('signal_acts', NEW.id, 'snoozed_until', NEW.snoozed_until),
    ('signal_acts', NEW.id, 'resolution', NEW.resolution),
    ('signal_acts', NEW.id, 'note', NEW.note),
    ('signal_acts', NEW.id, 'created_at', NEW.created_at);
END;
CREATE TRIGGER sync_signal_acts_update AFTER UPDATE ON signal_acts WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'signal_acts', NEW.id, 'volunteer_id', NEW.volunteer_id WHERE NEW.volunteer_id IS NOT OLD.volunteer_id
    UNION ALL SELECT 'signal_acts', NEW.id, 'rule', NEW.rule WHERE NEW.rule IS NOT OLD.rule
    UNION ALL SELECT 'signal_acts', NEW.id, 'subject_match_id', NEW.subject_match_id WHERE NEW.subject_match_id IS NOT OLD.subject_match_id
    UNION ALL SELECT 'signal_acts', NEW.id, 'to_status', NEW.to_status WHERE NEW.to_status IS NOT OLD.to_status
    UNION ALL SELECT 'signal_acts', NEW.id, 'on_date', NEW.on_date WHERE NEW.on_date IS NOT OLD.on_date
    UNION ALL SELECT 'signal_acts', NEW.id, 'snoozed_until', NEW.snoozed_until WHERE NEW.snoozed_until IS NOT OLD.snoozed_until
    UNION ALL SELECT 'signal_acts', NEW.id, 'resolution', NEW.resolution WHERE NEW.resolution IS NOT OLD.resolution
    UNION ALL SELECT 'signal_acts', NEW.id, 'note', NEW.note WHERE NEW.note IS NOT OLD.note
    UNION ALL SELECT 'signal_acts', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at;
END;
CREATE TRIGGER sync_signal_acts_delete AFTER DELETE ON signal_acts WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('signal_acts', OLD.id, '_row', 0); END;
