"""CrisisSafetyNet: a Rasa graph component that makes crisis detection deterministic.

It runs after the FallbackClassifier. When the reviewed phrases in crisis_language.py
find crisis language, it sets the crisis intent with confidence 1.0 at the top of the
intent ranking, so neither the fallback nor an ambiguity check can undo it, and records
why in the parse result under `safety_net`. The model and the phrases together catch what
either alone would miss.

It gives a second opinion on a crisis only the model found (second_opinion.py) and asks
"did you mean?" (nlu_fallback, with the crisis still the first choice offered and 999 in
the question) instead of escalating when either
- the separate crisis-or-not check (crisis_or_not.py) gives it a crisis probability below
  `crisis_or_not_below`, or
- the model was not sure (below `second_opinion_below`) and every alarming word in the
  message is an everyday use ("my phone is dead", "this queue is killing me").
A crisis the phrases found is never lowered.

The other way round, when the model did not take a message for a crisis but the
crisis-or-not check puts it at `crisis_or_not_at_least` or above, it asks "did you mean?"
with the likeliest crisis as the first choice: the two models disagree, so the person is
offered the crisis route first rather than given a crisis reply or none.
"""
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.crisis_language import check
from bot.components.crisis_or_not import CRISIS_OR_NOT_KEY
from bot.components.crisis_language import DANGER
from bot.components.second_opinion import CRISIS_INTENTS, doubt_model_non_crisis, doubt_model_only_crisis

SAFETY_NET_KEY = "safety_net"
FALLBACK_INTENT = "nlu_fallback"


SECOND_OPINION_BELOW = 0.95
# Re-chosen with the intent blend's weight on benchmarks/dev/fifteenth_dev.yml (was 0.05).
CRISIS_OR_NOT_BELOW = 0.2
CRISIS_OR_NOT_AT_LEAST = 0.6


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CrisisSafetyNet(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Chosen on the development sets (benchmarks/second_opinion.py, docs/benchmarks.md).
        # 0 turns each reason off.
        return {"second_opinion_below": SECOND_OPINION_BELOW, "crisis_or_not_below": CRISIS_OR_NOT_BELOW,
                "crisis_or_not_at_least": CRISIS_OR_NOT_AT_LEAST}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.second_opinion_below = float(config.get("second_opinion_below", SECOND_OPINION_BELOW))
        self.crisis_or_not_below = float(config.get("crisis_or_not_below", CRISIS_OR_NOT_BELOW))
        self.crisis_or_not_at_least = float(config.get("crisis_or_not_at_least", CRISIS_OR_NOT_AT_LEAST))

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "CrisisSafetyNet":
        return cls({**cls.get_default_config(), **config})

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._process_one(message)
        return messages

    def _process_one(self, message: Message) -> None:
        text: Optional[str] = message.get(TEXT)
        if not text:
            return
        result = check(text)
        crisis_probability = (message.get(CRISIS_OR_NOT_KEY) or {}).get("crisis_probability")
        record = result.as_dict()
        model_intent = (message.get(INTENT) or {}).get("name")
        model_confidence = (message.get(INTENT) or {}).get("confidence")
        record["model_intent"] = model_intent
        record["model_confidence"] = model_confidence
        ranking = list(message.get(INTENT_RANKING_KEY) or [])
        record["overrode"] = False
        record["second_opinion"] = None
        if result.finding and model_intent != result.finding.intent:
            crisis = {"name": result.finding.intent, "confidence": 1.0}
            ranking = [r for r in ranking if r.get("name") != crisis["name"]]
            message.set(INTENT, crisis, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [crisis] + ranking, add_to_output=True)
            record["overrode"] = True
        elif not result.finding and model_intent in CRISIS_INTENTS:
            doubt = doubt_model_only_crisis(text, result.set_aside, model_confidence or 0.0, crisis_probability,
                                            self.second_opinion_below, self.crisis_or_not_below)
            if doubt:
                # The ranking keeps the crisis first, so "did you mean?" offers it first.
                fallback = {"name": FALLBACK_INTENT, "confidence": 1.0 - (model_confidence or 0.0)}
                ranking = [r for r in ranking if r.get("name") != FALLBACK_INTENT]
                message.set(INTENT, fallback, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [fallback] + ranking, add_to_output=True)
                record["second_opinion"] = doubt
        elif not result.finding:
            doubt = doubt_model_non_crisis(crisis_probability, self.crisis_or_not_at_least)
            if doubt:
                crisis = _likeliest_crisis(ranking)
                fallback = {"name": FALLBACK_INTENT, "confidence": crisis_probability}
                others = [r for r in ranking if r.get("name") not in (FALLBACK_INTENT, crisis["name"])]
                message.set(INTENT, fallback, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [fallback, crisis] + others, add_to_output=True)
                record["second_opinion"] = doubt
        message.set(SAFETY_NET_KEY, record, add_to_output=True)


def _likeliest_crisis(ranking: List[Dict[Text, Any]]) -> Dict[Text, Any]:
    """The crisis intent the model ranked higher; the danger route (999) if it ranked neither."""
    for entry in ranking:
        if entry.get("name") in CRISIS_INTENTS:
            return entry
    return {"name": DANGER, "confidence": 0.0}
