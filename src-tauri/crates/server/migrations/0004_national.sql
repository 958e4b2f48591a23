-- 4: the national picture (issue 17). Branches publish their monthly figures — counts and minutes,
-- never a name or free text — into the schema draagkracht_national (made by bootstrap.sql, apart
-- from the sharing schema); the national office and the regions read them.
--
-- Unlike sharing, which reaches the server only through SECURITY DEFINER functions behind one
-- login, every account here is a login of its own, and PostgreSQL's row-level security decides
-- what it reads and writes: a branch's account its own rows; a region's its branches'; the
-- national office's all. Accounts are made by `draagkracht-cli national-account` with an
-- administrator's login.

CREATE TABLE draagkracht_national.branches (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 120),
    region text CHECK (length(region) BETWEEN 1 AND 120),
    -- The key its publication files are signed with, as first seen (trust on first use).
    verify_key bytea CHECK (length(verify_key) = 32)
);

CREATE TABLE draagkracht_national.accounts (
    login name PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('branch', 'region', 'national')),
    branch_id integer REFERENCES draagkracht_national.branches (id),
    region text,
    CHECK ((kind = 'branch') = (branch_id IS NOT NULL)),
    CHECK ((kind = 'region') = (region IS NOT NULL))
);

-- One row per branch and month published; a later publication of a month replaces it.
CREATE TABLE draagkracht_national.publications (
    branch_id integer NOT NULL REFERENCES draagkracht_national.branches (id),
    month date NOT NULL CHECK (extract(day FROM month) = 1),
    published_at timestamptz NOT NULL,
    via text NOT NULL CHECK (via IN ('server', 'file')),
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (branch_id, month)
);

-- The figures (core/src/national.rs): names, parts and details are fixed words and numbers, so
-- no free text can be stored here; a scope is '' (the whole branch) or a municipality's name.
CREATE TABLE draagkracht_national.figures (
    branch_id integer NOT NULL,
    month date NOT NULL,
    scope text NOT NULL CHECK (length(scope) <= 120),
    win "char" NOT NULL CHECK (win IN ('m', 'q', 'y')),
    figure text NOT NULL CHECK (figure ~ '^[a-z_]{1,40}$'),
    part text NOT NULL CHECK (part ~ '^[a-z_]{0,40}$'),
    detail text NOT NULL CHECK (detail ~ '^[a-z_0-9]{0,40}$'),
    value bigint NOT NULL,
    FOREIGN KEY (branch_id, month) REFERENCES draagkracht_national.publications ON DELETE CASCADE
);
CREATE INDEX figures_by_month ON draagkracht_national.figures (month, scope, branch_id);
CREATE INDEX figures_by_publication ON draagkracht_national.figures (branch_id, month);

-- Publication files taken in, by their SHA-256: each is accepted once.
CREATE TABLE draagkracht_national.accepted_files (
    sha256 bytea PRIMARY KEY CHECK (length(sha256) = 32),
    branch_id integer NOT NULL REFERENCES draagkracht_national.branches (id),
    accepted_at timestamptz NOT NULL DEFAULT now()
);

-- The calling login's branch (NULL unless a branch account). session_user: inside a SECURITY
-- DEFINER function current_user is the owner.
CREATE FUNCTION draagkracht_national.own_branch() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT branch_id FROM draagkracht_national.accounts WHERE login = session_user AND kind = 'branch'
$$;

-- The branches the calling login may read.
CREATE FUNCTION draagkracht_national.readable_branches() RETURNS SETOF integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT b.id FROM draagkracht_national.branches b
    JOIN draagkracht_national.accounts a ON a.login = session_user
    WHERE a.kind = 'national' OR (a.kind = 'branch' AND a.branch_id = b.id) OR (a.kind = 'region' AND a.region = b.region)
$$;

