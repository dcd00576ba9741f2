"""The tools used to grow and measure the NLU data: the synthetic typo generator, the
check that new training examples stay clear of the evaluation sets, and the rule that
chooses among trainings."""
import random
import subprocess
import sys
from pathlib import Path

from benchmarks.choose_seed import choose, score
from benchmarks.synthetic_typos import misspell, misspell_message
from bot.components.slips import one_slip_apart

ROOT = Path(__file__).resolve().parent.parent
CHECKER = ROOT / "scripts" / "check_training_examples.py"


def test_a_synthetic_slip_is_one_slip_and_keeps_the_first_letter():
    rng = random.Random(1)
    for word in ["husband", "neighbour", "lonely", "scammed", "eviction", "help"] * 50:
        typo = misspell(word, rng)
        assert typo[0] == word[0]
        assert typo == word or one_slip_apart(typo, word), (word, typo)


def test_a_misspelt_message_always_has_a_slip_when_it_can():
    rng = random.Random(2)
    for text in ["my husband hits me", "I can't pay the council tax", "lonely"]:
        for _ in range(20):
            assert misspell_message(text, rng) != text or text == "lonely"
    assert misspell_message("hi ok", rng) == "hi ok"  # no word long enough to slip


def run_checker(tmp_path, examples: str, *options: str):
    candidate = tmp_path / "candidate.yml"
    candidate.write_text('version: "3.1"\nnlu:\n' + examples, encoding="utf-8")
    return subprocess.run([sys.executable, str(CHECKER), *options, str(candidate)], capture_output=True,
                          text=True, cwd=ROOT)


def test_checker_passes_new_examples(tmp_path):
    result = run_checker(tmp_path, "- intent: concern_loneliness\n  examples: |\n"
                                   "    - since the allotment closed i have not spoken to a soul zqxv\n")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 problem(s)" in result.stdout


def test_checker_flags_unknown_intents_repeats_and_held_out_messages_without_showing_them(tmp_path):
    held_out = (ROOT / "tests" / "nlu" / "test_set.yml").read_text(encoding="utf-8")
    secret = next(line.strip()[2:] for line in held_out.splitlines()
                  if line.strip().startswith("- ") and len(line) > 40 and "[" not in line)
    result = run_checker(tmp_path, "- intent: concern_made_up\n  examples: |\n    - a message for no intent\n"
                                   "- intent: greet\n  examples: |\n    - hello\n"
                                   "- intent: out_of_scope\n  examples: |\n"
                                   f"    - {secret}\n    - {secret}\n")
    assert result.returncode == 1
    assert "line 5: intent 'concern_made_up' is not in domain.yml" in result.stdout
    assert "line 8: already a training example" in result.stdout
    assert "line 11: too close to a held-out evaluation message" in result.stdout
    assert "line 12: repeated in this file" in result.stdout
    assert secret not in result.stdout  # the writer never sees the held-out message


def test_checker_keeps_a_new_held_out_set_clear_of_near_copies_of_training_examples(tmp_path):
    training = (ROOT / "data" / "nlu" / "community.yml").read_text(encoding="utf-8")
    example = next(line.strip()[2:] for line in training.splitlines()
                   if line.strip().startswith("- ") and len(line) > 40 and "[" not in line)
    near_copy = example + " please"  # not an exact repeat, so only the near-duplicate test sees it
    examples = f"- intent: out_of_scope\n  examples: |\n    - {near_copy}\n"
    assert "0 problem(s)" in run_checker(tmp_path, examples).stdout  # fine as more training data
    result = run_checker(tmp_path, examples, "--held-out")
    assert result.returncode == 1
    assert "line 5: too close to a training example" in result.stdout


def test_seed_score_counts_a_missed_crisis_twice_and_any_crisis_answer_as_escalated():
    gold = ["crisis_suicide_self_harm", "crisis_immediate_danger", "crisis_immediate_danger",
            "out_of_scope", "concern_loneliness"]
    predicted = ["crisis_immediate_danger", "nlu_fallback", "crisis_immediate_danger",
                 "crisis_suicide_self_harm", "concern_loneliness"]
    result = score(gold, predicted)
    assert (result["crises_escalated"], result["crises_missed"], result["harmless_escalated"]) == (2, 1, 1)
    assert result["safety_errors"] == 3


def test_seed_rule_prefers_safety_then_macro_f1_and_keeps_the_model_in_use_on_a_tie():
    def scored(safety_errors, macro_f1):
        return {"safety_errors": safety_errors, "macro_f1": macro_f1}

    # The best F1 is not eligible: 5 safety errors against the fewest, 1 (slack 2).
    assert choose({"in_use": scored(3, 0.90), "b": scored(1, 0.89), "c": scored(5, 0.95)}) == "in_use"
    assert choose({"in_use": scored(3, 0.90), "b": scored(2, 0.92)}) == "b"
    assert choose({"in_use": scored(2, 0.91), "b": scored(2, 0.91)}) == "in_use"
