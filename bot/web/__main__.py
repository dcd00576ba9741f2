"""python -m bot.web [--host 127.0.0.1] [--port 8080]"""
import argparse
import logging

from bot.web.server import create_app


def main() -> None:
    parser = argparse.ArgumentParser(description="Signpost web pages and chat proxy")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # access_log off: request paths carry no text, but there is nothing we need from them.
    create_app().run(host=args.host, port=args.port, access_log=False, motd=False, workers=1)


if __name__ == "__main__":
    main()
