//! Small counts in funder reports: a count of 1 to 4 people could point at someone, so it is shown
//! as "<5" (primary suppression). Where a row or column total is shown, one hidden cell could be
//! worked out by subtracting the others from the total; so a second cell of that line is hidden too
//! (complementary suppression), the smallest non-zero one first (a hidden zero protects nothing),
//! or the line's total when no such cell is left, until no line with a shown total hides exactly
//! one count. Totals of 1 to 4 are themselves hidden. Pure; the report builders call it
//! before anything is rendered. (Building block for the reports of issue 5.)

/// How a cell is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Count(u32),
    /// 1 to 4: shown as "<5".
    Small,
    /// Hidden so that a small count cannot be derived from the totals: shown as "×".
    Hidden,
}

impl Shown {
    pub fn text(self) -> String {
        match self {
            Self::Count(n) => n.to_string(),
            Self::Small => "<5".into(),
            Self::Hidden => "×".into(),
        }
    }

    fn is_hidden(self) -> bool {
        !matches!(self, Self::Count(_))
    }
}

fn primary(n: u32) -> Shown {
    if (1..=4).contains(&n) {
        Shown::Small
    } else {
        Shown::Count(n)
    }
}

/// A table of counts with its row totals, column totals and grand total, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownTable {
    pub cells: Vec<Vec<Shown>>,
    pub row_totals: Vec<Shown>,
    pub column_totals: Vec<Shown>,
    pub total: Shown,
}

/// Suppresses a table of counts (rows of equal length) whose row, column and grand totals are shown.
pub fn suppress(counts: &[Vec<u32>]) -> ShownTable {
    let rows = counts.len();
    let cols = counts.first().map_or(0, Vec::len);
    let mut cells: Vec<Vec<Shown>> = counts.iter().map(|r| r.iter().map(|&n| primary(n)).collect()).collect();
    let row_sum: Vec<u32> = counts.iter().map(|r| r.iter().sum()).collect();
    let col_sum: Vec<u32> = (0..cols).map(|c| counts.iter().map(|r| r[c]).sum()).collect();
    let mut row_totals: Vec<Shown> = row_sum.iter().map(|&n| primary(n)).collect();
    let mut column_totals: Vec<Shown> = col_sum.iter().map(|&n| primary(n)).collect();
    let grand: u32 = row_sum.iter().sum();
    let mut total = primary(grand);

    // Until stable: every line (a row with its total, a column with its total, and the totals
    // against the grand total) hides none or at least two of its parts.
    loop {
        let mut changed = false;
        for r in 0..rows {
            let parts: Vec<(usize, u32)> = (0..cols).map(|c| (c, counts[r][c])).collect();
            match next_to_hide(&parts, |c| cells[r][c], row_totals[r]) {
                Some(Hide::Part(c)) => cells[r][c] = Shown::Hidden,
                Some(Hide::Total) => row_totals[r] = Shown::Hidden,
                None => continue,
            }
            changed = true;
        }
        for c in 0..cols {
            let parts: Vec<(usize, u32)> = (0..rows).map(|r| (r, counts[r][c])).collect();
            match next_to_hide(&parts, |r| cells[r][c], column_totals[c]) {
                Some(Hide::Part(r)) => cells[r][c] = Shown::Hidden,
                Some(Hide::Total) => column_totals[c] = Shown::Hidden,
                None => continue,
            }
            changed = true;
        }
        let parts: Vec<(usize, u32)> = row_sum.iter().copied().enumerate().collect();
        match next_to_hide(&parts, |r| row_totals[r], total) {
            Some(Hide::Part(r)) => {
                row_totals[r] = Shown::Hidden;
                changed = true;
            }
            Some(Hide::Total) => {
                total = Shown::Hidden;
                changed = true;
            }
            None => {}
        }
        let parts: Vec<(usize, u32)> = col_sum.iter().copied().enumerate().collect();
        match next_to_hide(&parts, |c| column_totals[c], total) {
            Some(Hide::Part(c)) => {
                column_totals[c] = Shown::Hidden;
                changed = true;
            }
            Some(Hide::Total) => {
                total = Shown::Hidden;
                changed = true;
            }
            None => {}
        }
        if !changed {
            break;
        }
    }
    ShownTable { cells, row_totals, column_totals, total }
}

/// What a line must hide next to stay safe.
enum Hide {
    /// This part: the smallest shown non-zero one.
    Part(usize),
    /// The line's total: no shown part could hide the hidden one.
    Total,
}

