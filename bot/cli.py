"""Chat with Signpost in the terminal (`make shell`).

Starts the directory API and the action server in the background, then Rasa's own
terminal channel in the foreground. Type /stop to end; everything stops with it.

    python -m bot.cli [--mode web|kiosk|handler]
"""
import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bot.stack import MODEL, PROJECT_ROOT, action_process, directory_process
from services_directory.db import database_url


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.parse_args(argv)
    if not MODEL.exists():
        print("No trained model: run `make train` first (make shell does it for you).", file=sys.stderr)
        return 2
    logs = Path(tempfile.mkdtemp(prefix="signpost-shell-"))
    directory = directory_process(database_url(), logs).start()
    actions = action_process(directory.url, logs).start()
    endpoints = logs / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "{actions.url}/webhook"\n')
    print("Signpost in the terminal. Say hello, or tell it what's worrying you. /stop to finish.\n")
    try:
        return subprocess.call([sys.executable, "-m", "rasa", "shell", "--model", str(MODEL), "--endpoints",
                                str(endpoints), "--port", "5006"], cwd=PROJECT_ROOT,
                               env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"})
    finally:
        actions.stop()
        directory.stop()


if __name__ == "__main__":
    sys.exit(main())
