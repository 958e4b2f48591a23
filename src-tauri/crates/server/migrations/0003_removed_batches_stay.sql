-- 0003: a removed laptop's batches stay, as its subfolder does in a shared folder. Another laptop
-- may not have applied them yet while the remover already has (and builds on them): deleting them
-- would leave that laptop without changes every other laptop holds. The laptops still take in
-- only those the remover had applied (its epoch file says how far). Its token stays revoked; its
-- snapshot, "applied" file and invitations still go. Shipped: never edit, add 0004 and onwards.

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
