"""Plain words for each concern: button text for the clarifying question, and search
words when the directory is another council's plain ORUK feed (no concern filter)."""
import csv
from pathlib import Path
from typing import Dict

LABELS_FILE = Path(__file__).with_name("intent_labels.csv")


def _read() -> Dict[str, Dict[str, str]]:
    with LABELS_FILE.open(encoding="utf-8") as handle:
        return {row["intent"]: row for row in csv.DictReader(handle)}


INTENTS = _read()


def button_text(intent: str) -> str:
    return INTENTS.get(intent, {}).get("button_text") or intent.replace("_", " ")


def search_words_for(concern: str) -> str:
    return INTENTS.get(concern, {}).get("search_words") or concern.replace("concern_", "").replace("_", " ")
