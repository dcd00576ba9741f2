"""Where a reply's time goes: Rasa in this process, the real action server and directory.

    python -m benchmarks.reply_breakdown [--model models/signpost.tar.gz] [--rounds 3]
                                         [--rasas-response-check]

Runs the conversations of benchmarks/latency.py through Rasa's Agent (no HTTP in front of
Rasa, so the totals are a little below `make bench`), with the directory API and the
action server started as in production, and prints for each stage how often it ran per
message and its time: understanding the message, the dialogue policies (TED, rules,
memoization), each custom action (the round trip to the action server included), and the
tracker store. Stages overlap: the policies run inside "predict next action", and custom
actions inside "handle message".

--rasas-response-check measures with Rasa's own check of the action server's replies,
which re-checks its schema on every call (bot/action_response_check.py); by default the
check installed by bot.serve_rasa is used, as in production.
"""
import argparse
import asyncio
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from pathlib import Path

from benchmarks.latency import CONVERSATIONS, percentile
from bot.stack import PROJECT_ROOT, action_process, directory_process

timings = defaultdict(list)


def time_calls(owner, method_name: str, label, is_async: bool) -> None:
    """Wrap owner.method_name so that each call's duration is recorded under label(self)."""
    original = getattr(owner, method_name)

    if is_async:
        async def wrapper(self, *args, **kwargs):
            started = time.perf_counter()
            try:
                return await original(self, *args, **kwargs)
            finally:
                timings[label(self)].append(time.perf_counter() - started)
    else:
        def wrapper(self, *args, **kwargs):
            started = time.perf_counter()
            try:
                return original(self, *args, **kwargs)
            finally:
                timings[label(self)].append(time.perf_counter() - started)
    setattr(owner, method_name, wrapper)


def instrument() -> None:
    from rasa.core.actions.action import RemoteAction
    from rasa.core.policies.memoization import MemoizationPolicy
    from rasa.core.policies.rule_policy import RulePolicy
    from rasa.core.policies.ted_policy import TED, TEDPolicy
    from rasa.core.processor import MessageProcessor

    time_calls(MessageProcessor, "handle_message", lambda _: "handle message (all of it)", True)
    time_calls(MessageProcessor, "parse_message", lambda _: "understand the message (NLU)", True)
    time_calls(MessageProcessor, "predict_next_with_tracker_if_should", lambda _: "predict next action", False)
    time_calls(TEDPolicy, "predict_action_probabilities", lambda _: "  TEDPolicy", False)
    # TED's own stages: reading the tracker into features, packing them, the network itself.
    time_calls(TEDPolicy, "_featurize_tracker", lambda _: "    TED featurise the tracker", False)
    time_calls(TEDPolicy, "_create_model_data", lambda _: "    TED pack the features", False)
    time_calls(TED, "run_inference", lambda _: "    TED network", False)
    time_calls(RulePolicy, "predict_action_probabilities", lambda _: "  RulePolicy", False)
    time_calls(MemoizationPolicy, "predict_action_probabilities", lambda _: "  MemoizationPolicy", False)
    time_calls(RemoteAction, "run", lambda action: f"custom action {action.name()}", True)
    time_calls(MessageProcessor, "fetch_tracker_and_update_session", lambda _: "fetch tracker", True)
    time_calls(MessageProcessor, "save_tracker", lambda _: "save tracker", True)


async def run(model: Path, rounds: int, rasas_response_check: bool) -> None:
    from rasa.core.agent import load_agent
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
    from rasa.core.utils import AvailableEndpoints
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog

    from bot import action_response_check

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
    if not rasas_response_check:
        action_response_check.install()
    instrument()

    work = Path(tempfile.mkdtemp(prefix="signpost-breakdown-"))
    database = f"sqlite:///{work / 'directory.sqlite3'}"
    subprocess.run([sys.executable, "-m", "services_directory", "--database", database, "load"],
                   cwd=PROJECT_ROOT, check=True, capture_output=True)
    directory = directory_process(database, work).start()
    actions = action_process(directory.url, work).start()
    try:
        agent = await load_agent(model_path=str(model), endpoints=AvailableEndpoints(
            action=EndpointConfig(url=f"{actions.url}/webhook")))
        for round_number in range(rounds + 1):
            if round_number == 1:
                timings.clear()  # round 0 warms up
            for script in CONVERSATIONS:
                sender = "breakdown-" + uuid.uuid4().hex[:12]
                for text in script:
                    await agent.handle_message(UserMessage(text, CollectingOutputChannel(), sender))
    finally:
        actions.stop()
        directory.stop()

    messages = len(timings["handle message (all of it)"])
    check = "Rasa's own" if rasas_response_check else "prebuilt (bot/action_response_check.py)"
    print(f"{messages} messages, {rounds} rounds of {len(CONVERSATIONS)} conversations; "
          f"action-reply check: {check}")
    print(f"{'stage':<44} {'calls/msg':>9} {'mean/call':>10} {'p95/call':>9} {'per msg':>9}")
    for label, seconds in sorted(timings.items(), key=lambda item: -sum(item[1])):
        ms = [value * 1000 for value in seconds]
        print(f"{label:<44} {len(ms) / messages:>9.2f} {statistics.mean(ms):>8.1f} ms "
              f"{percentile(ms, 95):>6.1f} ms {sum(ms) / messages:>6.1f} ms")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=PROJECT_ROOT / "models" / "signpost.tar.gz")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rasas-response-check", action="store_true")
    args = parser.parse_args(argv)
    if not args.model.exists():
        print(f"No trained model at {args.model}: run `make train`.", file=sys.stderr)
        return 2
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    asyncio.run(run(args.model.resolve(), args.rounds, args.rasas_response_check))
    return 0


if __name__ == "__main__":
    sys.exit(main())
