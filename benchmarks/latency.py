"""Reply latency, throughput and memory of the running assistant (`make bench`).

    python -m benchmarks.latency [--messages 300] [--concurrency 20] [--skip-train]

Starts the directory API, the action server and Rasa (bot/stack.py) on free ports,
then measures, through the REST webhook a browser's messages take:
- full replies (NLU, dialogue, and directory look-ups through the action server) for a
  realistic mix of conversations, at 1 and at N concurrent conversations: p50/p95/p99
  and messages per second;
- /model/parse alone (NLU only) at 1 conversation, and the ratio of full-reply p95 to
  parse p95 (our own overhead on top of understanding the message);
- the Rasa server's resident memory after the run;
- how long the full model takes to train (into a temporary folder).
"""
import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import List

import requests

from bot.stack import PROJECT_ROOT, running_stack

# Realistic conversations: openers, places, follow-ups, crises and chit-chat. Every
# second or third message triggers a directory look-up through the action server.
CONVERSATIONS = [
    ["hello", "I'm so lonely since my wife died", "Dereham", "thank you"],
    ["my partner checks my phone and won't let me see my friends", "yes I'm safe right now", "Thetford",
     "what if it gets worse?"],
    ["I think I've been scammed by someone pretending to be my bank", "IP24 2AB", "more options"],
    ["I want to end my life"],
    ["I'm drowning in debt and the bailiffs are coming", "I'd rather not say", "just give me a number"],
    ["when is my bin collected?", "I live in Stafford"],
    ["my son is being groomed by older lads to sell drugs", "yes", "Taunton"],
    ["I care for my mum who has dementia and I'm exhausted", "Aylesbury", "that's all, thanks"],
    ["are you a real person?", "can I speak to someone", "my neighbours are screaming all night", "Forebridge"],
]


def percentile(values: List[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary(name: str, timings: List[float], elapsed: float) -> str:
    ms = [t * 1000 for t in timings]
    return (f"{name:<38} n={len(ms):>4}  p50 {percentile(ms, 50):6.1f} ms  p95 {percentile(ms, 95):6.1f} ms  "
            f"p99 {percentile(ms, 99):6.1f} ms  mean {statistics.mean(ms):6.1f} ms  {len(ms) / elapsed:6.1f} msg/s")


def run_conversation(webhook: str, script: List[str], session: requests.Session) -> List[float]:
    sender = "bench-" + uuid.uuid4().hex[:12]
    timings = []
    for text in script:
        started = time.perf_counter()
        response = session.post(webhook, json={"sender": sender, "message": text}, timeout=60)
        timings.append(time.perf_counter() - started)
        response.raise_for_status()
        if not response.json():
            raise RuntimeError(f"no reply to {text!r}")
    return timings


def full_replies(rasa_url: str, messages: int, concurrency: int):
    webhook = f"{rasa_url}/webhooks/rest/webhook"
    scripts = itertools.cycle(CONVERSATIONS)
    planned, total = [], 0
    while total < messages:
        script = next(scripts)
        planned.append(script)
        total += len(script)
    timings: List[float] = []
    lock = threading.Lock()
    local = threading.local()

    def worker(script):
        if not hasattr(local, "session"):
            local.session = requests.Session()
        result = run_conversation(webhook, script, local.session)
        with lock:
            timings.extend(result)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(worker, planned))
    return timings, time.perf_counter() - started


def parse_only(rasa_url: str, token: str, messages: int):
    texts = list(itertools.chain.from_iterable(CONVERSATIONS))
    session = requests.Session()
    timings = []
    started = time.perf_counter()
    for text in itertools.islice(itertools.cycle(texts), messages):
        t0 = time.perf_counter()
        session.post(f"{rasa_url}/model/parse", params={"token": token}, json={"text": text},
                     timeout=60).raise_for_status()
        timings.append(time.perf_counter() - t0)
    return timings, time.perf_counter() - started


def resident_memory_mb(pid: int) -> float:
    """VmRSS of the process and its children (Rasa runs in one process here)."""
    total = 0
    pids = [pid] + [int(p) for p in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True,
                                                   text=True).stdout.split()]
    for one in pids:
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def training_seconds() -> float:
    out = Path(tempfile.mkdtemp(prefix="signpost-train-"))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "rasa", "train", "--force", "--out", str(out), "--fixed-model-name", "bench",
                    "--quiet"], cwd=PROJECT_ROOT, check=True, capture_output=True,
                   env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"})
    elapsed = time.perf_counter() - started
    shutil.rmtree(out, ignore_errors=True)
    return elapsed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--skip-train", action="store_true")
    args = parser.parse_args(argv)

    from services_directory import db
    from services_directory.loader import load

    work = Path(tempfile.mkdtemp(prefix="signpost-bench-"))
    database = f"sqlite:///{work / 'directory.sqlite3'}"
    load(db.make_engine(database))
    print("Starting the directory API, action server and Rasa...")
    with running_stack(database, work) as stack:
        rasa_url = stack["rasa"].url
        run_conversation(f"{rasa_url}/webhooks/rest/webhook", CONVERSATIONS[0], requests.Session())  # warm up
        single, single_elapsed = full_replies(rasa_url, args.messages, 1)
        parse, parse_elapsed = parse_only(rasa_url, stack["token"], args.messages)
        many, many_elapsed = full_replies(rasa_url, args.messages * 2, args.concurrency)
        memory = resident_memory_mb(stack["rasa"].pid)
    print(summary("full reply, 1 conversation", single, single_elapsed))
    print(summary("/model/parse only, 1 client", parse, parse_elapsed))
    print(summary(f"full reply, {args.concurrency} conversations", many, many_elapsed))
    ratio = percentile(single, 95) / percentile(parse, 95)
    print(f"full-reply p95 / parse p95 at 1 conversation: {ratio:.2f}")
    print(f"Rasa server resident memory: {memory:.0f} MB")
    if not args.skip_train:
        print(f"full model training time (rasa train --force): {training_seconds():.0f} s")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
