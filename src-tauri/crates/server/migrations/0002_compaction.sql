-- 0002: what the shared folder already does, on the server too: each laptop's "applied" file (so a
-- laptop may delete its own batches that every other laptop has), new key epochs and removing a
-- laptop, and erasing a person's batches by their subject tag (AVG art. 17). Shipped: never edit,
-- add 0003 and onwards.
--
-- Runs as `draagkracht_owner` inside server_init's transaction, like 0001. Functions of 0001 that
-- change are replaced here (CREATE OR REPLACE keeps their owner and grants).

-- A removed laptop stays as a row, so its node can never register again; its token stops working
-- for everything (require_device). revoked_by: the laptop that removed it.
ALTER TABLE draagkracht.devices
    ADD COLUMN revoked_at timestamptz,
    ADD COLUMN revoked_by bigint;

-- The latest "applied" file of each laptop: sealed (kind 3), its header's seq is the writer's own
-- last batch. The server never opens it.
CREATE TABLE draagkracht.applied (
    branch uuid NOT NULL,
    node bigint NOT NULL,
    seq bigint NOT NULL CHECK (seq >= 0),
    epoch bigint NOT NULL CHECK (epoch BETWEEN 0 AND 4294967295),
    body bytea NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (branch, node),
    FOREIGN KEY (branch, node) REFERENCES draagkracht.devices (branch, node)
);

-- A new epoch's keys, boxed by the laptop that made it for each remaining laptop (JSON the server
-- never reads). One per epoch and branch: a second, different one is DK011.
CREATE TABLE draagkracht.epoch_keys (
    branch uuid NOT NULL,
    epoch bigint NOT NULL CHECK (epoch BETWEEN 0 AND 4294967295),
    from_node bigint NOT NULL,
    body bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (branch, epoch),
    FOREIGN KEY (branch, from_node) REFERENCES draagkracht.devices (branch, node)
);

-- Helpers, not granted to the app. --------------------------------------------------------------

-- Raises DK001 unless `token` is the registered token of laptop `node` of `branch`, and DK010 when
-- that laptop was removed from the branch. Every function of the app calls it, so a removed
-- laptop's token opens nothing.
CREATE OR REPLACE FUNCTION draagkracht.require_device(p_branch uuid, p_node bigint, p_token bytea) RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_revoked timestamptz;
BEGIN
    SELECT d.revoked_at INTO v_revoked FROM draagkracht.devices d
     WHERE d.branch = p_branch AND d.node = p_node AND d.token_hash = sha256(p_token);
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown device or wrong token' USING ERRCODE = 'DK001';
    END IF;
    IF v_revoked IS NOT NULL THEN
        RAISE EXCEPTION 'this laptop was removed from the branch' USING ERRCODE = 'DK010';
    END IF;
END
$$;

-- Replaced functions of 0001. -------------------------------------------------------------------

-- As in 0001, but a removed laptop's retry is DK010 rather than a no-op.
CREATE OR REPLACE FUNCTION draagkracht.register_first_device(p_branch uuid, p_node bigint, p_token bytea) RETURNS void
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
            PERFORM draagkracht.require_device(p_branch, p_node, p_token);
            RETURN;
        END IF;
        RAISE EXCEPTION 'this branch is already on the server' USING ERRCODE = 'DK004';
    END IF;
    INSERT INTO draagkracht.devices (branch, node, token_hash) VALUES (p_branch, p_node, sha256(p_token));
END
$$;

-- As in 0001, but a removed laptop (with any token) may not register again under its number: DK010.
CREATE OR REPLACE FUNCTION draagkracht.register_device(p_branch uuid, p_node bigint, p_token bytea, p_invitation text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_revoked timestamptz;
    v_hash bytea;
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
        SELECT d.revoked_at, d.token_hash INTO v_revoked, v_hash FROM draagkracht.devices d
         WHERE d.branch = p_branch AND d.node = p_node;
        IF v_revoked IS NOT NULL THEN
            RAISE EXCEPTION 'this laptop was removed from the branch' USING ERRCODE = 'DK010';
        END IF;
        IF v_hash IS DISTINCT FROM sha256(p_token) THEN
            RAISE EXCEPTION 'this laptop is already registered with another token' USING ERRCODE = 'DK005';
        END IF;
    END IF;
END
$$;

-- The branch's laptops, without those removed from it (as a folder loses a removed laptop's
-- subfolder).
CREATE OR REPLACE FUNCTION draagkracht.list_nodes(p_branch uuid, p_node bigint, p_token bytea) RETURNS SETOF bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    RETURN QUERY SELECT d.node FROM draagkracht.devices d
     WHERE d.branch = p_branch AND d.revoked_at IS NULL ORDER BY d.node;
