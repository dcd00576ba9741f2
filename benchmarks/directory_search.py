"""Directory search latency with a large synthetic directory, on SQLite and PostgreSQL.

    python -m benchmarks.directory_search [--database URL ...] [--services 50000]
                                          [--towns 1200] [--queries 2000] [--seed 7]

Builds a synthetic directory in memory (never written to the data files): the real
gazetteer plus `--towns` synthetic towns (and a ward in every other town) spread over
the real districts, each town with its own synthetic postcode district (Q.. codes, which
no real UK postcode uses), and `--services` synthetic services: 80% for a town or ward,
14% district-wide, 5% county-wide, 1% national, over every concern, kind and status.
The real services are loaded too.

Each backend gets a fresh database: a new SQLite file in a temporary folder, and for a
PostgreSQL URL a throwaway database created on that server and dropped afterwards
(nothing in the database the URL names is touched). The loader then loads the data
(timed), and `Directory.search` runs a realistic mix of searches: concern plus a town
name, a full postcode, a misspelt town, a ward or district, an unknown place, or no
place at all. It prints p50/p95/p99 per backend and per kind of query, and exits 1 if
any backend's p95 is over the target (20 ms).

Default backends: SQLite, and PostgreSQL at BENCH_POSTGRES_URL (else TEST_POSTGRES_URL,
else postgresql://postgres@127.0.0.1:5432/postgres). Pass --database to choose
(repeatable; `sqlite` means a temporary SQLite file).
"""
import argparse
import datetime as dt
import os
import random
import statistics
import string
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from services_directory import db
from services_directory.files import AreaRecord, DirectoryData, ScheduleRecord, ServiceRecord, read_data_dir
from services_directory.loader import load
from services_directory.models import Service
from services_directory.places import PlaceMatch, normalise_place
from services_directory.search import Directory
from services_directory.vocabulary import AUDIENCES, CONCERN_TAGS, NATIONAL_AREA_ID, WEEKDAYS

TARGET_P95_MS = 20.0
DEFAULT_POSTGRES_URL = (os.environ.get("BENCH_POSTGRES_URL") or os.environ.get("TEST_POSTGRES_URL")
                        or "postgresql://postgres@127.0.0.1:5432/postgres")

FIRST = ["Ash", "Brad", "Carl", "Dun", "Elm", "Fen", "Gar", "Hal", "Ing", "Kel", "Lang", "Mar",
         "Nor", "Ock", "Pen", "Ral", "Sand", "Thorn", "Up", "Wes", "Yar", "Bram", "Cran", "Dal",
         "Har", "Ket", "Mel", "Stan", "Wil", "Ox", "Bur", "Chel"]
MIDDLE = ["", "er", "ing", "ley", "en", "ow", "se"]
LAST = ["ton", "ham", "ford", "by", "field", "well", "worth", "stead", "bury", "combe",
        "thorpe", "wick", "hurst", "mere"]
WARD_SUFFIXES = ["North", "South", "East", "West", "Central", "Park", "Green", "Hill"]


# --- The synthetic directory --------------------------------------------------------------

def synthetic_town_names(count: int, taken: set, rng: random.Random) -> List[str]:
    names = [f + m + last for f in FIRST for m in MIDDLE for last in LAST]
    names = [n.capitalize() for n in names if normalise_place(n) not in taken and len(n) >= 5]
    if count > len(names):
        # Two-word names ("Ashton Magna") when the single words run out.
        names += [f"{n} {s}" for n in list(names) for s in ("Magna", "Parva", "Regis", "Abbas")]
    rng.shuffle(names)
    if count > len(names):
        raise SystemExit(f"--towns {count} is more than the {len(names)} synthetic names available")
    return sorted(names[:count])


