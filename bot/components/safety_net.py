"""CrisisSafetyNet: a Rasa graph component that makes crisis detection deterministic.

It runs after the FallbackClassifier. When the reviewed phrases in crisis_language.py
find crisis language, it sets the crisis intent with confidence 1.0 at the top of the
intent ranking, so neither the fallback nor an ambiguity check can undo it, and records
why in the parse result under `safety_net`. It never lowers a crisis
the model found: the model and the phrases together catch what either alone would miss.
"""
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.crisis_language import check

SAFETY_NET_KEY = "safety_net"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CrisisSafetyNet(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "CrisisSafetyNet":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._process_one(message)
        return messages

    def _process_one(self, message: Message) -> None:
        text: Optional[str] = message.get(TEXT)
        if not text:
            return
        result = check(text)
        record = result.as_dict()
        model_intent = (message.get(INTENT) or {}).get("name")
        record["model_intent"] = model_intent
        ranking = list(message.get(INTENT_RANKING_KEY) or [])
        record["overrode"] = False
        if result.finding and model_intent != result.finding.intent:
            crisis = {"name": result.finding.intent, "confidence": 1.0}
            ranking = [r for r in ranking if r.get("name") != crisis["name"]]
            message.set(INTENT, crisis, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [crisis] + ranking, add_to_output=True)
            record["overrode"] = True
        message.set(SAFETY_NET_KEY, record, add_to_output=True)
