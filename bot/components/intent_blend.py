"""LinearIntentBlend: DIET's intent ranking averaged with a linear classifier's.

DIET, trained without word vectors on a few thousand examples, is unsteady on writing it
has not seen: one training to the next moves its macro-F1 on fresh messages by several
points, and on them a plain logistic regression over word and character n-grams
(linear_text.py) scores higher on its own, though it misses more crises. Their weighted average
was better than either on the spent development sets, on intents and on safety errors
alike (docs/benchmarks.md, "DIET averaged with a linear intent classifier").

It sits after DIET and before the FallbackClassifier, so the fallback and the safety net
judge the blended answer, exactly as they judged DIET's. The linear classifier is trained
on the same NLU examples as DIET. DIET reports its top ten intents; an intent it left
out counts as 0 from DIET. With no ranking from an earlier classifier (a pipeline
without DIET), the linear classifier answers alone.
"""
from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.linear_text import LinearTextComponent, LinearTextModel


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LinearIntentBlend(LinearTextComponent):
    MODEL_FILE = "linear_intents.json"

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Weak regularisation, because the examples are many and short, chosen on the spent
        # development sets; DIET's weight 0.4, with the safety net's crisis-or-not veto, on
        # the fifteenth (docs/benchmarks.md, "Re-choosing the crisis-or-not veto and the
        # blend's weight").
        return {"inverse_regularisation": 1000.0, "diet_weight": 0.4, "ranking_length": 10,
                "read_corrected_text": False}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 model: Optional[LinearTextModel] = None) -> None:
        super().__init__(config, model_storage, resource, model)
        self.diet_weight = float(config["diet_weight"])
        if not 0.0 <= self.diet_weight <= 1.0:
            raise ValueError(f"LinearIntentBlend: diet_weight must be between 0 and 1, not {self.diet_weight}")

    def train(self, training_data: TrainingData) -> Resource:
        examples = [(self.text_of(m), m.get(INTENT)) for m in training_data.intent_examples if m.get(TEXT)]
        if len({intent for _, intent in examples}) < 2:
            raise ValueError("LinearIntentBlend needs training examples of at least two intents")
        return self.save(LinearTextModel.fit([text for text, _ in examples], [intent for _, intent in examples],
                                             float(self.config["inverse_regularisation"])))

    def process(self, messages: List[Message]) -> List[Message]:
        texted = [m for m in messages if m.get(TEXT)]
        if self.model is None or not texted:
            return messages
        labels = self.model.labels
        for message, row in zip(texted, self.model.probabilities([self.text_of(m) for m in texted])):
            earlier = {entry[INTENT_NAME_KEY]: entry[PREDICTED_CONFIDENCE_KEY]
                       for entry in message.get(INTENT_RANKING_KEY) or []}
            weight = self.diet_weight if earlier else 0.0
            blended = {label: (1.0 - weight) * float(probability) for label, probability in zip(labels, row)}
            for name, confidence in earlier.items():
                blended[name] = blended.get(name, 0.0) + weight * float(confidence)
            ranking = [{INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence}
                       for name, confidence in sorted(blended.items(), key=lambda item: -item[1])]
            ranking = ranking[:int(self.config["ranking_length"])]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