def outward_codes(count: int) -> List[str]:
    """Q.. codes: no real UK postcode area starts with Q, so they never collide."""
    codes = [f"Q{letter}{number}" for letter in string.ascii_uppercase for number in range(1, 100)]
    if count > len(codes):
        raise SystemExit(f"at most {len(codes)} synthetic towns are supported")
    return codes[:count]


def build_directory(services: int, towns: int, seed: int) -> Tuple[DirectoryData, dict]:
    rng = random.Random(seed)
    real = read_data_dir()
    taken = {normalise_place(n) for a in real.areas for n in [a.name, *a.aliases]}
    districts = [a for a in real.areas if a.type == "district"]
    by_id = {a.id: a for a in real.areas}

    def county_of(area: AreaRecord) -> AreaRecord:
        while area.type != "county":
            area = by_id[area.parent]
        return area

    areas: List[AreaRecord] = list(real.areas)
    town_areas, ward_areas = [], []
    for index, (name, code) in enumerate(zip(synthetic_town_names(towns, taken, rng), outward_codes(towns))):
        district = districts[index % len(districts)]
        centre = county_of(district) if district.lat is None else district
        town = AreaRecord(
            id=f"bench-town-{index}", name=name, type="town", parent=district.id, aliases=[],
            postcode_districts=[code], lat=round((centre.lat or 52.5) + rng.uniform(-0.2, 0.2), 2),
            lon=round((centre.lon or -1.0) + rng.uniform(-0.2, 0.2), 2), ambiguous=False, file="bench")
        town_areas.append(town)
        if index % 2 == 0:
            ward_areas.append(AreaRecord(
                id=f"bench-ward-{index}", name=f"{name} {rng.choice(WARD_SUFFIXES)}", type="ward",
                parent=town.id, aliases=[], postcode_districts=[], lat=town.lat, lon=town.lon,
                ambiguous=False, file="bench"))
    areas += town_areas + ward_areas
    counties = [a for a in real.areas if a.type == "county"]
    local_areas = town_areas + ward_areas

    today = dt.date.today()
    records: List[ServiceRecord] = list(real.services)
    for index in range(services):
        draw = rng.random()
        if draw < 0.80:
            covered = [rng.choice(local_areas).id]
        elif draw < 0.94:
            covered = [rng.choice(districts).id]
        elif draw < 0.99:
            covered = [rng.choice(counties).id]
        else:
            covered = [NATIONAL_AREA_ID]
        concerns = rng.sample(CONCERN_TAGS, 2 if rng.random() < 0.25 else 1)
        kind = rng.choices(["service", "helpline", "safeguarding_route"], [70, 20, 10])[0]
        status = rng.choices(["active", "unverified", "ended"], [80, 15, 5])[0]
        open_24_7 = kind == "helpline" and rng.random() < 0.2
        schedule = []
        if not open_24_7 and rng.random() < 0.4:
            opens = rng.choice(["08:00", "09:00", "10:00"])
            closes = rng.choice(["17:00", "20:00", "22:00"])
            schedule = [ScheduleRecord(days=list(WEEKDAYS[:5]), opens=opens, closes=closes)]
            if rng.random() < 0.3:
                schedule.append(ScheduleRecord(days=["sat", "sun"], opens="10:00", closes="16:00"))
        age_draw = rng.random()
        records.append(ServiceRecord(
            id=f"bench-service-{index}", name=f"Synthetic service {index}",
            organization=f"Synthetic organisation {index % 2000}", kind=kind,
            description=f"A synthetic {kind.replace('_', ' ')} for the search benchmark.",
            concerns=concerns, audiences=rng.sample(AUDIENCES, rng.randint(1, 2)), areas=covered,
            status=status, source_document="benchmark", source_quote="synthetic record",
            last_verified=today - dt.timedelta(days=rng.randint(0, 300)),
            review_due=today + dt.timedelta(days=rng.randint(-30, 300)),
            phone=f"0300 {index // 10000:03d} {index % 10000:04d}" if rng.random() < 0.7 else None,
            open_24_7=open_24_7, schedule=schedule, hours="Synthetic hours" if schedule else None,
            minimum_age=18 if age_draw < 0.1 else None, maximum_age=18 if 0.1 <= age_draw < 0.2 else None,
            ended_on=today - dt.timedelta(days=30) if status == "ended" else None, file="bench",
        ))
    info = {"towns": town_areas, "wards": ward_areas, "districts": districts, "real_areas": real.areas}
    return DirectoryData(areas=areas, services=records, taxonomy=real.taxonomy), info


