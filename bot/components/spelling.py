"""TypoCorrector: reads "lonley", "husbnd" and "scamed" as the words people meant.

People type on phones, in distress, often not in their first language; the classifier
has only seen the words in its training data. This component learns that vocabulary at
training time and, for every token it has never seen, uses the most frequent training
word one slip away (a letter dropped, added, changed or two swapped; two slips for long
words). Only the token's text changes (what the featurizers after it read); its position
does not, so entities and the text shown back to the person are untouched. Both the
token's text and lemma change, because featurizers read one or the other.

It sits between the tokenizer and the featurizers in config.yml.
"""
from collections import Counter
from typing import Any, Dict, Iterable, List, Optional, Set, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
import rasa.shared.utils.io

from bot.components.slips import deletes, one_slip_apart

VOCABULARY_FILE = "vocabulary.json"
RARE_VARIANT_COUNT = 3  # a training word seen this rarely may itself be a slip...
COMMON_WORD_COUNT = 100  # ...of a word seen at least this often...
VARIANT_RATIO = 100  # ...and at least this many times more often ("dye" is not "die")


class Vocabulary:
    """Known words with their frequencies, indexed by single deletions (SymSpell) so a
    look-up costs a few dictionary hits, not a scan of every word."""

    def __init__(self, counts: Dict[str, int], min_length: int, two_slips_from: int):
        self.counts = counts
        self.min_length = min_length
        self.two_slips_from = two_slips_from
        self.by_delete: Dict[str, Set[str]] = {}
        for word in counts:
            for key in deletes(word) | {word}:
                self.by_delete.setdefault(key, set()).add(word)
        # Slips that made it into the training data ("teh" beside thousands of "the"):
        # read them as the word, so a typo never becomes a clue to an intent.
        self.variants: Dict[str, str] = {}
        for word, count in counts.items():
            if count > RARE_VARIANT_COUNT or len(word) < 3:
                continue
            # sorted: on a tie, max() keeps the first, and a set's order changes per process
            common = max(sorted(self._within_one(word)), key=lambda c: counts[c], default=None)
            if common and counts[common] >= max(COMMON_WORD_COUNT, VARIANT_RATIO * count):
                self.variants[word] = common

    def correct(self, token: str) -> Optional[str]:
        word = token.lower()
        if word in self.variants:
            return self.variants[word]
        if word in self.counts or len(word) < self.min_length or not word.isalpha():
            return None
        candidates = self._within_one(word)
        if not candidates and len(word) >= self.two_slips_from:
            candidates = {c for d in deletes(word) for c in self._within_one(d) if abs(len(c) - len(word)) <= 2}
        candidates = {c for c in candidates if c[0] == word[0] or len(word) >= self.two_slips_from}
        if not candidates:
            return None
        return max(sorted(candidates), key=lambda c: self.counts[c])

    def _within_one(self, word: str) -> Set[str]:
        """Known words one deletion, insertion, substitution or swap away."""
        found: Set[str] = set()
        for key in deletes(word) | {word}:
            for candidate in self.by_delete.get(key, ()):
                if candidate != word and one_slip_apart(word, candidate):
                    found.add(candidate)
        return found


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=True)
class TypoCorrector(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Words shorter than min_length are left alone: one slip from a short word is
        # usually another real word ("die"/"dye"). min_count ignores one-off words.
        return {"min_length": 4, "two_slips_from": 8, "min_count": 1}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 counts: Optional[Dict[str, int]] = None):
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.vocabulary = Vocabulary(counts or {}, self.config["min_length"], self.config["two_slips_from"])

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "TypoCorrector":
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "TypoCorrector":
        with model_storage.read_from(resource) as path:
            counts = rasa.shared.utils.io.read_json_file(path / VOCABULARY_FILE)
        return cls(config, model_storage, resource, counts)

    def train(self, training_data: TrainingData) -> Resource:
        counts: Counter = Counter()
        for message in training_data.training_examples:
            for token in message.get(TOKENS_NAMES[TEXT]) or []:
                word = token.text.lower()
                if word.isalpha():
                    counts[word] += 1
        kept = {w: n for w, n in counts.items() if n >= self.config["min_count"]}
        self.vocabulary = Vocabulary(kept, self.config["min_length"], self.config["two_slips_from"])
        with self._model_storage.write_to(self._resource) as path:
            rasa.shared.utils.io.dump_obj_as_json_to_file(path / VOCABULARY_FILE, kept)
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: Iterable[Message]) -> List[Message]:
        messages = list(messages)
        for message in messages:
            for token in message.get(TOKENS_NAMES[TEXT]) or []:
                corrected = self.vocabulary.correct(token.text)
                if corrected:
                    # Featurizers read the lemma (CountVectorsFeaturizer) or the text.
                    token.text = corrected
                    token.lemma = corrected
        return messages


def corrected_text(message: Message) -> str:
    """The message's text with each word TypoCorrector changed put back in its place, so
    a component that reads whole text (not tokens) sees "lonely" where "lonley" was typed.
    Everything else (spaces, punctuation, case of the other words) stays as typed."""
    text = message.get(TEXT) or ""
    pieces, end_of_last = [], 0
    for token in message.get(TOKENS_NAMES[TEXT]) or []:
        typed = text[token.start:token.end]
        if token.text.lower() != typed.lower():
            pieces += [text[end_of_last:token.start], token.text]
            end_of_last = token.end
    return "".join(pieces) + text[end_of_last:]
