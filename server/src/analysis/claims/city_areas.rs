//! Whether two cities of one country may be one inside the other, from
//! where the gazetteer puts them (`city_areas.tsv`: each city's
//! first-level division and coordinates). Ikeja lies in Lagos: a report
//! of an event "in Ikeja" and one "in Lagos" do not contradict each
//! other; Ibadan is another division and 110 km away.
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::analysis::text::fold::ascii_key;

/// How far apart two cities of one division may lie and still be one
/// inside the other (a suburb in its metropolis): the radius of a large
/// city, in kilometres.
const METRO_RADIUS_KM: f64 = 25.0;

/// How close two cities of two divisions may lie and still be told for
/// one another: a city across a border that runs through one built-up
/// area (Giza and Cairo, whose centres are 7 km apart).
const TWIN_CITY_KM: f64 = 12.0;

/// Where a city lies: its country code, its first-level division, and
/// its latitude and longitude in degrees.
#[derive(Debug, Clone, PartialEq)]
struct Area {
    country: String,
    division: String,
    lat: f64,
    lon: f64,
}

static AREAS: LazyLock<HashMap<String, Area>> =
    LazyLock::new(|| parse(include_str!("../../../data/gazetteer/city_areas.tsv")));

/// The rows of `city_areas.tsv` by folded city name (a name two
/// countries share keeps its first row: such pairs are told apart by
/// their countries before this is asked).
fn parse(data: &str) -> HashMap<String, Area> {
    let mut out = HashMap::new();
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let mut f = line.split('\t');
        let (Some(name), Some(country), Some(division), Some(lat), Some(lon)) =
            (f.next(), f.next(), f.next(), f.next(), f.next())
        else {
            continue;
        };
        let (Ok(lat), Ok(lon)) = (lat.parse(), lon.parse()) else {
            continue;
        };
        out.entry(ascii_key(name)).or_insert(Area {
            country: country.to_string(),
            division: division.to_string(),
            lat,
            lon,
        });
    }
    out
}

/// The area of a city by name, also as "<name> City" ("Marikina" is
/// "Marikina City").
fn area(name: &str) -> Option<&'static Area> {
    let by_key = |k: &str| AREAS.get(k).or_else(|| AREAS.get(&format!("{k} city")));
    by_key(&ascii_key(name)).or_else(|| {
        // An alias ("Bombay", "Saigon"): the gazetteer's own name.
        let lx = crate::analysis::ner::lexicon::Lexicon::get();
        let entry = lx.entry(lx.lookup(name)?);
        (entry.subkind == "city").then(|| by_key(&ascii_key(&entry.name)))?
    })
}

/// Great-circle distance in kilometres.
fn distance_km(a: &Area, b: &Area) -> f64 {
    let (la, lb) = (a.lat.to_radians(), b.lat.to_radians());
    let dlat = lb - la;
    let dlon = (b.lon - a.lon).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + la.cos() * lb.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Whether two cities may be one inside the other: in one division of
/// one country and close, or next to each other across a border. Unknown cities may be (nothing tells they are
/// apart); `false` only when the gazetteer places them apart.
pub fn may_be_within(a: &str, b: &str) -> bool {
    match (area(a), area(b)) {
        (Some(x), Some(y)) => {
            let d = distance_km(x, y);
            x.country == y.country
                && (d <= TWIN_CITY_KM || (x.division == y.division && d <= METRO_RADIUS_KM))
        }
        _ => true,
    }
}

/// The distance in kilometres between two cities the gazetteer places,
/// `None` when it lacks either.
pub fn km_between(a: &str, b: &str) -> Option<f64> {
    Some(distance_km(area(a)?, area(b)?))
}

/// Whether two cities lie in one first-level division of one country
/// ("the Puno region", written with its capital's name, and Juliaca):
/// `None` when the gazetteer lacks either or gives no division.
pub fn same_division(a: &str, b: &str) -> Option<bool> {
    let (x, y) = (area(a)?, area(b)?);
    if x.division == "-" || y.division == "-" {
        return None;
    }
    Some(x.country == y.country && x.division == y.division)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suburb_may_lie_in_its_city() {
        assert!(may_be_within("Ikeja", "Lagos"));
        assert!(may_be_within("Lagos", "Ikeja"));
        assert!(may_be_within("Giza", "Cairo"));
    }

    #[test]
    fn cities_of_other_divisions_or_far_apart_do_not() {
        assert!(!may_be_within("Ibadan", "Lagos"));
        assert!(!may_be_within("Mombasa", "Nairobi"));
        assert!(!may_be_within("Pretoria", "Johannesburg"));
        // One division, 35 km apart: a town of its own, no suburb.
        assert!(!may_be_within("Entebbe", "Kampala"));
        // Neighbours, but across a division's border.
        assert!(!may_be_within("Marikina", "Meycauayan"));
    }

    #[test]
    fn a_city_is_found_by_its_alias() {
        assert!(area("Saigon").is_some());
        assert!(!may_be_within("Saigon", "Hanoi"));
    }

    #[test]
    fn divisions_are_compared_by_code() {
        assert_eq!(same_division("Puno", "Juliaca"), Some(true));
        assert_eq!(same_division("Cusco", "Juliaca"), Some(false));
        assert_eq!(same_division("Cusco", "Nowhere Town"), None);
    }

    #[test]
    fn unknown_cities_may_be_anything() {
        assert!(may_be_within("Ojodu", "Lagos"));
    }

    #[test]
    fn rows_parse_and_distances_are_kilometres() {
        let m = parse("# c\nA\tNG\t05\t6.45\t3.39\nB\tNG\t32\t7.38\t3.91\nbad line\n");
        assert_eq!(m.len(), 2);
        let d = distance_km(&m["a"], &m["b"]);
        assert!((110.0..125.0).contains(&d), "{d}");
    }
}
