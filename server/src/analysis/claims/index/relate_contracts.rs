//! Whether two prices of one company's contracts are of one contract:
//! a company wins many contracts, so their clauses must share what the
//! contract is for.

/// Words of a contract's clause that say nothing of what it is for.
const CONTRACT_WORDS: &[&str] = &[
    "contract",
    "contracts",
    "deal",
    "deals",
    "tender",
    "award",
    "awarded",
    "won",
    "win",
    "sign",
    "signed",
    "approv",
    "approved",
    "valu",
    "valued",
    "worth",
    "price",
    "plan",
    "plans",
    "said",
    "say",
    "govern",
    "government",
    "compani",
    "company",
    "new",
];

/// Endings of nationality adjectives ("canadian", "british"): the
/// buyer's country says nothing of what a contract is for.
const NATIONAL: &[&str] = &["ian", "ish", "ese", "can", "ean"];

/// Prices of contracts of one company compare only when their clauses
/// share what the contract is for ("40 vehicles"): a company wins many
/// contracts, and two of one day are not one contract by their value.
pub(super) fn same_contract(what: &str, p1: &[String], p2: &[String]) -> bool {
    let contract = |p: &[String]| {
        p.iter()
            .any(|w| w.starts_with("contract") || w.starts_with("tender"))
    };
    if what != "price" || !(contract(p1) || contract(p2)) {
        return true;
    }
    let specific = |w: &&String| {
        !CONTRACT_WORDS.contains(&w.as_str())
            && w.len() > 2
            && !w.chars().any(|c| c.is_ascii_digit())
            && !NATIONAL.iter().any(|e| w.ends_with(e))
    };
    p1.iter().filter(specific).any(|w| p2.contains(w))
}
