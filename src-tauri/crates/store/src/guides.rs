//! The `signal_guides` table: a branch's own wording of a rule's conversation guide. A rule that
//! is not here has the default guide (`core::signals::guides`).

use crate::db::parsed;
use crate::StoreError;
use chrono::{DateTime, Utc};
use draagkracht_core::signals::guides::BranchGuide;
use draagkracht_core::RuleId;
use rusqlite::{params, Connection, Transaction};

/// Every rule with the branch's own guide. Questions are kept one per line.
pub fn all(conn: &Connection) -> Result<Vec<(RuleId, BranchGuide)>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT rule, why, questions, professional FROM signal_guides")?;
    let rows = stmt.query_map([], |r| {
        let questions: String = r.get(2)?;
        Ok((
            parsed(r, 0, RuleId::parse)?,
            BranchGuide {
                why: r.get(1)?,
                questions: questions.lines().map(str::to_string).collect(),
                professional: r.get(3)?,
            },
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Keeps the branch's guide for a rule; `None` goes back to the default.
pub fn set(tx: &Transaction, rule: RuleId, guide: Option<&BranchGuide>, now: DateTime<Utc>) -> Result<(), StoreError> {
    match guide {
        Some(g) => tx.execute(
            "INSERT INTO signal_guides (rule, why, questions, professional, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (rule) DO UPDATE SET why = excluded.why, questions = excluded.questions,
                                              professional = excluded.professional, updated_at = excluded.updated_at",
            params![rule.as_str(), g.why, g.questions.join("\n"), g.professional, now.to_rfc3339()],
        )?,
        None => tx.execute("DELETE FROM signal_guides WHERE rule = ?1", [rule.as_str()])?,
    };
    Ok(())
}
