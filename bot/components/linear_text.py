"""A plain linear text classifier (logistic regression over word and character n-grams),
shared by the crisis-or-not check (crisis_or_not.py) and the intent blend
(intent_blend.py).

It needs no word vectors and no network, trains in a minute or two on the NLU examples,
and errs differently from DIET, which is why each component pairs it with DIET.

The fitted model is stored as JSON (n-gram vocabularies, idf weights, coefficients), not
as a pickle: a model archive should not be able to run code when it is loaded.
"""
from typing import Any, Dict, Hashable, List, Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion

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
