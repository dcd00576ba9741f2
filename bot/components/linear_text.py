"""A plain linear text classifier (logistic regression over word and character n-grams),
shared by the crisis-or-not check (crisis_or_not.py) and the intent blend
(intent_blend.py).

It needs no word vectors and no network, trains in a minute or two on the NLU examples,
and errs differently from DIET, which is why each component pairs it with DIET.

The fitted model is stored as JSON (n-gram vocabularies, idf weights, coefficients), not
as a pickle: a model archive should not be able to run code when it is loaded.
"""
from typing import Any, Dict, Hashable, List, Optional, Sequence, Text

import numpy as np
import rasa.shared.utils.io
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from sklearn.pipeline import FeatureUnion

from bot.components.spelling import corrected_text

# Two views of the text: character n-grams within words (robust to "suicidle", "knfe")
# and words and word pairs ("end it", "at the door").
VECTORIZERS = {
    "characters": dict(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2),
    "words": dict(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w[\w']*\b"),
}


class LinearTextModel:
    """Fit on texts and labels, give each label's probability for a text, and round-trip
    through plain JSON. Labels are strings or booleans (they must survive JSON)."""

    def __init__(self, union: FeatureUnion, classifier: LogisticRegression):
        self.union = union
        self.classifier = classifier
        # scikit-learn scores a text as `features @ coef_.T`. With coef_ in row order, scipy
        # copies the transposed coefficients (tens of MB for the intents) into a fresh array
        # for every message: 13 of a parse's 40 ms on the eleventh session's machine. In
        # column order the transpose is already laid out as scipy needs it; the numbers are
        # the same, bit for bit (docs/benchmarks.md, "Reply latency").
        classifier.coef_ = np.asfortranarray(classifier.coef_)

    @classmethod
    def fit(cls, texts: List[str], labels: Sequence[Hashable], inverse_regularisation: float) -> "LinearTextModel":
        union = FeatureUnion([(name, TfidfVectorizer(**params)) for name, params in VECTORIZERS.items()])
        features = union.fit_transform(texts)
        classifier = LogisticRegression(C=inverse_regularisation, max_iter=3000)
        classifier.fit(features, np.asarray(labels))
        return cls(union, classifier)

    @property
    def labels(self) -> List[Hashable]:
        return [label.item() if hasattr(label, "item") else label for label in self.classifier.classes_]

    def probabilities(self, texts: List[str]) -> np.ndarray:
        """One row per text, one column per label (in the order of `labels`)."""
        return self.classifier.predict_proba(self.union.transform(texts))

    def as_json(self) -> Dict[str, Any]:
        return {
            "vectorizers": {name: {"vocabulary": {k: int(v) for k, v in vectorizer.vocabulary_.items()},
                                   "idf": vectorizer.idf_.tolist()}
                            for name, vectorizer in self.union.transformer_list},
            "labels": self.labels,
            "coefficients": self.classifier.coef_.tolist(),
            "intercepts": self.classifier.intercept_.tolist(),
        }

    @classmethod
    def from_json(cls, stored: Dict[str, Any]) -> "LinearTextModel":
        vectorizers = []
        for name, params in VECTORIZERS.items():
            vectorizer = TfidfVectorizer(**params)
            vectorizer.vocabulary_ = stored["vectorizers"][name]["vocabulary"]
            vectorizer.idf_ = np.asarray(stored["vectorizers"][name]["idf"])
            vectorizers.append((name, vectorizer))
        classifier = LogisticRegression()
        classifier.classes_ = np.asarray(stored["labels"])
        classifier.coef_ = np.asarray(stored["coefficients"])
        classifier.intercept_ = np.asarray(stored["intercepts"])
        return cls(FeatureUnion(vectorizers), classifier)


class LinearTextComponent(GraphComponent):
    """What the Rasa components built on a LinearTextModel share: their config, and
    storing the fitted model in the model archive as MODEL_FILE. Subclasses give
    get_default_config, MODEL_FILE, train (calling save) and process.

    With read_corrected_text in their config they read the text as TypoCorrector
    corrected it ("lonely" where "lonley" was typed), as DIET does; otherwise as typed."""

    MODEL_FILE = "linear_text.json"

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 model: Optional[LinearTextModel] = None) -> None:
        self.config = config
        self._model_storage = model_storage
        self._resource = resource
        self.model = model

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "LinearTextComponent":
        return cls({**cls.get_default_config(), **config}, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "LinearTextComponent":
        with model_storage.read_from(resource) as path:
            stored = rasa.shared.utils.io.read_json_file(path / cls.MODEL_FILE)
        return cls({**cls.get_default_config(), **config}, model_storage, resource, LinearTextModel.from_json(stored))

    def text_of(self, message: Message) -> str:
        return corrected_text(message) if self.config.get("read_corrected_text") else message.get(TEXT)

    def save(self, model: LinearTextModel) -> Resource:
        self.model = model
        with self._model_storage.write_to(self._resource) as path:
            rasa.shared.utils.io.dump_obj_as_json_to_file(path / self.MODEL_FILE, model.as_json())
        return self._resource
