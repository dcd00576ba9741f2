"""ChannelMetadataEntities: reads who is using Signpost from the message metadata.

The web pages send {"mode": "web" | "kiosk" | "handler"} with every message, and a
library kiosk also sends {"place": "Thetford"} on its first message. This component
turns them into entities (`mode`, and `location` when the person typed no place), so
slot mappings set the `mode` and `location` slots.

Why not a custom action_session_start: when the action server is down, a failed custom
session start leaves the conversation in a state no rule matches, and even crisis
messages would get the fallback reply. Reading metadata here keeps every static reply
(crisis above all) independent of the action server.
"""
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES
from rasa.shared.nlu.training_data.message import Message

MODES = ("web", "kiosk", "handler")
MAX_PLACE_LENGTH = 80


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class ChannelMetadataEntities(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "ChannelMetadataEntities":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            metadata = message.get("metadata")
            if not isinstance(metadata, dict):
                continue
            entities = list(message.get(ENTITIES) or [])
            mode = metadata.get("mode")
            if mode in MODES:
                entities.append(_entity("mode", mode))
            place = metadata.get("place")
            has_place = any(e.get("entity") == "location" for e in entities)
            if mode == "kiosk" and isinstance(place, str) and 0 < len(place.strip()) <= MAX_PLACE_LENGTH \
                    and not has_place:
                entities.append(_entity("location", place.strip()))
            message.set(ENTITIES, entities, add_to_output=True)
        return messages


def _entity(name: str, value: str) -> Dict[Text, Any]:
    # Not found in the text, so it spans nothing (start == end == 0).
    return {"entity": name, "value": value, "start": 0, "end": 0, "confidence_entity": 1.0,
            "extractor": "ChannelMetadataEntities"}
