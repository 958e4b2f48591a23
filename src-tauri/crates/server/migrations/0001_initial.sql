-- 0001: the meeting place of a branch's laptops. Shipped: never edit, add 0002 and onwards.
--
-- Runs inside server_init's transaction as `draagkracht_owner` (the role that owns the schema),
-- after src/bootstrap.sql made that role, `draagkracht_app` and the schema. The server stores only
-- sealed bytes and the ids it needs to file them; each laptop proves itself with a token of which
-- only the SHA-256 is kept. The app's login holds `draagkracht_app`, which may only call the
-- functions below: every table stays out of its reach.

CREATE TABLE draagkracht.branches (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- node: the laptop's NodeId (a u64) with its bits as a bigint.
CREATE TABLE draagkracht.devices (
    branch uuid NOT NULL REFERENCES draagkracht.branches (id),
    node bigint NOT NULL,
    token_hash bytea NOT NULL CHECK (length(token_hash) = 32),
    registered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (branch, node)
);

-- A batch is immutable once written. subject_tags: opaque per-person tags a later erasure can
-- find batches by (the laptops compute them; the server never learns whom they name).
CREATE TABLE draagkracht.batches (
    branch uuid NOT NULL,
    node bigint NOT NULL,
    seq bigint NOT NULL CHECK (seq >= 0),
    epoch bigint NOT NULL CHECK (epoch BETWEEN 0 AND 4294967295),
    body bytea NOT NULL,
    subject_tags bytea[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (branch, node, seq),
    FOREIGN KEY (branch, node) REFERENCES draagkracht.devices (branch, node)
);

-- The latest snapshot of each laptop (seq: the last batch of its writer that it covers).
CREATE TABLE draagkracht.snapshots (
    branch uuid NOT NULL,
    node bigint NOT NULL,
    seq bigint NOT NULL CHECK (seq >= 0),
    epoch bigint NOT NULL CHECK (epoch BETWEEN 0 AND 4294967295),
    body bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (branch, node),
    FOREIGN KEY (branch, node) REFERENCES draagkracht.devices (branch, node)
);

-- A joining laptop knows only the code, so an invitation is found by its id alone: ids are unique
-- across branches. node: the laptop that made it (it removes its own).
CREATE TABLE draagkracht.invitations (
    id text PRIMARY KEY CHECK (id ~ '^[0-9A-Za-z_-]{1,64}$'),
    branch uuid NOT NULL,
    node bigint NOT NULL,
    body bytea NOT NULL,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (branch, node) REFERENCES draagkracht.devices (branch, node)
);
CREATE INDEX invitations_expires_at ON draagkracht.invitations (expires_at);

-- Helpers, not granted to the app. --------------------------------------------------------------

-- Raises DK001 unless `token` is the registered token of laptop `node` of `branch`.
CREATE FUNCTION draagkracht.require_device(p_branch uuid, p_node bigint, p_token bytea) RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM 1 FROM draagkracht.devices
     WHERE branch = p_branch AND node = p_node AND token_hash = sha256(p_token);
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown device or wrong token' USING ERRCODE = 'DK001';
    END IF;
END
$$;

-- Raises DK008 unless the sealed file's readable header (seal.rs: "DKS1", kind, branch, node,
-- seq, epoch; 41 bytes, then a 24-byte nonce and at least a 16-byte tag) says what it is filed as.
-- The laptops would refuse a misfiled file anyway (the header is the AEAD's associated data);
-- checking here keeps such a file from ever being stored.
CREATE FUNCTION draagkracht.require_header(
    p_body bytea, p_kind integer, p_branch uuid, p_node bigint, p_seq bigint, p_epoch bigint
) RETURNS void
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT (length(p_body) >= 81
            AND substr(p_body, 1, 4) = '\x444b5331'::bytea
            AND get_byte(p_body, 4) = p_kind
            AND substr(p_body, 6, 16) = uuid_send(p_branch)
            AND substr(p_body, 22, 8) = int8send(p_node)
            AND substr(p_body, 30, 8) = int8send(p_seq)
            AND substr(p_body, 38, 4) = substr(int8send(p_epoch), 5, 4)) THEN
        RAISE EXCEPTION 'the sealed header does not match its branch, laptop, number or key'
            USING ERRCODE = 'DK008';
    END IF;
END
$$;

CREATE FUNCTION draagkracht.require_token_shape(p_token bytea) RETURNS void
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_token IS NULL OR length(p_token) <> 32 THEN
        RAISE EXCEPTION 'a device token is 32 bytes' USING ERRCODE = 'DK009';
    END IF;
END
$$;

REVOKE ALL ON FUNCTION draagkracht.require_device(uuid, bigint, bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.require_header(bytea, integer, uuid, bigint, bigint, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.require_token_shape(bytea) FROM PUBLIC;

-- What the app may call. All SECURITY DEFINER (they run as draagkracht_owner) with search_path
-- pinned, as PostgreSQL's documentation advises for such functions. ------------------------------

-- The first laptop of a branch creates the branch. Calling it again with the same token is a no-op
-- (a reply lost on the way); another token for an existing branch is DK004.
CREATE FUNCTION draagkracht.register_first_device(p_branch uuid, p_node bigint, p_token bytea) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM draagkracht.require_token_shape(p_token);
    INSERT INTO draagkracht.branches (id) VALUES (p_branch) ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        PERFORM 1 FROM draagkracht.devices
         WHERE branch = p_branch AND node = p_node AND token_hash = sha256(p_token);
        IF FOUND THEN
            RETURN;
        END IF;
        RAISE EXCEPTION 'this branch is already on the server' USING ERRCODE = 'DK004';
    END IF;
    INSERT INTO draagkracht.devices (branch, node, token_hash) VALUES (p_branch, p_node, sha256(p_token));
END
$$;

-- A joining laptop registers its own token by naming a live invitation of the branch (DK003
-- otherwise). The invitation stays: its maker removes it, and it expires. A laptop already
-- registered with the same token is a no-op; with another token, DK005.
CREATE FUNCTION draagkracht.register_device(p_branch uuid, p_node bigint, p_token bytea, p_invitation text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM draagkracht.require_token_shape(p_token);
    PERFORM 1 FROM draagkracht.invitations
     WHERE id = p_invitation AND branch = p_branch AND expires_at > now();
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such invitation, or it has expired' USING ERRCODE = 'DK003';
    END IF;
    INSERT INTO draagkracht.devices (branch, node, token_hash) VALUES (p_branch, p_node, sha256(p_token))
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        PERFORM 1 FROM draagkracht.devices
         WHERE branch = p_branch AND node = p_node AND token_hash = sha256(p_token);
        IF NOT FOUND THEN
            RAISE EXCEPTION 'this laptop is already registered with another token' USING ERRCODE = 'DK005';
        END IF;
    END IF;
END
$$;

-- Checks a laptop's token (DK001) and returns the server's schema version.
CREATE FUNCTION draagkracht.hello(p_branch uuid, p_node bigint, p_token bytea) RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    RETURN (SELECT max(version) FROM draagkracht.schema_version);
END
$$;

-- The branch's laptops.
CREATE FUNCTION draagkracht.list_nodes(p_branch uuid, p_node bigint, p_token bytea) RETURNS SETOF bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    RETURN QUERY SELECT d.node FROM draagkracht.devices d WHERE d.branch = p_branch ORDER BY d.node;
END
$$;

-- Stores this laptop's batch `seq`; true when new, false when the same bytes were already there.
-- Different bytes under the same number are DK002: a batch never changes.
CREATE FUNCTION draagkracht.push_batch(
    p_branch uuid, p_node bigint, p_token bytea, p_seq bigint, p_epoch bigint, p_body bytea,
    p_tags bytea[] DEFAULT '{}'
) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    existing bytea;
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    PERFORM draagkracht.require_header(p_body, 1, p_branch, p_node, p_seq, p_epoch);
    INSERT INTO draagkracht.batches (branch, node, seq, epoch, body, subject_tags)
    VALUES (p_branch, p_node, p_seq, p_epoch, p_body, coalesce(p_tags, '{}'))
    ON CONFLICT DO NOTHING;
    IF FOUND THEN
        RETURN true;
    END IF;
    SELECT b.body INTO existing FROM draagkracht.batches b
     WHERE b.branch = p_branch AND b.node = p_node AND b.seq = p_seq;
    IF existing = p_body THEN
        RETURN false;
    END IF;
    RAISE EXCEPTION 'batch % of this laptop is already on the server with other contents', p_seq
        USING ERRCODE = 'DK002';
END
$$;

-- The numbers of laptop `p_of_node`'s batches after `p_after`, in order.
CREATE FUNCTION draagkracht.list_batches(p_branch uuid, p_node bigint, p_token bytea, p_of_node bigint, p_after bigint)
RETURNS SETOF bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    RETURN QUERY SELECT b.seq FROM draagkracht.batches b
     WHERE b.branch = p_branch AND b.node = p_of_node AND b.seq > p_after ORDER BY b.seq;
END
$$;

-- One batch of laptop `p_of_node` (no row when absent).
CREATE FUNCTION draagkracht.read_batch(p_branch uuid, p_node bigint, p_token bytea, p_of_node bigint, p_seq bigint)
RETURNS SETOF bytea
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    RETURN QUERY SELECT b.body FROM draagkracht.batches b
     WHERE b.branch = p_branch AND b.node = p_of_node AND b.seq = p_seq;
END
$$;

-- Up to `p_limit` batches of laptop `p_of_node` after `p_after`, in order: one round trip for many.
CREATE FUNCTION draagkracht.read_batches(
    p_branch uuid, p_node bigint, p_token bytea, p_of_node bigint, p_after bigint, p_limit integer
) RETURNS TABLE (seq bigint, body bytea)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    RETURN QUERY SELECT b.seq, b.body FROM draagkracht.batches b
     WHERE b.branch = p_branch AND b.node = p_of_node AND b.seq > p_after
     ORDER BY b.seq LIMIT greatest(p_limit, 0);
END
$$;

-- Replaces this laptop's snapshot. One that covers less than the stored one (a lower seq) is DK006:
-- the laptop went back in time (a restored backup) and must not hide the newer one.
CREATE FUNCTION draagkracht.put_snapshot(p_branch uuid, p_node bigint, p_token bytea, p_seq bigint, p_epoch bigint, p_body bytea)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    PERFORM draagkracht.require_header(p_body, 2, p_branch, p_node, p_seq, p_epoch);
    INSERT INTO draagkracht.snapshots AS s (branch, node, seq, epoch, body)
    VALUES (p_branch, p_node, p_seq, p_epoch, p_body)
    ON CONFLICT (branch, node) DO UPDATE
       SET seq = excluded.seq, epoch = excluded.epoch, body = excluded.body, created_at = now()
     WHERE s.seq <= excluded.seq;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the server holds a newer snapshot of this laptop' USING ERRCODE = 'DK006';
    END IF;
END
$$;

-- Every laptop's latest snapshot in the branch.
CREATE FUNCTION draagkracht.latest_snapshots(p_branch uuid, p_node bigint, p_token bytea)
RETURNS TABLE (node bigint, body bytea)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    RETURN QUERY SELECT s.node, s.body FROM draagkracht.snapshots s WHERE s.branch = p_branch ORDER BY s.node;
END
$$;

-- Stores an invitation this laptop made (its body is sealed with the join code). Expired ones of
-- every branch go first, so ids are only ever taken by live invitations; a live id of another
-- invitation is DK007 (make a new code). Expiry must lie in the future, within 7 days (DK009).
CREATE FUNCTION draagkracht.put_invitation(
    p_branch uuid, p_node bigint, p_token bytea, p_id text, p_body bytea, p_expires_at timestamptz
) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    IF p_id IS NULL OR p_id !~ '^[0-9A-Za-z_-]{1,64}$' THEN
        RAISE EXCEPTION 'an invitation id is 1 to 64 letters and digits' USING ERRCODE = 'DK009';
    END IF;
    IF p_expires_at IS NULL OR p_expires_at <= now() OR p_expires_at > now() + interval '7 days' THEN
        RAISE EXCEPTION 'an invitation expires within 7 days from now' USING ERRCODE = 'DK009';
    END IF;
    DELETE FROM draagkracht.invitations WHERE expires_at <= now();
    INSERT INTO draagkracht.invitations (id, branch, node, body, expires_at)
    VALUES (p_id, p_branch, p_node, p_body, p_expires_at)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        PERFORM 1 FROM draagkracht.invitations i
         WHERE i.id = p_id AND i.branch = p_branch AND i.node = p_node AND i.body = p_body;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'this invitation id is taken' USING ERRCODE = 'DK007';
        END IF;
    END IF;
END
$$;

-- A live invitation by its id: anyone with the app's login who knows the id may read it (its body
-- opens only with the rest of the code). No row when absent or expired.
CREATE FUNCTION draagkracht.take_invitation(p_id text) RETURNS TABLE (branch uuid, body bytea)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN QUERY SELECT i.branch, i.body FROM draagkracht.invitations i
     WHERE i.id = p_id AND i.expires_at > now();
END
$$;

-- Removes the invitations this laptop made, and every expired one.
CREATE FUNCTION draagkracht.remove_invitations(p_branch uuid, p_node bigint, p_token bytea) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    DELETE FROM draagkracht.invitations
     WHERE (branch = p_branch AND node = p_node) OR expires_at <= now();
END
$$;

REVOKE ALL ON FUNCTION draagkracht.register_first_device(uuid, bigint, bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.register_device(uuid, bigint, bytea, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.hello(uuid, bigint, bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.list_nodes(uuid, bigint, bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.push_batch(uuid, bigint, bytea, bigint, bigint, bytea, bytea[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.list_batches(uuid, bigint, bytea, bigint, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.read_batch(uuid, bigint, bytea, bigint, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.read_batches(uuid, bigint, bytea, bigint, bigint, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.put_snapshot(uuid, bigint, bytea, bigint, bigint, bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.latest_snapshots(uuid, bigint, bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.put_invitation(uuid, bigint, bytea, text, bytea, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.take_invitation(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.remove_invitations(uuid, bigint, bytea) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION draagkracht.register_first_device(uuid, bigint, bytea) TO draagkracht_app;
GRANT EXECUTE ON FUNCTION draagkracht.register_device(uuid, bigint, bytea, text) TO draagkracht_app;
GRANT EXECUTE ON FUNCTION draagkracht.hello(uuid, bigint, bytea) TO draagkracht_app;
GRANT EXECUTE ON FUNCTION draagkracht.list_nodes(uuid, bigint, bytea) TO draagkracht_app;
GRANT EXECUTE ON FUNCTION draagkracht.push_batch(uuid, bigint, bytea, bigint, bigint, bytea, bytea[]) TO draagkracht_app;
GRANT EXECUTE ON FUNCTION draagkracht.list_batches(uuid, bigint, bytea, bigint, bigint) TO draagkracht_app;
GRANT EXECUTE ON FUNCTION draagkracht.read_batch(uuid, bigint, bytea, bigint, bigint) TO draagkracht_app;
GRANT EXECUTE ON FUNCTION draagkracht.read_batches(uuid, bigint, bytea, bigint, bigint, integer) TO draagkracht_app;
GRANT EXECUTE ON FUNCTION draagkracht.put_snapshot(uuid, bigint, bytea, bigint, bigint, bytea) TO draagkracht_app;
GRANT EXECUTE ON FUNCTION draagkracht.latest_snapshots(uuid, bigint, bytea) TO draagkracht_app;
GRANT EXECUTE ON FUNCTION draagkracht.put_invitation(uuid, bigint, bytea, text, bytea, timestamptz) TO draagkracht_app;
GRANT EXECUTE ON FUNCTION draagkracht.take_invitation(text) TO draagkracht_app;
GRANT EXECUTE ON FUNCTION draagkracht.remove_invitations(uuid, bigint, bytea) TO draagkracht_app;
