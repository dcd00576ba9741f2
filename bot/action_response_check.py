"""Check the action server's replies with one JSON-schema validator, built once.

Rasa 3.6 checks every reply from the action server with `jsonschema.validate(result,
schema)`. That call first checks Rasa's own schema against the JSON Schema 2020-12
meta-schema, every time: about 60 ms of CPU on a 2-core machine, for a schema that never
changes. With one or two custom actions in most replies, that was most of a reply's time
(docs/benchmarks.md, "Where a reply's time went"). The validator below checks the same
schema with the same draft and raises the same error, without re-checking the schema.

`bot.serve_rasa` installs it before the server starts.
"""
from functools import lru_cache
from typing import Any, Dict, Text

from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@lru_cache(maxsize=1)
def action_response_validator():
    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)  # once, as jsonschema.validate would every time
    return validator_class(schema)


def validate_action_result(self, result: Dict[Text, Any]) -> bool:
    """RemoteAction._validate_action_result, with the validator built once."""
    try:
        action_response_validator().validate(result)
        return True
    except ValidationError as error:
        error.message += (". Failed to validate Action server response from API, make sure your "
                          f"response from the Action endpoint is valid. For more information about "
                          f"the format visit {DOCS_BASE_URL}/custom-actions")
        raise error


def install() -> None:
    """Replace Rasa's per-call schema check with the prebuilt one (idempotent)."""
    if not hasattr(RemoteAction, "_validate_action_result"):
        raise RuntimeError("Rasa no longer has RemoteAction._validate_action_result: "
                           "review bot/action_response_check.py for this Rasa version")
    RemoteAction._validate_action_result = validate_action_result