/// A line (parts and their total) is safe when its total is hidden, or when it hides no part with
/// a count, or at least two: then no hidden count follows from the total minus the shown parts.
/// Hiding a zero protects nothing (a hidden "<5" beside a hidden 0 still gives the count away), so
/// the part hidden next is the smallest shown non-zero one; when there is none, the total goes.
fn next_to_hide(parts: &[(usize, u32)], shown: impl Fn(usize) -> Shown, line_total: Shown) -> Option<Hide> {
    if line_total.is_hidden() {
        return None;
    }
    let hidden_counts = parts.iter().filter(|(i, n)| shown(*i).is_hidden() && *n > 0).count();
    if hidden_counts != 1 {
        return None;
    }
    let candidate = parts.iter().filter(|(i, n)| !shown(*i).is_hidden() && *n > 0).min_by_key(|(_, n)| *n);
    Some(candidate.map_or(Hide::Total, |(i, _)| Hide::Part(*i)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The properties funder reports rely on, for 20,000 random tables: no count of 1 to 4 is
    /// visible anywhere, and no line with a shown total hides exactly one part.
    #[test]
    fn no_small_count_is_visible_or_derivable() {
        let mut seed: u64 = 0x5eed;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..20_000 {
            let (rows, cols) = (1 + next(6) as usize, 1 + next(6) as usize);
            let counts: Vec<Vec<u32>> = (0..rows)
                .map(|_| (0..cols).map(|_| if next(3) == 0 { next(5) as u32 } else { next(60) as u32 }).collect())
                .collect();
            let t = suppress(&counts);
            let visible = t.cells.iter().flatten().chain(&t.row_totals).chain(&t.column_totals).chain([&t.total]);
            for s in visible {
                if let Shown::Count(n) = s {
                    assert!(!(1..=4).contains(n), "{counts:?} shows {n}");
                }
            }
            // A line gives a count away when its total is shown and exactly one of the counts it
            // hides is not zero (hidden zeros protect nothing).
            let one_hidden = |parts: Vec<(Shown, u32)>, total: Shown| {
                !total.is_hidden() && parts.iter().filter(|(s, n)| s.is_hidden() && *n > 0).count() == 1
            };
            let row_sum: Vec<u32> = counts.iter().map(|r| r.iter().sum()).collect();
            let col_sum: Vec<u32> = (0..cols).map(|c| counts.iter().map(|r| r[c]).sum()).collect();
            for r in 0..rows {
                let parts = t.cells[r].iter().copied().zip(counts[r].iter().copied()).collect();
                assert!(!one_hidden(parts, t.row_totals[r]), "row {r} of {counts:?}: {t:?}");
            }
            for c in 0..cols {
                let parts = (0..rows).map(|r| (t.cells[r][c], counts[r][c])).collect();
                assert!(!one_hidden(parts, t.column_totals[c]), "column {c} of {counts:?}: {t:?}");
            }
            let parts = t.row_totals.iter().copied().zip(row_sum.iter().copied()).collect();
            assert!(!one_hidden(parts, t.total), "row totals of {counts:?}: {t:?}");
            let parts = t.column_totals.iter().copied().zip(col_sum.iter().copied()).collect();
            assert!(!one_hidden(parts, t.total), "column totals of {counts:?}: {t:?}");
        }
    }

    #[test]
    fn a_small_count_takes_the_smallest_neighbour_with_it() {
        let t = suppress(&[vec![3, 40, 12], vec![20, 30, 25]]);
        assert_eq!(t.cells[0], vec![Shown::Small, Shown::Count(40), Shown::Hidden], "12 is hidden with the 3");
        // The columns of the 3 and the 12 now each hide one cell: their other cells go too.
        assert_eq!(t.cells[1], vec![Shown::Hidden, Shown::Count(30), Shown::Hidden]);
        assert_eq!(t.row_totals, vec![Shown::Count(55), Shown::Count(75)]);
        assert_eq!(t.total, Shown::Count(130));
        assert_eq!(Shown::Small.text(), "<5");
        let none = suppress(&[vec![10, 0], vec![7, 8]]);
        assert!(none.cells.iter().flatten().all(|s| !s.is_hidden()), "zeros and large counts stay");
    }

    #[test]
    fn a_zero_is_never_the_cell_hidden_beside_a_small_count() {
        // Referrals 12 / 1 / 0 / 0 with their total: hiding a 0 beside the "<5" would leave
        // "<5 + × = 1", so the 12 goes instead.
        let t = suppress(&[vec![12, 1, 0, 0]]);
        assert_eq!(t.cells[0], vec![Shown::Hidden, Shown::Small, Shown::Count(0), Shown::Count(0)]);
        assert_eq!(t.row_totals[0], Shown::Count(13));
        // Nothing but zeros beside it: the total goes.
        let t = suppress(&[vec![3, 0, 0]]);
        assert_eq!(t.cells[0], vec![Shown::Small, Shown::Count(0), Shown::Count(0)]);
        assert_eq!(t.row_totals[0], Shown::Small, "a total of 3 is small itself");
        // One column: the 7 is hidden with the 2, and so are the row totals that repeat them.
        let t = suppress(&[vec![7], vec![2], vec![0]]);
        let column: Vec<Shown> = t.cells.iter().map(|r| r[0]).collect();
        assert_eq!(column, vec![Shown::Hidden, Shown::Small, Shown::Count(0)]);
        assert_eq!((t.row_totals[0], t.column_totals[0]), (Shown::Hidden, Shown::Count(9)));
    }
}
