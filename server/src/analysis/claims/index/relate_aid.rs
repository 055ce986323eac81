//! Who gives aid: two amounts of aid compare only when one donor gives
//! both.
use super::super::event::same_party;
use super::RelateContext;
use crate::analysis::claims::quantity::measure::Measure;

/// For two amounts of aid, whether one donor gives both: by the
/// countries the donors stand for when both are known ("the Japanese
/// government", "Japan's foreign ministry" and "Tokyo" are one), else by
/// the named subjects. `Some(None)` when a side names no donor (aid whose
/// donor is unknown is not another donor's aid to the same country);
/// None when the amounts are no aid.
pub(super) fn aid_donor(
    cx: &RelateContext,
    (s1, m1): (&Option<u32>, &Measure),
    (s2, m2): (&Option<u32>, &Measure),
) -> Option<Option<bool>> {
    if !m1.what.ends_with("aid") {
        return None;
    }
    Some(match (&m1.from, &m2.from, s1, s2) {
        (Some(a), Some(b), _, _) => Some(a == b),
        (_, _, Some(a), Some(b)) => Some(same_party(cx.entities, *a, *b)),
        _ => None,
    })
}