-- The calling login's account: (kind, branch name, region), no row for a stranger.
CREATE FUNCTION draagkracht_national.whoami() RETURNS TABLE (kind text, branch text, region text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT a.kind, b.name, coalesce(a.region, b.region) FROM draagkracht_national.accounts a
    LEFT JOIN draagkracht_national.branches b ON b.id = a.branch_id WHERE a.login = session_user
$$;

ALTER TABLE draagkracht_national.branches ENABLE ROW LEVEL SECURITY;
ALTER TABLE draagkracht_national.accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE draagkracht_national.publications ENABLE ROW LEVEL SECURITY;
ALTER TABLE draagkracht_national.figures ENABLE ROW LEVEL SECURITY;
ALTER TABLE draagkracht_national.accepted_files ENABLE ROW LEVEL SECURITY;

CREATE POLICY read ON draagkracht_national.branches FOR SELECT
    USING (id IN (SELECT draagkracht_national.readable_branches()));
CREATE POLICY read ON draagkracht_national.publications FOR SELECT
    USING (branch_id IN (SELECT draagkracht_national.readable_branches()));
CREATE POLICY read ON draagkracht_national.figures FOR SELECT
    USING (branch_id IN (SELECT draagkracht_national.readable_branches()));
CREATE POLICY own_insert ON draagkracht_national.publications FOR INSERT
    WITH CHECK (branch_id = draagkracht_national.own_branch());
CREATE POLICY own_update ON draagkracht_national.publications FOR UPDATE
    USING (branch_id = draagkracht_national.own_branch()) WITH CHECK (branch_id = draagkracht_national.own_branch());
CREATE POLICY own_insert ON draagkracht_national.figures FOR INSERT
    WITH CHECK (branch_id = draagkracht_national.own_branch());
CREATE POLICY own_delete ON draagkracht_national.figures FOR DELETE
    USING (branch_id = draagkracht_national.own_branch());

-- Takes in the months of one publication of branch p_branch: each month whose kept publication is
-- not newer is replaced (its figures deleted, the new ones inserted). Runs with the caller's
-- rights (row-level security applies), or the owner's when called from accept_file. Returns how
-- many months were taken in.
CREATE FUNCTION draagkracht_national.put_months(
    p_branch integer, p_at timestamptz, p_via text, p_months date[],
    r_month date[], r_scope text[], r_win "char"[], r_figure text[], r_part text[], r_detail text[], r_value bigint[]
) RETURNS integer
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    taken date[] := '{}';
    m date;
    kept timestamptz;
BEGIN
    FOREACH m IN ARRAY p_months LOOP
        SELECT published_at INTO kept FROM draagkracht_national.publications
            WHERE branch_id = p_branch AND month = m FOR UPDATE;
        CONTINUE WHEN kept IS NOT NULL AND kept >= p_at;
        DELETE FROM draagkracht_national.figures WHERE branch_id = p_branch AND month = m;
        INSERT INTO draagkracht_national.publications (branch_id, month, published_at, via)
            VALUES (p_branch, m, p_at, p_via)
            ON CONFLICT (branch_id, month)
            DO UPDATE SET published_at = excluded.published_at, via = excluded.via, received_at = now();
        taken := taken || m;
    END LOOP;
    INSERT INTO draagkracht_national.figures (branch_id, month, scope, win, figure, part, detail, value)
        SELECT p_branch, t.mo, t.sc, t.wi, t.fi, t.pa, t.de, t.va
        FROM unnest(r_month, r_scope, r_win, r_figure, r_part, r_detail, r_value) AS t(mo, sc, wi, fi, pa, de, va)
        WHERE t.mo = ANY (taken);
    RETURN coalesce(array_length(taken, 1), 0);
END
$$;

-- A branch account publishes its own months.
CREATE FUNCTION draagkracht_national.publish(
    p_at timestamptz, p_months date[],
    r_month date[], r_scope text[], r_win "char"[], r_figure text[], r_part text[], r_detail text[], r_value bigint[]
) RETURNS integer
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    b integer := draagkracht_national.own_branch();
BEGIN
    IF b IS NULL THEN
        RAISE EXCEPTION 'not a branch account' USING ERRCODE = 'DK101';
    END IF;
    RETURN draagkracht_national.put_months(b, p_at, 'server', p_months,
        r_month, r_scope, r_win, r_figure, r_part, r_detail, r_value);
END
$$;

-- The national office takes in a branch's publication file (its signature checked by the client
-- against the key in the file; here the key is held to the one first seen for the branch, and
-- each file is accepted once).
CREATE FUNCTION draagkracht_national.accept_file(
    p_branch_name text, p_sha256 bytea, p_key bytea, p_at timestamptz, p_months date[],
    r_month date[], r_scope text[], r_win "char"[], r_figure text[], r_part text[], r_detail text[], r_value bigint[]
) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    b integer;
    known bytea;
BEGIN
    IF NOT EXISTS (SELECT FROM draagkracht_national.accounts WHERE login = session_user AND kind = 'national') THEN
        RAISE EXCEPTION 'only the national office takes in files' USING ERRCODE = 'DK101';
    END IF;
    SELECT id, verify_key INTO b, known FROM draagkracht_national.branches WHERE name = p_branch_name FOR UPDATE;
    IF b IS NULL THEN
        RAISE EXCEPTION 'unknown branch %', p_branch_name USING ERRCODE = 'DK102';
    END IF;
    IF known IS NULL THEN
        UPDATE draagkracht_national.branches SET verify_key = p_key WHERE id = b;
    ELSIF known <> p_key THEN
        RAISE EXCEPTION 'signed with another key than the branch''s' USING ERRCODE = 'DK103';
    END IF;
    INSERT INTO draagkracht_national.accepted_files (sha256, branch_id) VALUES (p_sha256, b)
        ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'file accepted before' USING ERRCODE = 'DK104';
    END IF;
    RETURN draagkracht_national.put_months(b, p_at, 'file', p_months,
        r_month, r_scope, r_win, r_figure, r_part, r_detail, r_value);
END
$$;

GRANT USAGE ON SCHEMA draagkracht_national TO draagkracht_national_branch, draagkracht_national_region,
    draagkracht_national_office;
GRANT SELECT ON draagkracht_national.branches, draagkracht_national.publications, draagkracht_national.figures
    TO draagkracht_national_branch, draagkracht_national_region, draagkracht_national_office;
GRANT INSERT, UPDATE ON draagkracht_national.publications TO draagkracht_national_branch;
GRANT INSERT, DELETE ON draagkracht_national.figures TO draagkracht_national_branch;
GRANT EXECUTE ON FUNCTION draagkracht_national.own_branch(), draagkracht_national.readable_branches(),
    draagkracht_national.whoami() TO draagkracht_national_branch, draagkracht_national_region,
    draagkracht_national_office;
GRANT EXECUTE ON FUNCTION draagkracht_national.put_months(integer, timestamptz, text, date[], date[], text[], "char"[],
    text[], text[], text[], bigint[]) TO draagkracht_national_branch;
GRANT EXECUTE ON FUNCTION draagkracht_national.publish(timestamptz, date[], date[], text[], "char"[], text[], text[],
    text[], bigint[]) TO draagkracht_national_branch;
GRANT EXECUTE ON FUNCTION draagkracht_national.accept_file(text, bytea, bytea, timestamptz, date[], date[], text[],
    "char"[], text[], text[], text[], bigint[]) TO draagkracht_national_office;
