//! Stamping what the capture triggers wrote: every field changed by one transaction gets the same
//! hybrid-logical-clock stamp, becomes the field's winning write in `sync_cells`, and waits in
//! `sync_outbox` with the stamp it replaced (its base) until it is sealed into a batch.

use crate::StoreError;
use draagkracht_core::sync::Hlc;
use rusqlite::Transaction;

/// Milliseconds since 1970 on this laptop's clock: the wall-clock half of the stamp. The clock is
/// read here (not passed in) because every write needs it and a stamp must never go backwards;
/// tests set another clock with [`crate::Db::set_wall_clock`].
pub fn system_ms() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
}

/// Stamps the fields the transaction changed; nothing to do (one indexed probe) when it changed
/// none or this laptop does not share a branch.
pub(crate) fn stamp(tx: &Transaction, wall_ms: u64) -> Result<(), StoreError> {
    let pending: bool = tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM sync_pending)")?.query_row([], |r| r.get(0))?;
    if !pending {
        return Ok(());
    }
    let (clock, node): (i64, String) =
        tx.prepare_cached("SELECT clock, node FROM sync_self")?.query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let hlc = Hlc(clock as u64).tick(wall_ms)?.0 as i64;
    // A field changed twice in one transaction travels once, with its last value.
    tx.prepare_cached(
        "INSERT INTO sync_outbox (tbl, row_key, col, val, hlc, base_hlc, base_node)
         SELECT p.tbl, p.row_key, p.col, p.val, ?1, coalesce(c.hlc, 0), coalesce(c.node, '0000000000000000')
         FROM sync_pending p LEFT JOIN sync_cells c ON c.tbl = p.tbl AND c.row_key = p.row_key AND c.col = p.col
         WHERE p.n IN (SELECT max(n) FROM sync_pending GROUP BY tbl, row_key, col) ORDER BY p.n",
    )?
    .execute([hlc])?;
    tx.prepare_cached(
        "INSERT INTO sync_cells (tbl, row_key, col, hlc, node, val)
         SELECT tbl, row_key, col, ?1, ?2, val FROM sync_pending
         WHERE n IN (SELECT max(n) FROM sync_pending GROUP BY tbl, row_key, col)
         ON CONFLICT (tbl, row_key, col) DO UPDATE SET hlc = excluded.hlc, node = excluded.node, val = excluded.val",
    )?
    .execute(rusqlite::params![hlc, node])?;
    tx.prepare_cached("DELETE FROM sync_pending")?.execute([])?;
    tx.prepare_cached("UPDATE sync_self SET clock = ?1")?.execute([hlc])?;
    Ok(())
}
