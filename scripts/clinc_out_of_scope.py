"""Write data/nlu/out_of_scope_clinc150.yml from the CLINC150 *train* split.

    .venv/bin/python scripts/clinc_out_of_scope.py [--mine-with models/signpost.tar.gz]

Two blocks of real out-of-scope queries (Larson et al., EMNLP 2019; CC BY 3.0):
- a fixed-seed sample, 3 per general-assistant topic and 40 labelled "oos", teaching
  the model what ordinary non-support messages look like;
- hard negatives: with --mine-with, every other train-split query that the given model
  escalates to a crisis on its own (not through the reviewed crisis phrases), added to
  those mined before. Re-run it after large changes to the training data.
Topics that overlap ours (fraud reports, greetings, yes/no, questions about the bot) and
topics where escalating is the safe reading ("what is the point of life", "send the
police my location") are never used. The *test* split is only for measuring.
"""
import argparse
import json
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "reference" / "clinc150" / "train.jsonl"
OUTPUT = ROOT / "data" / "nlu" / "out_of_scope_clinc150.yml"
CRISIS = {"crisis_immediate_danger", "crisis_suicide_self_harm"}
SKIPPED_TOPICS = {
    # Our own intents answer these.
    "report_fraud", "greeting", "goodbye", "thank_you", "are_you_a_bot", "yes", "no", "maybe",
    "what_can_i_ask_you", "who_made_you", "who_do_you_work_for", "what_is_your_name", "repeat", "cancel",
    # Escalating is the safe reading of these, so they must never teach "not a crisis".
    "meaning_of_life", "share_location", "make_call",
}
PER_TOPIC, OOS_SAMPLE, SEED = 3, 40, 20261125
HEADER = """\
# Written by scripts/clinc_out_of_scope.py (read its docstring before editing by hand).
# Real out-of-scope queries from the CLINC150 *train* split (Larson et al., EMNLP 2019;
# CC BY 3.0). The CLINC150 *test* split is only used to measure (tests/nlu/clinc150/).
"""


def normalised(text: str) -> str:
    return " ".join(text.lower().split())


def read_train(path: Path) -> list:
    """Usable train-split rows: no skipped topic, nothing our other training files have, no repeats."""
    elsewhere = set()
    for other in (ROOT / "data" / "nlu").glob("*.yml"):
        if other != OUTPUT:
            elsewhere |= {normalised(line.strip()[2:]) for line in other.read_text(encoding="utf-8").splitlines()
                          if line.strip().startswith("- ")}
    rows, seen = [], set()
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line) if line.strip() else None
        if not row or row["label"] in SKIPPED_TOPICS or normalised(row["text"]) in elsewhere | seen:
            continue
        seen.add(normalised(row["text"]))
        rows.append(row)
    return rows


def fixed_sample(rows: list) -> list:
    by_topic: dict = {}
    for row in rows:
        by_topic.setdefault(row["label"], []).append(row["text"])
    chooser = random.Random(SEED)
    chosen = []
    for topic in sorted(by_topic):
        chosen += chooser.sample(by_topic[topic], OOS_SAMPLE if topic == "oos" else PER_TOPIC)
    return chosen


def previously_mined() -> list:
    if not OUTPUT.exists():
        return []
    document = yaml.safe_load(OUTPUT.read_text(encoding="utf-8"))
    for block in document.get("nlu", []):
        if block.get("metadata", {}).get("clinc150") == "mined":
            return [line[2:] for line in block["examples"].splitlines() if line.startswith("- ")]
    return []


def mine(model: Path, texts: list) -> list:
    """Queries the model alone escalates to a crisis (the reviewed phrases are not asked:
    what they catch stays caught)."""
    import asyncio
    import logging
    import os
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    sys.path.insert(0, str(ROOT))  # the model names our components (bot.components...)
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog
    configure_structlog(logging.WARNING)
    logging.disable(logging.WARNING)
    agent, loop = Agent.load(str(model)), asyncio.new_event_loop()
    mined = []
    for text in texts:
        parsed = loop.run_until_complete(agent.parse_message(text))
        by_phrases = (parsed.get("safety_net") or {}).get("overrode")
        if parsed["intent"]["name"] in CRISIS and not by_phrases:
            mined.append(text)
    return mined


def write(sample: list, mined: list) -> None:
    def block(texts, kind):
        lines = "".join(f"      - {text}\n" for text in texts)
        return f"  - intent: out_of_scope\n    metadata:\n      clinc150: {kind}\n    examples: |\n{lines}"
    OUTPUT.write_text(HEADER + 'version: "3.1"\nnlu:\n' + block(sample, "sample") + block(mined, "mined"),
                      encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mine-with", type=Path, metavar="MODEL", help="add hard negatives this model escalates")
    args = parser.parse_args(argv)
    rows = read_train(TRAIN)
    sample = fixed_sample(rows)
    mined = previously_mined()
    if args.mine_with:
        taken = set(sample) | set(mined)
        new = mine(args.mine_with, [r["text"] for r in rows if r["text"] not in taken])
        mined += new
        print(f"{len(new)} new hard negatives mined with {args.mine_with}")
    write(sample, sorted(set(mined), key=mined.index))
    print(f"Wrote {OUTPUT.relative_to(ROOT)}: {len(sample)} sampled, {len(mined)} mined")
    return 0


if __name__ == "__main__":
    sys.exit(main())
