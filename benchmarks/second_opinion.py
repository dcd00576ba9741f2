"""Choose the safety net's second-opinion settings on the development sets; print the numbers.

    python -m benchmarks.second_opinion [--model models/signpost.tar.gz] [--dev FILE ...]
                                        [--diet-weight W] [--show CEILING CRISIS_OR_NOT_BELOW]

The second opinion (bot/components/second_opinion.py) turns a crisis that only the model
found into a "did you mean?" when the separate crisis-or-not check (crisis_or_not.py) puts
it below CRISIS_OR_NOT_BELOW, or when the model's confidence is below CEILING and every alarming
word is an everyday use. For each development file in benchmarks/dev/ (never the
evaluation sets in tests/nlu/), and for each pair of settings, this prints:
- harmless messages classed as crisis (what the second opinion is for);
- crisis messages classed as crisis (what it must not cost).
The settings in use are SECOND_OPINION_BELOW and CRISIS_OR_NOT_BELOW in
bot/components/safety_net.py.

For the other way round (the model did not say crisis, the crisis-or-not check did), it
prints for each threshold in CRISIS_OR_NOT_AT_LEAST_THRESHOLDS how many crises and
harmless messages would get "did you mean?" with the crisis first (the setting in use is
CRISIS_OR_NOT_AT_LEAST).

--diet-weight re-weights the intent blend (bot/components/intent_blend.py) as the model
loads, so another weight is scored without retraining.
"""
import argparse
import logging
import os
from pathlib import Path

from benchmarks.nlu_eval import CRISIS, ROOT, Parser, read_examples
from bot.components.crisis_or_not import CRISIS_OR_NOT_KEY
from bot.components.second_opinion import doubt_model_non_crisis, doubt_model_only_crisis

DEV_SETS = sorted((ROOT / "benchmarks" / "dev").glob("*.yml"))
CEILINGS = (0.0, 0.9, 0.95, 1.01)
CRISIS_OR_NOT_THRESHOLDS = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3)
CRISIS_OR_NOT_AT_LEAST_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def final_intent(parsed: dict, text: str, ceiling: float, crisis_or_not_below: float) -> str:
    """What the safety net would answer with these settings, from a parse made with the
    second opinion off (so every setting is applied to the same recorded model output)."""
    record = parsed.get("safety_net") or {}
    intent = parsed["intent"]["name"]
    if not record.get("fired") and intent in CRISIS and doubt_model_only_crisis(
            text, record.get("set_aside"), record.get("model_confidence") or 0.0,
            (parsed.get(CRISIS_OR_NOT_KEY) or {}).get("crisis_probability"), ceiling, crisis_or_not_below):
        return "nlu_fallback"
    return intent


def print_sweep(path: Path, indices, examples, parsed) -> None:
    harmless = [i for i in indices if examples[i].intent not in CRISIS]
    crises = [i for i in indices if examples[i].intent in CRISIS]
    print(f"\ndevelopment set: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}, "
          f"{len(harmless)} harmless, {len(crises)} crisis")
    print(f"{'ceiling':>8} {'or-not below':>12}  {'harmless classed crisis':>24}  {'crisis messages kept':>21}  "
          f"{'crisis lost':>11}")
    for ceiling in CEILINGS:
        for crisis_or_not_below in CRISIS_OR_NOT_THRESHOLDS:
            finals = {i: final_intent(parsed[i], examples[i].text, ceiling, crisis_or_not_below) for i in indices}
            false_crisis = sum(finals[i] in CRISIS for i in harmless)
            caught = sum(finals[i] in CRISIS for i in crises)
            lost = sum(parsed[i]["intent"]["name"] in CRISIS and finals[i] not in CRISIS for i in crises)
            print(f"{ceiling:>8.2f} {crisis_or_not_below:>12.2f}  {false_crisis:>9} ({false_crisis / max(len(harmless), 1):>6.1%})       "
                  f"{caught:>7} ({caught / max(len(crises), 1):>6.1%})  {lost:>11}")
    print("the model did not say crisis, the crisis-or-not check did: \"did you mean?\" with the crisis first")
    print(f"{'at least':>8}  {'crises offered it first':>24}  {'harmless offered it first':>26}")
    for at_least in CRISIS_OR_NOT_AT_LEAST_THRESHOLDS:
        crises_offered = sum(raised_by_check(parsed[i], at_least) for i in crises)
        harmless_offered = sum(raised_by_check(parsed[i], at_least) for i in harmless)
        print(f"{at_least:>8.2f}  {crises_offered:>24}  {harmless_offered:>26}")


def raised_by_check(parsed: dict, at_least: float) -> bool:
    """Whether the safety net would offer the crisis first, from a parse made with that off."""
    record = parsed.get("safety_net") or {}
    return (not record.get("fired") and parsed["intent"]["name"] not in CRISIS and doubt_model_non_crisis(
        (parsed.get(CRISIS_OR_NOT_KEY) or {}).get("crisis_probability"), at_least) is not None)