END
$$;

-- New functions the app may call: SECURITY DEFINER, search_path pinned, as in 0001. -------------

-- Replaces this laptop's "applied" file; the header must say kind 3, this branch and laptop, and
-- the given number and key epoch (DK008).
CREATE FUNCTION draagkracht.put_applied(
    p_branch uuid, p_node bigint, p_token bytea, p_seq bigint, p_epoch bigint, p_body bytea
) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    PERFORM draagkracht.require_header(p_body, 3, p_branch, p_node, p_seq, p_epoch);
    INSERT INTO draagkracht.applied AS a (branch, node, seq, epoch, body)
    VALUES (p_branch, p_node, p_seq, p_epoch, p_body)
    ON CONFLICT (branch, node) DO UPDATE
       SET seq = excluded.seq, epoch = excluded.epoch, body = excluded.body, updated_at = now();
END
$$;

-- Laptop `p_of_node`'s latest "applied" file (no row when it has none).
CREATE FUNCTION draagkracht.applied_of(p_branch uuid, p_node bigint, p_token bytea, p_of_node bigint)
RETURNS SETOF bytea
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    RETURN QUERY SELECT a.body FROM draagkracht.applied a WHERE a.branch = p_branch AND a.node = p_of_node;
END
$$;

-- Compaction: deletes this laptop's own batches numbered up to `p_upto` (every other laptop has
-- them; the caller decides that, and checks open_invitations first). Returns how many went.
CREATE FUNCTION draagkracht.remove_batches_upto(p_branch uuid, p_node bigint, p_token bytea, p_upto bigint)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_count bigint;
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    DELETE FROM draagkracht.batches b WHERE b.branch = p_branch AND b.node = p_node AND b.seq <= p_upto;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
END
$$;

-- Whether the branch has a live (unexpired) invitation: a laptop may then still join from the
-- snapshot written with it, so nobody compacts.
CREATE FUNCTION draagkracht.open_invitations(p_branch uuid, p_node bigint, p_token bytea) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    RETURN EXISTS (SELECT 1 FROM draagkracht.invitations i WHERE i.branch = p_branch AND i.expires_at > now());
END
$$;

-- Stores a new epoch's keys from this laptop. The same bytes again are fine (a retry); other bytes
-- for an epoch the branch already has are DK011 (another laptop made that epoch first).
CREATE FUNCTION draagkracht.put_epoch_keys(p_branch uuid, p_node bigint, p_token bytea, p_epoch bigint, p_body bytea)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    IF p_epoch IS NULL OR p_epoch NOT BETWEEN 0 AND 4294967295 OR p_body IS NULL THEN
        RAISE EXCEPTION 'an epoch is a number from 0 to 4294967295, with keys' USING ERRCODE = 'DK009';
    END IF;
    INSERT INTO draagkracht.epoch_keys (branch, epoch, from_node, body)
    VALUES (p_branch, p_epoch, p_node, p_body)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        PERFORM 1 FROM draagkracht.epoch_keys k
         WHERE k.branch = p_branch AND k.epoch = p_epoch AND k.body = p_body;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'the branch already has other keys for epoch %', p_epoch USING ERRCODE = 'DK011';
        END IF;
    END IF;
END
$$;

-- Every epoch's keys of the branch, oldest epoch first.
CREATE FUNCTION draagkracht.list_epoch_keys(p_branch uuid, p_node bigint, p_token bytea) RETURNS SETOF bytea
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    RETURN QUERY SELECT k.body FROM draagkracht.epoch_keys k WHERE k.branch = p_branch ORDER BY k.epoch;
END
$$;