# --- The queries ------------------------------------------------------------------------

def misspell(name: str, rng: random.Random) -> str:
    """One slip (swap, drop, double or change a letter) after the first two letters."""
    word = name.split()[0]
    i = rng.randint(2, len(word) - 2)
    slip = rng.choice(["swap", "drop", "double", "change"])
    if slip == "swap":
        word = word[:i] + word[i + 1] + word[i] + word[i + 2:]
    elif slip == "drop":
        word = word[:i] + word[i + 1:]
    elif slip == "double":
        word = word[:i] + word[i] + word[i:]
    else:
        word = word[:i] + rng.choice([c for c in "aeiou" if c != word[i].lower()]) + word[i + 1:]
    return " ".join([word.lower()] + name.split()[1:])


def build_queries(count: int, info: dict, seed: int) -> List[dict]:
    rng = random.Random(seed + 1)
    real_towns = [a for a in info["real_areas"] if a.type in ("town", "village") and not a.ambiguous]
    mix = [("town", 30), ("postcode", 20), ("misspelt", 15), ("ward_or_district", 10),
           ("no_place", 15), ("unknown_place", 5), ("sentence", 5)]
    queries = []
    for _ in range(count):
        kind = rng.choices([k for k, _ in mix], [w for _, w in mix])[0]
        town = rng.choice(info["towns"]) if rng.random() < 0.85 else rng.choice(real_towns)
        expected = town.id
        if kind == "town":
            place = town.name if rng.random() < 0.8 else town.name.lower()
        elif kind == "postcode":
            town = rng.choice(info["towns"])
            expected = town.id
            place = f"{town.postcode_districts[0]} {rng.randint(1, 9)}{rng.choice('ABDEFGHJ')}{rng.choice('LNPQRSTU')}"
        elif kind == "misspelt":
            place = misspell(town.name, rng)
        elif kind == "ward_or_district":
            area = rng.choice(info["wards"] + info["districts"])
            place, expected = area.name, area.id
        elif kind == "sentence":
            place = f"I live in {town.name}, near the church"
        elif kind == "unknown_place":
            place, expected = "".join(rng.choice("bcdfgkpstvz") + rng.choice("aeiou") for _ in range(4)), None
        else:
            place, expected = None, None
        audience = rng.choice(AUDIENCES) if rng.random() < 0.2 else None
        queries.append({"kind": kind, "concern": rng.choice(CONCERN_TAGS), "place": place,
                        "audience": audience, "expected": expected})
    return queries


# --- Running ----------------------------------------------------------------------------

