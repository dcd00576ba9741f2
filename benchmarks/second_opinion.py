"""Choose the safety net's second-opinion ceiling on the development set; print the numbers.

    python -m benchmarks.second_opinion [--model models/signpost.tar.gz]
                                        [--dev benchmarks/dev/crisis_second_opinion_dev.yml]

The second opinion (bot/components/second_opinion.py) turns a crisis that only the model
found into a "did you mean?" when every alarming word is an everyday use and the model's
confidence is below a ceiling. For each candidate ceiling this prints, on the development
set (never the evaluation sets in tests/nlu/):
- harmless messages classed as crisis (what the second opinion is for);
- crisis messages classed as crisis (what it must not cost).
The ceiling in use is SECOND_OPINION_BELOW in bot/components/safety_net.py.
"""
import argparse
import logging
import os
from pathlib import Path

from benchmarks.nlu_eval import CRISIS, ROOT, Parser, read_examples
from bot.components.second_opinion import explain_away

DEV_SET = ROOT / "benchmarks" / "dev" / "crisis_second_opinion_dev.yml"
CEILINGS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.01)


def final_intent(parsed: dict, text: str, ceiling: float) -> str:
    record = parsed.get("safety_net") or {}
    intent = parsed["intent"]["name"]
    if (not record.get("fired") and intent in CRISIS and (record.get("model_confidence") or 0.0) < ceiling
            and explain_away(text, record.get("set_aside"))):
        return "nlu_fallback"
    return intent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "signpost.tar.gz")
    parser.add_argument("--dev", type=Path, default=DEV_SET)
    parser.add_argument("--show", type=float, metavar="CEILING",
                        help="also list the development messages still classed as crisis, and the crises "
                             "lost, at this ceiling (development data only: fine to read)")
    args = parser.parse_args(argv)
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    from rasa.utils.log_utils import configure_structlog
    configure_structlog(logging.WARNING)  # otherwise Rasa prints every parsed message
    logging.disable(logging.WARNING)

    examples = read_examples(args.dev)
    # Parse with the second opinion off, so each ceiling can be applied afterwards to the
    # recorded model confidence, exactly as the component would.
    from bot.components import safety_net
    safety_net.explain_away = lambda text, set_aside=None: None
    model = Parser(args.model)
    parsed = [model.parse(e.text) for e in examples]
    harmless = [i for i, e in enumerate(examples) if e.intent not in CRISIS]
    crises = [i for i, e in enumerate(examples) if e.intent in CRISIS]
    print(f"development set: {args.dev.relative_to(ROOT) if args.dev.is_relative_to(ROOT) else args.dev}, "
          f"{len(harmless)} harmless, {len(crises)} crisis")
    print(f"{'ceiling':>8}  {'harmless classed crisis':>24}  {'crisis messages kept':>21}  "
          f"{'crisis lost':>11}")
    for ceiling in CEILINGS:
        finals = [final_intent(p, e.text, ceiling) for p, e in zip(parsed, examples)]
        false_crisis = sum(finals[i] in CRISIS for i in harmless)
        caught = sum(finals[i] in CRISIS for i in crises)
        lost = sum(parsed[i]["intent"]["name"] in CRISIS and finals[i] not in CRISIS for i in crises)
        print(f"{ceiling:>8.2f}  {false_crisis:>9} ({false_crisis / len(harmless):>6.1%})       "
              f"{caught:>7} ({caught / len(crises):>6.1%})  {lost:>11}")
    if args.show is not None:
        finals = [final_intent(p, e.text, args.show) for p, e in zip(parsed, examples)]
        print(f"\nat {args.show:.2f}, harmless still classed as crisis (model confidence, phrase):")
        for i in harmless:
            if finals[i] in CRISIS:
                record = parsed[i].get("safety_net") or {}
                print(f"  {record.get('model_confidence') or 0:.2f} {record.get('pattern') or '-':<22} {examples[i].text}")
        print(f"at {args.show:.2f}, crises lost to the second opinion:")
        for i in crises:
            if parsed[i]["intent"]["name"] in CRISIS and finals[i] not in CRISIS:
                print(f"  {parsed[i]['safety_net'].get('model_confidence'):.2f} {examples[i].text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
