"""Fixed vocabularies shared by the data files, the database and the API.

Concern tags are the intent names of the Signpost contract (CONCERNS.md): the directory
uses the same strings so that a recognised concern is also a search key.
"""

CRISIS_TAGS = ("crisis_immediate_danger", "crisis_suicide_self_harm")

CONCERN_TAGS = (
    "concern_domestic_abuse",
    "concern_own_abusive_behaviour",
    "concern_sexual_violence",
    "concern_loneliness",
    "concern_carer_support",
    "concern_mental_health",
    "concern_scam_fraud",
    "concern_exploitation",
    "concern_modern_slavery",
    "concern_child_safety",
    "concern_substance_misuse",
    "concern_homelessness",
    "concern_money_debt",
    "concern_antisocial_behaviour",
    "concern_hate_crime",
    "concern_radicalisation",
)

ALL_TAGS = CRISIS_TAGS + CONCERN_TAGS

KINDS = ("service", "helpline", "safeguarding_route")

STATUSES = ("active", "unverified", "ended")

AUDIENCES = (
    "everyone", "victims", "families", "friends", "professionals", "older_people",
    "young_people", "children", "adults", "men", "women", "lgbt", "carers",
    "perpetrators", "rural", "veterans",
)

AREA_TYPES = ("country", "county", "district", "town", "village", "ward")

# How specific each area type is: a ward-level service beats a county-wide one.
AREA_TYPE_RANK = {"ward": 5, "village": 4, "town": 4, "district": 3, "county": 2, "country": 1}

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# The national root of the place hierarchy: services covering it are national.
NATIONAL_AREA_ID = "england"
