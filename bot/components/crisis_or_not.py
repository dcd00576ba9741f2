"""CrisisOrNotClassifier: a second, independent classifier that answers one question: crisis or not?

DIET chooses among thirty intents, and mixing up two concerns costs little. Mixing up
crisis and not costs a great deal either way. This component trains a plain linear model
(logistic regression over word and character n-grams) on the same training examples,
labelled only "crisis" or "not", and records its probability in the parse result under
`crisis_or_not`. It decides nothing itself: the safety net (safety_net.py) reads it, and a
crisis that only DIET found is escalated only if this check does not disagree (below 0.2). A
crisis found by the reviewed phrases never depends on it.

The two models err differently (one is a deep bag of features trained for thirty classes,
the other a linear crisis/not split with character n-grams that survive typos), which is
why one can catch the other's false alarms. Its threshold was chosen on the development
sets (benchmarks/second_opinion.py, docs/benchmarks.md), never on the evaluation sets.

Besides the NLU training examples, it also learns from `data/crisis_or_not/` (config key
`also_trained_on`): messages from development sets that have been spent on earlier
decisions, written by people who never saw the training data, labelled only crisis or not.
They are the closest thing to how new people write, and they are kept out of DIET's
training because their harmless messages carry no concern label. Rasa does not read that
folder (its files are not NLU files), so this component reads it and adds a fingerprint of
it, so that `rasa train` retrains the check when a file changes.

The linear model itself, and how it is stored, is in linear_text.py.
"""
import hashlib
from pathlib import Path
from typing import Any, Dict, List, Optional, Text, Tuple

import yaml
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.linear_text import LinearTextComponent, LinearTextModel
from bot.components.second_opinion import CRISIS_INTENTS

CRISIS_OR_NOT_KEY = "crisis_or_not"
# The two lists a file in data/crisis_or_not/ holds, and whether each is a crisis.
LABELS = {"crisis": True, "not_crisis": False}

def crisis_or_not_files(folder: Path) -> List[Path]:
    if not folder.is_dir():
        raise ValueError(f"CrisisOrNotClassifier: also_trained_on names {folder}, which is not a folder "
                         "(paths are relative to the folder rasa train runs in)")
    files = sorted(folder.glob("*.yml"))
    if not files:  # a named folder with nothing in it is a mistake, not a choice
        raise ValueError(f"CrisisOrNotClassifier: also_trained_on names {folder}, which holds no .yml files")
    return files


def read_crisis_or_not_file(path: Path) -> List[Tuple[str, bool]]:
    """(text, is_crisis) for each message in one data/crisis_or_not/ file, which holds two
    lists of strings, `crisis` and `not_crisis`. Anything else is refused with the file
    and the problem named, so a bad edit never trains the check on half a file."""
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ValueError(f"{path}: cannot be read as YAML ({error})") from error
    if not isinstance(content, dict) or set(content) != set(LABELS):
        found = ", ".join(map(str, content)) if isinstance(content, dict) else type(content).__name__
        raise ValueError(f"{path}: expected exactly the lists {' and '.join(LABELS)}, found {found or 'nothing'}")
    examples = []
    for label, is_crisis in LABELS.items():
        texts = content[label]
        if not isinstance(texts, list) or not texts:
            raise ValueError(f"{path}: '{label}' must be a non-empty list of messages")
        for number, text in enumerate(texts, start=1):
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"{path}: '{label}' item {number} is not a message: {text!r}")
            examples.append((text.strip(), is_crisis))
    return examples


def read_crisis_or_not_folder(folder: Path) -> List[Tuple[str, bool]]:
    """(text, is_crisis) for every message in every file of a data/crisis_or_not/ folder."""
    return [example for path in crisis_or_not_files(folder) for example in read_crisis_or_not_file(path)]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class CrisisOrNotClassifier(LinearTextComponent):
    MODEL_FILE = "crisis_or_not.json"

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # The middle of the three strengths tried on the development sets; all three gave
        # the same development result at the threshold in use. No extra folder unless the
        # pipeline names one (config.yml does).
        return {"inverse_regularisation": 4.0, "also_trained_on": None, "read_corrected_text": False}

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """The extra folder is not part of Rasa's training data, so its content must be part
        of this component's fingerprint, or an edit to it would reuse the old check."""
        if not config.get("also_trained_on"):
            return None
        digest = hashlib.sha256()
        for path in crisis_or_not_files(Path(config["also_trained_on"])):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        return digest.hexdigest()

    def train(self, training_data: TrainingData) -> Resource:
        examples = [(self.text_of(m), m.get(INTENT) in CRISIS_INTENTS)
                    for m in training_data.intent_examples if m.get(TEXT)]
        if self.config.get("also_trained_on"):
            examples += read_crisis_or_not_folder(Path(self.config["also_trained_on"]))
        labels = [is_crisis for _, is_crisis in examples]
        if not any(labels) or all(labels):
            raise ValueError("CrisisOrNotClassifier needs training examples both of a crisis intent "
                             f"({', '.join(CRISIS_INTENTS)}) and of other intents")
        return self.save(LinearTextModel.fit([text for text, _ in examples], labels,
                                             float(self.config["inverse_regularisation"])))

    def process(self, messages: List[Message]) -> List[Message]:
        texted = [m for m in messages if m.get(TEXT)]
        if self.model is None or not texted:
            return messages
        crisis_column = self.model.labels.index(True)
        probabilities = self.model.probabilities([self.text_of(m) for m in texted])[:, crisis_column]
        for message, probability in zip(texted, probabilities):
            message.set(CRISIS_OR_NOT_KEY, {"crisis_probability": round(float(probability), 4)}, add_to_output=True)
        return messages
