"""Synthetic phone-keyboard typos, for measuring typo robustness without the evaluation
sets (benchmarks/typo_correction.py, and cross-validation in benchmarks/nlu_eval.py)."""
import random
import re

KEYBOARD_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
NEIGHBOURS = {}
for row_index, row in enumerate(KEYBOARD_ROWS):
    for column, key in enumerate(row):
        near = {row[c] for c in (column - 1, column + 1) if 0 <= c < len(row)}
        for other_row in (row_index - 1, row_index + 1):
            if 0 <= other_row < len(KEYBOARD_ROWS):
                near |= {KEYBOARD_ROWS[other_row][c] for c in (column - 1, column, column + 1)
                         if 0 <= c < len(KEYBOARD_ROWS[other_row])}
        NEIGHBOURS[key] = sorted(near)


def misspell(word: str, rng: random.Random) -> str:
    """One slip of the kind phone typing makes; never the first letter (people rarely
    get that wrong, and the corrector relies on it for short words)."""
    position = rng.randrange(1, len(word))
    kind = rng.choice(["drop", "double", "swap", "near_key", "extra_near_key"])
    letter = word[position]
    if kind == "drop":
        return word[:position] + word[position + 1:]
    if kind == "double":
        return word[:position] + letter + word[position:]
    if kind == "swap" and position < len(word) - 1:
        return word[:position] + word[position + 1] + letter + word[position + 2:]
    near = NEIGHBOURS.get(letter.lower(), [letter])
    if kind == "extra_near_key":
        return word[:position] + rng.choice(near) + word[position:]
    return word[:position] + rng.choice(near) + word[position + 1:]


WORD = re.compile(r"[A-Za-z]+")


def misspell_message(text: str, rng: random.Random, rate: float = 0.3) -> str:
    """Slip about `rate` of the words of four letters or more, and always at least one
    when there is one (a message with no typo says nothing about typos)."""
    words = [m for m in WORD.finditer(text) if len(m.group()) >= 4]
    if not words:
        return text
    chosen = [m for m in words if rng.random() < rate] or [rng.choice(words)]
    for match in reversed(chosen):
        text = text[:match.start()] + misspell(match.group(), rng) + text[match.end():]
    return text

