"""Command line for the officer who maintains the directory.

    python -m services_directory validate            check the data files, load nothing
    python -m services_directory load                check, then load (all or nothing)
    python -m services_directory export --format oruk [--output FILE]
    python -m services_directory import FEED.json    add services from an ORUK 3.0/1.0 feed
    python -m services_directory stale               records past their review date
    python -m services_directory search CONCERN [--place P]
    python -m services_directory serve               the read-only ORUK HTTP API

Every command takes --database URL (default: DATABASE_URL, else var/directory.sqlite3).
Exit codes: 0 success, 1 problems found (listed on stderr), 2 wrong usage.
"""
import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from services_directory import db
from services_directory.files import DATA_DIR, DataError, read_data_dir


def main(argv=None) -> int:
    # --database is accepted before or after the command name: both orders are natural.
    database_option = argparse.ArgumentParser(add_help=False)
    database_option.add_argument("--database", default=argparse.SUPPRESS,
                                 help="SQLAlchemy URL (default: DATABASE_URL or var/directory.sqlite3)")
    parser = argparse.ArgumentParser(prog="python -m services_directory", description=__doc__.split("\n")[0],
                                     parents=[database_option])
    commands = parser.add_subparsers(dest="command", required=True)

    def add_command(name, help_text):
        return commands.add_parser(name, help=help_text, parents=[database_option])

    validate = add_command("validate", "check the data files")
    validate.add_argument("--data", type=Path, default=DATA_DIR)
    load = add_command("load", "check the data files, then load them")
    load.add_argument("--data", type=Path, default=DATA_DIR)
    export = add_command("export", "write the directory as an ORUK 3.0 feed")
    export.add_argument("--format", choices=["oruk"], default="oruk")
    export.add_argument("--output", type=Path, help="file to write (default: standard output)")
    export.add_argument("--include-ended", action="store_true", help="also export ended services")
    importer = add_command("import", "add services from an ORUK JSON feed")
    importer.add_argument("feed", type=Path)
    importer.add_argument("--area", default="england", help="area id the feed's services cover if they say nothing")
    stale = add_command("stale", "records past their review date")
    stale.add_argument("--today", type=dt.date.fromisoformat)
    search = add_command("search", "try a search")
    search.add_argument("concern")
    search.add_argument("--place")
    search.add_argument("--audience")
    search.add_argument("--limit", type=int, default=3)
    search.add_argument("--kind", action="append", choices=["service", "helpline", "safeguarding_route"],
                        help="repeat for several (default: service and helpline)")
    serve = add_command("serve", "run the read-only HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8090)
    args = parser.parse_args(argv)
    args.database = getattr(args, "database", None)

    try:
        return COMMANDS[args.command](args)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    except DBAPIError as error:
        print(f"Database error ({type(error).__name__}): {error.orig}\n"
              f"Check that the database at {_safe_url(args.database or db.database_url())} is running "
              "and that you have loaded it (python -m services_directory load).", file=sys.stderr)
        return 1


def _safe_url(url: str) -> str:
    """The URL without a password, for messages."""
    from sqlalchemy.engine import make_url
    return make_url(url).render_as_string(hide_password=True)


def cmd_validate(args) -> int:
    data = read_data_dir(args.data)
    print(f"OK: {len(data.areas)} areas and {len(data.services)} services in {args.data}")
    return 0


def cmd_load(args) -> int:
    from services_directory.loader import load

    data = read_data_dir(args.data)
    engine = db.make_engine(args.database)
    try:
        counts = load(engine, data)
    except ValueError as error:  # e.g. an area dropped from the files that imports still use
        print(f"Nothing was loaded: {error}", file=sys.stderr)
        return 1
    print(f"Loaded {counts['areas']} areas and {counts['services']} services into {_safe_url(str(engine.url))}")
    if counts.get("replaced_imports"):
        print(f"Replaced {counts['replaced_imports']} imported copies of records that the data files hold.")
    return 0


def cmd_export(args) -> int:
    from services_directory.oruk import check_feed, export_feed

    engine = db.make_engine(args.database)
    feed = export_feed(db.make_session_factory(engine), include_ended=args.include_ended)
    problems = check_feed(feed)
    if problems:
        print("The export failed its checks:\n" + "\n".join(f"  - {p}" for p in problems), file=sys.stderr)
        return 1
    text = json.dumps(feed, indent=2, ensure_ascii=False)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
        print(f"Wrote {len(feed['contents'])} services to {args.output}", file=sys.stderr)
    else:
        print(text)
    return 0


def cmd_import(args) -> int:
    from services_directory.oruk import FeedError, import_feed

    engine = db.make_engine(args.database)
    try:
        document = json.loads(args.feed.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"{args.feed}: cannot read the feed as JSON: {error}", file=sys.stderr)
        return 1
    try:
        count = import_feed(db.make_session_factory(engine), document, source=str(args.feed), default_area=args.area)
    except FeedError as error:
        print(f"{args.feed}: {error}", file=sys.stderr)
        return 1
    print(f"Imported {count} services from {args.feed}")
    return 0


def cmd_stale(args) -> int:
    from services_directory.search import Directory

    records = Directory(db.make_engine(args.database)).stale(args.today)
    if not records:
        print("No records are past their review date.")
        return 0
    print(f"{len(records)} record(s) past their review date:")
    for service in records:
        print(f"  {service.review_due}  {service.slug:45} {service.status:11} {service.name}")
    return 0


def cmd_search(args) -> int:
    from services_directory.search import Directory

    try:
        response = Directory(db.make_engine(args.database)).search(
            args.concern, place=args.place, audience=args.audience, limit=args.limit,
            **({"kinds": args.kind} if args.kind else {}))
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    if response.place_not_found:
        print(f"Place not found: {response.place_not_found.message} "
              f"Suggestions: {', '.join(response.place_not_found.suggestions) or 'none'}")
    elif response.place:
        print(f"Place: {response.place.name} ({response.place.type}, matched by {response.place.method})")
        council = response.place.council
        if council:
            contact = ", ".join(c for c in (council.phone, council.website) if c)
            print(f"Council: {council.name}" + (f" ({contact})" if contact else ""))
    for service in response.services:
        print(f"- {service.name} [{service.status}] {service.phone or ''}\n    {service.reason}")
    return 0


def cmd_serve(args) -> int:
    from services_directory.api import run

    run(host=args.host, port=args.port, database_url=args.database)
    return 0


COMMANDS = {
    "validate": cmd_validate, "load": cmd_load, "export": cmd_export, "import": cmd_import,
    "stale": cmd_stale, "search": cmd_search, "serve": cmd_serve,
}

if __name__ == "__main__":
    sys.exit(main())