@contextmanager
def fresh_database(url: str, workdir: Path) -> Iterator[str]:
    """A new empty database for `url`'s backend, removed afterwards."""
    if url == "sqlite" or url.startswith("sqlite"):
        path = workdir / f"bench-{uuid.uuid4().hex[:8]}.sqlite3"
        if url not in ("sqlite", "sqlite://") and make_url(url).database:
            path = Path(make_url(url).database)
            if path.exists():
                raise SystemExit(f"{path} exists: the benchmark only writes to a new SQLite file")
        yield f"sqlite:///{path}"
        path.unlink(missing_ok=True)
        return
    name = f"signpost_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                    "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": name})
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def percentile(values: List[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


def run_backend(label: str, url: str, data: DirectoryData, queries: List[dict]) -> dict:
    engine = db.make_engine(url)
    started = time.perf_counter()
    load(engine, data)
    load_seconds = time.perf_counter() - started
    directory = Directory(engine)
    with directory.sessions() as session:
        loaded = session.execute(select(func.count(Service.id))).scalar_one()
    at = dt.datetime(2026, 11, 25, 14, 30, tzinfo=dt.timezone.utc)  # a weekday afternoon
    for query in queries[:50]:  # warm up: gazetteer, connection pool, statement caches
        directory.search(query["concern"], place=query["place"], audience=query["audience"], at=at)
    timings: Dict[str, List[float]] = defaultdict(list)
    resolved_as_expected = defaultdict(lambda: [0, 0])
    results_returned = 0
    for query in queries:
        started = time.perf_counter()
        response = directory.search(query["concern"], place=query["place"], audience=query["audience"], at=at)
        elapsed_ms = (time.perf_counter() - started) * 1000
        timings["all"].append(elapsed_ms)
        timings[query["kind"]].append(elapsed_ms)
        results_returned += len(response.services)
        if query["expected"] is not None:
            counts = resolved_as_expected[query["kind"]]
            counts[1] += 1
            counts[0] += isinstance(response.place, PlaceMatch) and response.place.area_id == query["expected"]
    engine.dispose()
    return {"label": label, "load_seconds": load_seconds, "services": loaded, "timings": timings,
            "resolved": dict(resolved_as_expected), "results": results_returned}


def report(result: dict) -> bool:
    all_ms = result["timings"]["all"]
    p95 = percentile(all_ms, 0.95)
    print(f"\n== {result['label']}: {result['services']:,} services loaded in {result['load_seconds']:.1f} s")
    print(f"   {'queries':<18}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for kind in ["all"] + sorted(k for k in result["timings"] if k != "all"):
        values = result["timings"][kind]
        print(f"   {kind:<18}{len(values):>6}{statistics.median(values):>9.2f}{percentile(values, 0.95):>9.2f}"
              f"{percentile(values, 0.99):>9.2f}{max(values):>9.2f}")
    resolved = ", ".join(f"{kind} {ok}/{n}" for kind, (ok, n) in sorted(result["resolved"].items()))
    print(f"   places resolved to the intended area: {resolved}")
    print(f"   mean results per search: {result['results'] / len(all_ms):.2f}")
    verdict = "PASS" if p95 < TARGET_P95_MS else "FAIL"
    print(f"   {verdict}: p95 {p95:.2f} ms (target under {TARGET_P95_MS:.0f} ms)")
    return p95 < TARGET_P95_MS


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.directory_search", description=__doc__.split("\n")[0])
    parser.add_argument("--database", action="append",
                        help="'sqlite' (a temporary file), a new sqlite:///FILE, or a PostgreSQL server URL "
                             "(a throwaway database is created there and dropped); repeatable")
    parser.add_argument("--services", type=int, default=50_000)
    parser.add_argument("--towns", type=int, default=1200)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    backends = args.database or ["sqlite", DEFAULT_POSTGRES_URL]

    started = time.perf_counter()
    data, info = build_directory(args.services, args.towns, args.seed)
    queries = build_queries(args.queries, info, args.seed)
    print(f"Synthetic directory: {len(data.areas):,} areas ({len(info['towns']):,} synthetic towns, "
          f"{len(info['wards']):,} wards), {len(data.services):,} services; built in "
          f"{time.perf_counter() - started:.1f} s. {len(queries):,} searches per backend.")
    passed = True
    with tempfile.TemporaryDirectory(prefix="signpost-bench-") as workdir:
        for backend in backends:
            label = "SQLite" if backend.startswith("sqlite") else \
                f"PostgreSQL ({make_url(backend).render_as_string(hide_password=True)})"
            with fresh_database(backend, Path(workdir)) as url:
                passed &= report(run_backend(label, url, data, queries))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
