"""Custom actions. Each reads slots, asks the directory client, and formats with replies."""
import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.concern_terms import button_text
from actions.directory_client import DirectoryClient, DirectoryUnavailable

logger = logging.getLogger(__name__)

DECLINED = "declined"  # the location slot's value for "I'd rather not say"
PAGE_SIZE = 3
# Concerns that are usually reported by someone else: show the reporting route first.
REPORTING_CONCERNS = {"concern_child_safety", "concern_radicalisation", "concern_modern_slavery",
                      "concern_exploitation"}

directory = DirectoryClient()


class ActionFindServices(Action):
    """Up to three services for the concern and place, best first; the reporting route
    too when the worry is about someone else. Sets directory_status=ok when the
    directory answered (a rule gives the static fallback when it did not)."""

    def name(self) -> Text:
        return "action_find_services"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        concern = tracker.get_slot("concern")
        mode = tracker.get_slot("mode") or "web"
        if not concern:
            dispatcher.utter_message(response="utter_ask_concern")
            return [SlotSet("directory_status", "ok")]

        location = tracker.get_slot("location")
        declined = location == DECLINED
        place_query = None if declined else location
        more = (tracker.latest_message.get("intent") or {}).get("name") == "ask_more_services"
        offset = int(tracker.get_slot("result_offset") or 0) + PAGE_SIZE if more else 0
        about_someone_else = bool(tracker.get_slot("about_someone_else"))
        wants_route = not more and (about_someone_else or concern in REPORTING_CONCERNS)

        try:
            routes = (await directory.find_async(concern, place_query, kinds=("safeguarding_route",), limit=2)).services \
                if wants_route else []
            found = await directory.find_async(concern, place_query, limit=PAGE_SIZE, page=offset // PAGE_SIZE + 1)
            if not more and not found.services and not routes:
                # Some concerns (anti-social behaviour, say) are answered by reporting
                # routes rather than services: better those than nothing.
                routes = (await directory.find_async(concern, place_query, kinds=("safeguarding_route",),
                                                     limit=PAGE_SIZE)).services
        except DirectoryUnavailable as error:
            logger.warning("Directory unavailable: %s", error)  # no conversation text logged
            dispatcher.utter_message(response="utter_directory_unavailable")
            return [SlotSet("directory_status", "ok")]

        place = found.place
        intro = replies.place_intro(place, place_query, declined, mode, about_someone_else,
                                    len(found.services) + len(routes))
        dispatcher.utter_message(text=intro)
        if routes:
            if mode == "handler":
                heading = "Reporting route (tell the caller):"
            elif wants_route:
                heading = "To report your worry, so someone can check on them:"
            else:
                heading = "You can report it to:"
            dispatcher.utter_message(text=heading)
            for route in routes:
                dispatcher.utter_message(text=replies.service_card(route, mode))
        for service in found.services:
            dispatcher.utter_message(text=replies.service_card(service, mode))

        if mode == "kiosk" and (found.services or routes):
            dispatcher.utter_message(json_message=replies.print_summary(routes + found.services))
        if mode == "handler":
            dispatcher.utter_message(response="utter_professional_route")
            notes = replies.case_notes(concern, tracker.get_slot("safe_now"), place, location,
                                       about_someone_else, found.services, routes)
            dispatcher.utter_message(text=f"Case notes:\n{notes}", json_message={"case_notes": notes})
        dispatcher.utter_message(response="utter_what_next")

        events: List[EventType] = [
            SlotSet("directory_status", "ok"),
            SlotSet("result_offset", float(offset)),
            SlotSet("services_shown", [f"{s.name}: {s.phone or s.website or ''}" for s in routes + found.services]),
        ]
        if place is not None and not place.found:
            events.append(SlotSet("location", None))  # let them try another place
        return events


class ActionCouncilContact(Action):
    """After "I can only help with support": where to go for other council business."""

    def name(self) -> Text:
        return "action_council_contact"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        location = tracker.get_slot("location")
        place = None
        if location and location != DECLINED:
            try:
                place = await directory.resolve_place_async(location)
            except DirectoryUnavailable:
                place = None
        if place and place.found and len(place.chain_names) >= 2:
            areas = [name for name in place.chain_names[:-1] if name != place.name] or [place.name]
            dispatcher.utter_message(
                text=f"For other council services in {place.name}, use the council's website or phone "
                     f"line for {' and '.join(areas)}. To report a crime that is not an emergency, call 101.")
        else:
            dispatcher.utter_message(
                text="For other council services, use your council's website or main phone line. "
                     "If you tell me your town, I can tell you which council covers it.")
        dispatcher.utter_message(response="utter_capabilities")
        return []


class ActionDefaultAskAffirmation(Action):
    """The first stage of the two-stage fallback: "Did you mean...?" with buttons for the
    likeliest intents, in plain words (actions/intent_labels.csv), never intent names.
    It always says to call 999 in danger: the safety net sends here messages the model
    alone took for a crisis, such as "my phone is dead", with the crisis as the first button."""

    def name(self) -> Text:
        return "action_default_ask_affirmation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        ranking = tracker.latest_message.get("intent_ranking") or []
        candidates = [r["name"] for r in ranking if r.get("name") not in ("nlu_fallback", None)][:3]
        buttons = [{"title": button_text(name), "payload": f"/{name}"} for name in candidates]
        buttons.append({"title": "Something else", "payload": "/ask_capabilities"})
        dispatcher.utter_message(text="Sorry, I'm not sure I understood. Did you mean one of these? "
                                      "If you or someone else is in danger now, call 999.",
                                 buttons=buttons)
        return []
