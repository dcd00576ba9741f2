"""DietAverage: the average of several DIET trainings' intent rankings.

One DIET training to the next, with only the random seed changed, moves the evaluation
figures: four trainings of the same pipeline escalated 1, 2, 2 and 1 of the 199 harmless
messages with alarming words (docs/benchmarks.md, "Four trainings of the adopted
pipeline"). Averaging several trainings' confidences takes away that luck of the draw: on
three spent development sets the average escalated about as many crises as the average
training and about as few harmless messages as the best one ("What the spent sets say
about the next decision").

In config.yml each DIETClassifier (identical but for its random_seed) is followed by this
component. A DIET overwrites the message's intent ranking with its own; this component
keeps every ranking it is handed and replaces the ranking with the average of all kept so
far. After the last DIET the ranking is the average of them all, which the intent blend
then averages with the linear classifier. An intent a DIET left out of its top ten counts
as 0 from that DIET. Two of these in a row would count one DIET twice, so it refuses that.
"""
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY
from rasa.shared.nlu.training_data.message import Message

# Message properties, not part of the parse result.
KEPT_RANKINGS = "diet_rankings_kept"
AVERAGED_RANKING = "diet_ranking_averaged"

Ranking = List[Dict[Text, Any]]


def average_rankings(rankings: List[Ranking]) -> Ranking:
    """The mean confidence of every intent over the rankings, best first."""
    totals: Dict[Text, float] = {}
    for ranking in rankings:
        for entry in ranking:
            name = entry[INTENT_NAME_KEY]
            totals[name] = totals.get(name, 0.0) + float(entry[PREDICTED_CONFIDENCE_KEY])
    return [{INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: total / len(rankings)}
            for name, total in sorted(totals.items(), key=lambda item: -item[1])]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DietAverage(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "DietAverage":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            ranking = message.get(INTENT_RANKING_KEY)
            if not ranking:  # empty text: DIET ranked nothing
                continue
            if ranking is message.get(AVERAGED_RANKING):
                raise ValueError("DietAverage must follow a DIETClassifier: two in a row would count one "
                                 "DIET's ranking twice (config.yml)")
            kept = (message.get(KEPT_RANKINGS) or []) + [ranking]
            averaged = average_rankings(kept)
            message.set(KEPT_RANKINGS, kept)
            message.set(AVERAGED_RANKING, averaged)
            message.set(INTENT, averaged[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, averaged, add_to_output=True)
        return messages
