"""Is a service open at a given moment? Opening times are UK local time."""
import datetime as dt
from typing import Iterable, Optional
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def uk_now() -> dt.datetime:
    return dt.datetime.now(tz=UK)


def is_open(open_24_7: bool, schedules: Iterable, at: Optional[dt.datetime] = None) -> Optional[bool]:
    """True or False when we know; None when the service has no machine-readable hours."""
    if open_24_7:
        return True
    schedules = list(schedules)
    if not schedules:
        return None
    at = (at or uk_now()).astimezone(UK)
    today, clock = DAY_CODES[at.weekday()], at.strftime("%H:%M")
    for slot in schedules:
        if today in slot.byday.split(",") and slot.opens_at <= clock < slot.closes_at:
            return True
    return False
