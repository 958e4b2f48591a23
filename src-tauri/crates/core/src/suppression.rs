//! Small counts in funder reports: a count of 1 to 4 people could point at someone, so it is shown
//! as "<5" (primary suppression). Where a row or column total is shown, one hidden cell could be
//! worked out by subtracting the others from the total; so a second cell of that line is hidden too
//! (complementary suppression), the smallest first, until no line with a shown total has exactly
//! one hidden cell. Totals of 1 to 4 are themselves hidden. Pure; the report builders call it
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
            if let Some(c) = second_to_hide(&parts, |c| cells[r][c], row_totals[r]) {
                cells[r][c] = Shown::Hidden;
                changed = true;
            }
        }
        for c in 0..cols {
            let parts: Vec<(usize, u32)> = (0..rows).map(|r| (r, counts[r][c])).collect();
            if let Some(r) = second_to_hide(&parts, |r| cells[r][c], column_totals[c]) {
                cells[r][c] = Shown::Hidden;
                changed = true;
            }
        }
        let parts: Vec<(usize, u32)> = row_sum.iter().copied().enumerate().collect();
        if let Some(r) = second_to_hide(&parts, |r| row_totals[r], total) {
            row_totals[r] = Shown::Hidden;
            changed = true;
        }
        let parts: Vec<(usize, u32)> = col_sum.iter().copied().enumerate().collect();
        if let Some(c) = second_to_hide(&parts, |c| column_totals[c], total) {
            column_totals[c] = Shown::Hidden;
            changed = true;
        }
        // A line whose parts are all hidden but one hidden total: hiding the total of a single
        // hidden part is the only way out when the line has no other part.
        for r in 0..rows {
            if cols == 1 && cells[r][0].is_hidden() && !row_totals[r].is_hidden() {
                row_totals[r] = Shown::Hidden;
                changed = true;
            }
        }
        if rows == 1 && row_totals[0].is_hidden() && !total.is_hidden() {
            total = Shown::Hidden;
            changed = true;
        }
        if !changed {
            break;
        }
    }
    ShownTable { cells, row_totals, column_totals, total }
}

/// In a line whose total is shown and which hides exactly one part, the part to hide next: the
/// smallest shown one. `None` when the line is safe (or has no other part to hide).
fn second_to_hide(parts: &[(usize, u32)], shown: impl Fn(usize) -> Shown, line_total: Shown) -> Option<usize> {
    if line_total.is_hidden() || parts.iter().filter(|(i, _)| shown(*i).is_hidden()).count() != 1 {
        return None;
    }
    parts.iter().filter(|(i, _)| !shown(*i).is_hidden()).min_by_key(|(_, n)| *n).map(|(i, _)| *i)
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
            let one_hidden = |parts: Vec<Shown>, total: Shown| {
                !total.is_hidden() && parts.iter().filter(|s| s.is_hidden()).count() == 1
            };
            for r in 0..rows {
                assert!(!one_hidden(t.cells[r].clone(), t.row_totals[r]), "row {r} of {counts:?}: {t:?}");
            }
            for c in 0..cols {
                let column: Vec<Shown> = t.cells.iter().map(|row| row[c]).collect();
                assert!(!one_hidden(column, t.column_totals[c]), "column {c} of {counts:?}: {t:?}");
            }
            assert!(!one_hidden(t.row_totals.clone(), t.total), "row totals of {counts:?}: {t:?}");
            assert!(!one_hidden(t.column_totals.clone(), t.total), "column totals of {counts:?}: {t:?}");
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
}
