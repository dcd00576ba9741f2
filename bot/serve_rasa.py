"""Start the Rasa server the safe way: REST channel, HTTP API on, token required.

`rasa run --enable-api` without a token leaves the whole API (trackers, model, parse)
open to anyone who can reach the port, so this refuses to start without RASA_API_TOKEN.
The token never covers channel webhooks (/webhooks/...), which is why bot/web is the
only thing that should be exposed to browsers.

    python -m bot.serve_rasa [--model models/signpost.tar.gz] [--port 5005]
"""
import argparse
import logging
import os
import sys

MIN_TOKEN_LENGTH = 16


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="models/signpost.tar.gz")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5005)
    parser.add_argument("--endpoints", default=os.environ.get("RASA_ENDPOINTS", "endpoints.yml"))
    parser.add_argument("--credentials", default="credentials.yml")
    args = parser.parse_args(argv)

    token = os.environ.get("RASA_API_TOKEN", "")
    if len(token) < MIN_TOKEN_LENGTH:
        print(f"RASA_API_TOKEN must be set (at least {MIN_TOKEN_LENGTH} characters): without it Rasa's "
              "HTTP API would be open to anyone. `make run` writes one to .env.", file=sys.stderr)
        return 2
    if not os.path.exists(args.model):
        print(f"No trained model at {args.model}: run `make train`.", file=sys.stderr)
        return 2

    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    from rasa.core.run import serve_application
    from rasa.core.utils import AvailableEndpoints
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    from bot import action_response_check

    # INFO never includes message text; DEBUG does (Rasa's structured logger prints every
    # parsed message at debug, and defaults to debug unless configured), so both loggers
    # are pinned to INFO. tests/test_privacy.py checks the log for a message's text.
    configure_logging_and_warnings(logging.INFO)
    configure_structlog(logging.INFO)
    action_response_check.install()
    serve_application(
        model_path=args.model, interface=args.host, port=args.port, credentials=args.credentials,
        endpoints=AvailableEndpoints.read_endpoints(args.endpoints), enable_api=True,
        auth_token=token,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