-- Removes laptop `p_of_node` from the branch: its token stops working for everything (DK010), and
-- what it left here goes, as a folder loses a removed laptop's subfolder: its batches (the others
-- no longer take them in), snapshot, "applied" file and invitations. The epoch keys it made stay.
-- A laptop the server does not know yet (invited, not yet joined) is recorded as removed, under a
-- hash no token has, so it can never register. Removing it again is a no-op; a laptop may not
-- remove itself (DK009). Both rows are locked in a fixed order first, so two laptops removing each
-- other at once cannot both succeed: the second finds itself removed (DK010).
CREATE FUNCTION draagkracht.revoke_device(p_branch uuid, p_node bigint, p_token bytea, p_of_node bigint)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    IF p_of_node IS NULL OR p_of_node = p_node THEN
        RAISE EXCEPTION 'a laptop cannot remove itself' USING ERRCODE = 'DK009';
    END IF;
    PERFORM 1 FROM draagkracht.devices d
     WHERE d.branch = p_branch AND d.node IN (p_node, p_of_node) ORDER BY d.node FOR UPDATE;
    -- Checked again under the lock: a laptop removed meanwhile removes nobody.
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    INSERT INTO draagkracht.devices AS d (branch, node, token_hash, revoked_at, revoked_by)
    VALUES (p_branch, p_of_node, decode(repeat('00', 32), 'hex'), now(), p_node)
    ON CONFLICT (branch, node) DO UPDATE
       SET revoked_at = now(), revoked_by = excluded.revoked_by
     WHERE d.revoked_at IS NULL;
    DELETE FROM draagkracht.invitations i WHERE i.branch = p_branch AND i.node = p_of_node;
    DELETE FROM draagkracht.batches b WHERE b.branch = p_branch AND b.node = p_of_node;
    DELETE FROM draagkracht.snapshots s WHERE s.branch = p_branch AND s.node = p_of_node;
    DELETE FROM draagkracht.applied a WHERE a.branch = p_branch AND a.node = p_of_node;
END
$$;

-- Erasure (AVG art. 17): deletes every batch of the branch, of any laptop, that carries `p_tag` (a
-- keyed hash of a person's id only the branch's laptops can compute: the server learns nothing
-- about whom it names). Returns how many went. The laptops replace their snapshots themselves.
CREATE FUNCTION draagkracht.erase_tag(p_branch uuid, p_node bigint, p_token bytea, p_tag bytea) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_count bigint;
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    IF p_tag IS NULL OR length(p_tag) <> 32 THEN
        RAISE EXCEPTION 'a subject tag is 32 bytes' USING ERRCODE = 'DK009';
    END IF;
    DELETE FROM draagkracht.batches b WHERE b.branch = p_branch AND p_tag = ANY (b.subject_tags);
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
END
$$;

REVOKE ALL ON FUNCTION draagkracht.put_applied(uuid, bigint, bytea, bigint, bigint, bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.applied_of(uuid, bigint, bytea, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.remove_batches_upto(uuid, bigint, bytea, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.open_invitations(uuid, bigint, bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.put_epoch_keys(uuid, bigint, bytea, bigint, bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.list_epoch_keys(uuid, bigint, bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.revoke_device(uuid, bigint, bytea, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION draagkracht.erase_tag(uuid, bigint, bytea, bytea) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION draagkracht.put_applied(uuid, bigint, bytea, bigint, bigint, bytea) TO draagkracht_app;
GRANT EXECUTE ON FUNCTION draagkracht.applied_of(uuid, bigint, bytea, bigint) TO draagkracht_app;
GRANT EXECUTE ON FUNCTION draagkracht.remove_batches_upto(uuid, bigint, bytea, bigint) TO draagkracht_app;
GRANT EXECUTE ON FUNCTION draagkracht.open_invitations(uuid, bigint, bytea) TO draagkracht_app;
GRANT EXECUTE ON FUNCTION draagkracht.put_epoch_keys(uuid, bigint, bytea, bigint, bytea) TO draagkracht_app;
GRANT EXECUTE ON FUNCTION draagkracht.list_epoch_keys(uuid, bigint, bytea) TO draagkracht_app;
GRANT EXECUTE ON FUNCTION draagkracht.revoke_device(uuid, bigint, bytea, bigint) TO draagkracht_app;
GRANT EXECUTE ON FUNCTION draagkracht.erase_tag(uuid, bigint, bytea, bytea) TO draagkracht_app;
