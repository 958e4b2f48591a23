-- 24: goals and results (issue 15). Each programme keeps a short list of goals (the defaults are
-- seeded by key, as the activity catalogue is); a match records the goals it works towards, and
-- each gets a result (reached, partly, not_reached) when the match ends. Shared.
CREATE TABLE programme_goals (
    id           TEXT PRIMARY KEY NOT NULL,
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    seed_key     TEXT UNIQUE,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order   INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX programme_goals_by_programme ON programme_goals (programme_id);
CREATE TABLE match_goals (
    match_id TEXT NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    goal_id  TEXT NOT NULL REFERENCES programme_goals (id),
    result   TEXT CHECK (result IN ('reached', 'partly', 'not_reached')),
    PRIMARY KEY (match_id, goal_id)
) WITHOUT ROWID;

CREATE TRIGGER sync_programme_goals_insert AFTER INSERT ON programme_goals WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('programme_goals', NEW.id, '_row', 1),
    ('programme_goals', NEW.id, 'id', NEW.id),
    ('programme_goals', NEW.id, 'programme_id', NEW.programme_id),
    ('programme_goals', NEW.id, 'seed_key', NEW.seed_key),
    ('programme_goals', NEW.id, 'name', NEW.name),
    ('programme_goals', NEW.id, 'active', NEW.active),
    ('programme_goals', NEW.id, 'sort_order', NEW.sort_order),
    ('programme_goals', NEW.id, 'created_at', NEW.created_at),
    ('programme_goals', NEW.id, 'updated_at', NEW.updated_at);
END;
CREATE TRIGGER sync_programme_goals_update AFTER UPDATE ON programme_goals WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'programme_goals', NEW.id, 'programme_id', NEW.programme_id WHERE NEW.programme_id IS NOT OLD.programme_id
    UNION ALL SELECT 'programme_goals', NEW.id, 'seed_key', NEW.seed_key WHERE NEW.seed_key IS NOT OLD.seed_key
    UNION ALL SELECT 'programme_goals', NEW.id, 'name', NEW.name WHERE NEW.name IS NOT OLD.name
    UNION ALL SELECT 'programme_goals', NEW.id, 'active', NEW.active WHERE NEW.active IS NOT OLD.active
    UNION ALL SELECT 'programme_goals', NEW.id, 'sort_order', NEW.sort_order WHERE NEW.sort_order IS NOT OLD.sort_order
    UNION ALL SELECT 'programme_goals', NEW.id, 'created_at', NEW.created_at WHERE NEW.created_at IS NOT OLD.created_at
    UNION ALL SELECT 'programme_goals', NEW.id, 'updated_at', NEW.updated_at WHERE NEW.updated_at IS NOT OLD.updated_at;
END;
CREATE TRIGGER sync_programme_goals_delete AFTER DELETE ON programme_goals WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('programme_goals', OLD.id, '_row', 0); END;
CREATE TRIGGER sync_match_goals_insert AFTER INSERT ON match_goals WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES
    ('match_goals', NEW.match_id || '|' || NEW.goal_id, '_row', 1),
    ('match_goals', NEW.match_id || '|' || NEW.goal_id, 'match_id', NEW.match_id),
    ('match_goals', NEW.match_id || '|' || NEW.goal_id, 'goal_id', NEW.goal_id),
    ('match_goals', NEW.match_id || '|' || NEW.goal_id, 'result', NEW.result);
END;
CREATE TRIGGER sync_match_goals_update AFTER UPDATE ON match_goals WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val)
    SELECT 'match_goals', NEW.match_id || '|' || NEW.goal_id, 'match_id', NEW.match_id WHERE NEW.match_id IS NOT OLD.match_id
    UNION ALL SELECT 'match_goals', NEW.match_id || '|' || NEW.goal_id, 'goal_id', NEW.goal_id WHERE NEW.goal_id IS NOT OLD.goal_id
    UNION ALL SELECT 'match_goals', NEW.match_id || '|' || NEW.goal_id, 'result', NEW.result WHERE NEW.result IS NOT OLD.result;
END;
CREATE TRIGGER sync_match_goals_delete AFTER DELETE ON match_goals WHEN (SELECT capture FROM sync_self) = 1
BEGIN INSERT INTO sync_pending (tbl, row_key, col, val) VALUES ('match_goals', OLD.match_id || '|' || OLD.goal_id, '_row', 0); END;
