-- 0003: a removed laptop's batches stay, as its subfolder does in a shared folder. Another laptop
-- may not have applied them yet while the remover already has (and builds on them): deleting them
-- would leave that laptop without changes every other laptop holds. The laptops still take in
-- only those the remover had applied (its epoch file says how far), and once every remaining
-- laptop has, any of them deletes them (remove_batches_of_removed), as each deletes its own. Its
-- token stays revoked; its snapshot, "applied" file and invitations still go at once. Shipped:
-- never edit, add 0004 and onwards.

CREATE OR REPLACE FUNCTION draagkracht.revoke_device(p_branch uuid, p_node bigint, p_token bytea, p_of_node bigint)
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
    DELETE FROM draagkracht.snapshots s WHERE s.branch = p_branch AND s.node = p_of_node;
    DELETE FROM draagkracht.applied a WHERE a.branch = p_branch AND a.node = p_of_node;
END
$$;

-- The branch's laptops: those in it, and those removed whose batches are still here.
CREATE OR REPLACE FUNCTION draagkracht.list_nodes(p_branch uuid, p_node bigint, p_token bytea) RETURNS SETOF bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    RETURN QUERY SELECT d.node FROM draagkracht.devices d
     WHERE d.branch = p_branch
       AND (d.revoked_at IS NULL
            OR EXISTS (SELECT 1 FROM draagkracht.batches b WHERE b.branch = d.branch AND b.node = d.node))
     ORDER BY d.node;
END
$$;

-- Deletes every batch of a laptop removed from the branch; only a laptop still in the branch may,
-- and only for one that is removed (the laptops check first that every remaining one has applied
-- what is taken in of them). Returns how many went.
CREATE FUNCTION draagkracht.remove_batches_of_removed(p_branch uuid, p_node bigint, p_token bytea, p_of_node bigint)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_count bigint;
BEGIN
    PERFORM draagkracht.require_device(p_branch, p_node, p_token);
    IF NOT EXISTS (SELECT 1 FROM draagkracht.devices d
                    WHERE d.branch = p_branch AND d.node = p_of_node AND d.revoked_at IS NOT NULL) THEN
        RAISE EXCEPTION 'only a removed laptop''s batches may be deleted by another' USING ERRCODE = 'DK009';
    END IF;
    DELETE FROM draagkracht.batches b WHERE b.branch = p_branch AND b.node = p_of_node;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
END
$$;

REVOKE ALL ON FUNCTION draagkracht.remove_batches_of_removed(uuid, bigint, bytea, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION draagkracht.remove_batches_of_removed(uuid, bigint, bytea, bigint) TO draagkracht_app;
