"""SentenceFeaturesOnly: gives DIET the message's sentence features and no token features.

DIET without a transformer (number_of_transformer_layers: 0 in config.yml) classifies
intents from the sentence position alone: its dense layers run on every position
separately, and only the sentence position reaches the intent loss. The token
positions, one per word and padded to the longest message in each batch, were computed
forwards and backwards at every step and changed nothing DIET predicts. They were most of
its training time.

DIET insists on some token-level features, so each message keeps one row of a single
zero: one position whatever the message's length. The sentence features (the bags of
words and of character n-grams) are untouched.

The placeholder is sparse, like the features it replaces. DIET turns every sparse
feature into `dense_dimension` units, so the token and sentence positions keep the same
width. A dense placeholder (one unit) made the widths differ, and DIET then puts an extra
dense layer with dropout on the sentence path to unify them
(`RasaFeatureCombiningLayer._prepare_sequence_sentence_concat`): a different model that
learned more slowly, which is what the ninth session's trial of this component measured.

It sits after the featurizers and before DIETClassifier in config.yml. It must not be
used with a transformer, which reads the token positions.
"""
from typing import Any, Dict, List, Text

import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import FEATURE_TYPE_SEQUENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

PLACEHOLDER_ORIGIN = "SentenceFeaturesOnly"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class SentenceFeaturesOnly(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "SentenceFeaturesOnly":
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for message in training_data.training_examples:
            keep_sentence_features_only(message)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            keep_sentence_features_only(message)
        return messages


def keep_sentence_features_only(message: Message) -> None:
    """Replaces the message's token features for the text with the one-zero placeholder."""
    # Only messages the featurizers read (not intent labels) have token features.
    if not message.get(TOKENS_NAMES[TEXT]):
        return
    message.features = [
        feature for feature in message.features
        if not (feature.attribute == TEXT and feature.type == FEATURE_TYPE_SEQUENCE)
    ]
    message.features.append(Features(scipy.sparse.coo_matrix((1, 1)), FEATURE_TYPE_SEQUENCE, TEXT,
                                     PLACEHOLDER_ORIGIN))