def set_blend_weight(diet_weight: float) -> None:
    """Make every LinearIntentBlend loaded from now on use this DIET weight."""
    from bot.components.intent_blend import LinearIntentBlend
    # Wrap the class's own __init__, not an earlier re-weighting, so the last call wins.
    trained_init = getattr(LinearIntentBlend.__init__, "trained_init", LinearIntentBlend.__init__)

    def reweighted_init(self, config, *args, **kwargs):
        trained_init(self, {**config, "diet_weight": diet_weight}, *args, **kwargs)

    reweighted_init.trained_init = trained_init
    LinearIntentBlend.__init__ = reweighted_init


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "signpost.tar.gz")
    parser.add_argument("--dev", type=Path, nargs="+", default=DEV_SETS)
    parser.add_argument("--show", type=float, nargs=2, metavar=("CEILING", "CRISIS_OR_NOT_BELOW"),
                        help="also list, with these settings, the development messages still classed as crisis, "
                             "the crises lost to the second opinion and the crises not classed as crisis "
                             "(development data only; reading the missed crises spends that set for recall)")
    parser.add_argument("--diet-weight", type=float,
                        help="the intent blend's DIET weight to score, instead of the one the model was trained with")
    args = parser.parse_args(argv)
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    from rasa.utils.log_utils import configure_structlog
    configure_structlog(logging.WARNING)  # otherwise Rasa prints every parsed message
    logging.disable(logging.WARNING)

    # Parse with the second opinion off; each setting is applied afterwards.
    from bot.components import safety_net
    safety_net.doubt_model_only_crisis = lambda *args, **kwargs: None
    safety_net.doubt_model_non_crisis = lambda *args, **kwargs: None
    if args.diet_weight is not None:
        set_blend_weight(args.diet_weight)
    model = Parser(args.model)
    sources = [(path, e) for path in args.dev for e in read_examples(path)]
    examples = [e for _, e in sources]
    parsed = [model.parse(e.text) for e in examples]
    for path in args.dev:
        in_file = [i for i, (source, _) in enumerate(sources) if source == path]
        print_sweep(path, in_file, examples, parsed)
    harmless = [i for i, e in enumerate(examples) if e.intent not in CRISIS]
    crises = [i for i, e in enumerate(examples) if e.intent in CRISIS]
    if args.show is not None:
        ceiling, crisis_or_not_below = args.show
        finals = [final_intent(p, e.text, ceiling, crisis_or_not_below) for p, e in zip(parsed, examples)]
        print(f"\nat {ceiling:.2f} / {crisis_or_not_below:.2f}, harmless still classed as crisis "
              "(model confidence, crisis check, phrase):")
        for i in harmless:
            if finals[i] in CRISIS:
                record = parsed[i].get("safety_net") or {}
                check = (parsed[i].get(CRISIS_OR_NOT_KEY) or {}).get("crisis_probability")
                print(f"  {record.get('model_confidence') or 0:.2f} {check if check is not None else '-':<6} "
                      f"{record.get('pattern') or '-':<22} {examples[i].text}")
        print(f"at {ceiling:.2f} / {crisis_or_not_below:.2f}, crises lost to the second opinion:")
        for i in crises:
            if parsed[i]["intent"]["name"] in CRISIS and finals[i] not in CRISIS:
                check = (parsed[i].get(CRISIS_OR_NOT_KEY) or {}).get("crisis_probability")
                print(f"  {parsed[i]['safety_net'].get('model_confidence'):.2f} {check} {examples[i].text}")
        at_least = safety_net.CRISIS_OR_NOT_AT_LEAST
        print(f"harmless offered the crisis first (crisis-or-not check at {at_least} or above, the model not alarmed):")
        for i in harmless:
            if raised_by_check(parsed[i], at_least):
                print(f"  {parsed[i][CRISIS_OR_NOT_KEY]['crisis_probability']:.2f} {examples[i].text}")
        # Reading these spends the set for crisis recall: measure what they teach on another set.
        print(f"at {ceiling:.2f} / {crisis_or_not_below:.2f}, crises not classed as crisis (what the model answered, "
              "its confidence, crisis check):")
        for i in crises:
            if parsed[i]["intent"]["name"] not in CRISIS:
                check = (parsed[i].get(CRISIS_OR_NOT_KEY) or {}).get("crisis_probability")
                ranked = [r for r in parsed[i].get("intent_ranking", []) if r["name"] != "nlu_fallback"]
                answer = ranked[0] if ranked else parsed[i]["intent"]
                print(f"  {answer['name']:<26} {answer.get('confidence') or 0:.2f} "
                      f"{check if check is None else round(check, 2)!s:<5} {examples[i].text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
