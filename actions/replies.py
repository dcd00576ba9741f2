"""Turning directory results into what each audience reads.

Residents get a warm, complete card per service; kiosk users a short one (and a print
summary with services only, never what they typed); call handlers a script line ("Tell
the caller") and a factual case note. Every phone number shown comes from the directory.
"""
import datetime as dt
from typing import List, Optional
from zoneinfo import ZoneInfo

from actions.concern_terms import button_text
from actions.directory_client import Place, Service

UK = ZoneInfo("Europe/London")


def place_intro(place: Optional[Place], location: Optional[str], declined: bool, mode: str,
                about_someone_else: bool, count: int) -> str:
    for_whom = "for them" if about_someone_else else "for you"
    if declined or not location:
        return (f"Here is support {for_whom} that you can contact from anywhere in England:"
                if count else "I couldn't find more services in the directory.")
    if place is None:  # another council's feed: no place resolution
        return f"Here is support {for_whom} near {location}:"
    if place.found:
        where = place.name
        if mode == "handler":
            return f"Area: {' > '.join(place.chain_names[:-1]) or where}. Tell the caller about:"
        return f"Here is support {for_whom} near {where}:" if count else \
            f"I couldn't find more services near {where} in the directory."
    if place.reason == "outside_area":
        return f"{place.text.upper()} is outside the areas I cover, so here are national services:"
    if place.reason == "unknown_postcode":
        return (f"{place.text.upper()} covers more than one council area, so I can't tell which is yours. "
                "Here are national services; tell me your town for local ones:")
    suggestion = f" Did you mean {place.suggestions[0]}?" if place.suggestions else ""
    return (f"I didn't recognise \"{place.text}\" as a place in the areas I cover.{suggestion} "
            "Here are national services, or you can type another town or postcode:")


def service_card(service: Service, mode: str) -> str:
    if mode == "kiosk":
        lines = [service.name]
        if service.phone:
            lines.append(f"Call {service.phone}" + (f" ({service.hours})" if service.hours else ""))
        elif service.website:
            lines.append(service.website)
        elif service.how_to_contact:
            lines.append(service.how_to_contact)
        return "\n".join(lines)
    lines = [service.name, service.description]
    if service.phone:
        lines.append(f"Phone: {service.phone}")
    if service.text:
        lines.append(f"Text: {service.text}")
    if service.hours:
        lines.append(f"When: {service.hours}")
    if service.website:
        lines.append(f"Website: {service.website}")
    if service.webchat:
        lines.append(f"Web chat: {service.webchat}")
    if service.email and not service.phone:
        lines.append(f"Email: {service.email}")
    if service.how_to_contact and not service.phone:
        lines.append(f"How to contact: {service.how_to_contact}")
    if service.what_happens:
        lines.append(f"What happens: {service.what_happens}")
    if service.status == "unverified":
        lines.append("Please note: we have not been able to confirm these details recently.")
    if mode == "handler" and service.reason:
        lines.append(f"Why: {service.reason}")
    return "\n".join(lines)


def print_summary(services: List[Service]) -> dict:
    """For the kiosk's print view: services only, nothing the person said."""
    return {"print_summary": {
        "title": "Support you can contact",
        "services": [{"name": s.name, "phone": s.phone, "text": s.text, "hours": s.hours,
                      "website": s.website} for s in services],
        "footer": "In an emergency call 999. Samaritans: 116 123, free, any time.",
    }}


def case_notes(concern: Optional[str], safe_now: Optional[bool], place: Optional[Place],
               location: Optional[str], about_someone_else: bool, services: List[Service],
               routes: List[Service], now: Optional[dt.datetime] = None) -> str:
    """A short factual note the call handler copies into their case system."""
    now = (now or dt.datetime.now(tz=UK)).astimezone(UK)
    if place and place.found:
        area = ", ".join(place.chain_names[:-1]) or place.name
    elif location == "declined" or not location:
        area = "not given"
    else:
        area = "not recognised (caller said a place we do not cover)"
    safety = {True: "yes", False: "NO: emergency advice given", None: "not asked"}[safe_now]
    listed = "; ".join(f"{s.name} {s.phone or s.website or ''}".strip() for s in services) or "none found"
    lines = [
        f"Date and time: {now:%d %b %Y %H:%M}",
        f"Concern: {button_text(concern) if concern else 'not established'}",
        f"About: {'someone else (third-party report)' if about_someone_else else 'the caller'}",
        f"Safe to talk: {safety}",
        f"Area: {area}",
        f"Signposted to: {listed}",
    ]
    if routes:
        lines.append("Safeguarding route: " + "; ".join(f"{r.name} {r.phone or ''}".strip() for r in routes))
    return "\n".join(lines)
