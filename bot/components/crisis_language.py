"""Reviewed crisis phrases: the deterministic half of crisis detection.

Pure Python (no Rasa) so it can be read, reviewed and tested on its own. Each pattern
says which crisis intent it signals, and whether a negation just before it cancels it
("I'm not suicidal" cancels; "I don't want to live" is itself a crisis phrase). Phrases
in an obviously fictional or educational context ("a song about suicide", "suicide
prevention training") and everyday hyperbole about trivial things ("mum's going to kill
me when she sees the bill") are set aside, with the reason recorded.

The list only ever adds a crisis: it never removes one the model found. Change it with
care, add a test for every change (tests/test_crisis_language.py), and keep phrases
general: they are reviewed language, not copies of test messages.
"""
import re
from dataclasses import dataclass, field
from typing import List, Optional

SUICIDE = "crisis_suicide_self_harm"
DANGER = "crisis_immediate_danger"

NEGATORS = {"not", "never", "no", "dont", "don't", "didnt", "didn't", "wont", "won't",
            "wouldnt", "wouldn't", "isnt", "isn't", "doesnt", "doesn't", "nor", "aint", "ain't",
            "cant", "can't", "cannot", "neither"}

# Words that put a phrase in a story, a lesson or a campaign rather than a life.
FICTION_OR_STUDY = re.compile(
    r"\b(film|movie|song|lyrics?|book|novel|episode|series|tv show|the show|video game|game|character|"
    r"play\b|poem|quote|meme|documentary|podcast|essay|project|homework|assignment|lesson|"
    r"training|course|statistics|stats|research|awareness|prevention|policy|leaflet|fundraiser|"
    r"charity walk|squad)\b"
)
# Trivial things people say "X will kill me" about.
TRIVIAL_TRIGGER = re.compile(
    r"\b(bill|bills|grades?|results?|report card|mess|scratch|dent|late|forgot|forget|forgetting|"
    r"phone bill|credit card|parking|permit|ticket|broke|broken|spilt|spilled|lost|lose|losing|"
    r"wedding|birthday|present|surprise|score|homework|exam|diet|the car|new car|tattoo|haircut|"
    r"hair|shopping|spent|spending|bought|price|cost|burnt|burned the)\b"
)


@dataclass(frozen=True)
class Pattern:
    id: str
    intent: str
    regex: re.Pattern
    negatable: bool = True  # a negation in the two words before cancels the phrase
    check_fiction: bool = True
    check_trivial: bool = False  # set aside if a trivial trigger follows soon after


def _p(id_, intent, regex, **kwargs) -> Pattern:
    return Pattern(id_, intent, re.compile(regex), **kwargs)


SELF = r"(?:my|him|her|them|your|our|me|it|one)\s?(?:self|selves|selfs|sefl|slef)"
PILLS = (r"(?:pills|tablets|paracetamol|paracetemol|meds|medication|medicine|co-?codamol|ibuprofen|"
         r"sleeping|antidepressants|insulin|codeine|tramadol|morphine|painkillers)")

PATTERNS: List[Pattern] = [
    # --- Suicide and self-harm ----------------------------------------------------------
    _p("suicide-word", SUICIDE, r"\b(?:su+i?[cs]+[iy]?d(?:e|al|le|ial|el|l)\w*|suicde\w*|sucide\w*|suiside\w*)"
                               r"(?!\s+(?:bomb\w*|attack\w*|vest))"),
    _p("suicide-slang", SUICIDE, r"\b(?:kms|kys|unalive\w*|sewer ?slide|s-?word)\b"),
    _p("kill-self", SUICIDE, rf"\b(?:kill+|kil|killing|killed|end|ending)\s+{SELF}\b"),
    _p("kill-meself", SUICIDE, r"\bkill+\s+meself\b"),
    _p("end-life", SUICIDE, r"\b(?:end|ending|take|taking|took)\s+(?:my|his|her|their|your)\s+(?:own\s+)?li(?:fe|ves)\b"
                            r"(?!\s+(?:back|in\s+a|in\s+(?:a\s+)?new|into|forward|to\s+the\s+next|in\s+hand|seriously|more))"),
    _p("end-it-all", SUICIDE, r"\bend(?:ing)?\s+it\s+all\b"),
    _p("want-to-die", SUICIDE, r"\b(?:want|wants|wanted|wanna|wish|wishes|wishing|ready|going|gonna|about)\s+(?:to\s+)?"
                               r"(?:die|be\s+dead|just\s+die)\b"),
    _p("wish-dead", SUICIDE, r"\bwish(?:es|ed)?\s+(?:i|he|she|they)\s+(?:was|were|wasn'?t|weren'?t)\s+(?:dead|alive|here|born)\b"),
    _p("not-want-to-live", SUICIDE, r"\b(?:don'?t|do\s+not|doesn'?t|no\s+longer|dont)\s+(?:want|wanna)\s+to\s+"
                                    r"(?:live|be\s+alive|exist|wake\s+up|go\s+on|carry\s+on|be\s+here\s+any\s?more)\b",
       negatable=False),
    _p("no-point-living", SUICIDE, r"\bno\s+(?:point|reason|purpose)\s+(?:in\s+|to\s+)?(?:living|going\s+on|carrying\s+on|being\s+alive|"
                                   r"live|life|being\s+here|staying\s+alive)\b", negatable=False),
    _p("better-off-dead", SUICIDE, r"\bbetter\s+off\s+(?:dead|without\s+me|if\s+i\s+(?:was|were)n'?t\s+here|gone)\b"),
    _p("cant-go-on-living", SUICIDE, r"\b(?:can'?t|cannot|cant)\s+(?:go\s+on|keep)\s+living\b", negatable=False),
    _p("self-harm-word", SUICIDE, r"\bself[\s-]?harm\w*|\bself[\s-]?injur\w*"),
    _p("harm-self", SUICIDE, rf"\b(?:cut|cutting|cuts|burn|burning|burnt|hurt|hurting|harm|harming|starve|starving|scratching|"
                             rf"punching|hitting)\s+{SELF}\b(?!\s+(?:shaving|chopping|cooking|on\s+(?:the|a)|at\s+(?:the|work)|"
                             rf"by\s+accident|accidentally|playing|gardening|doing|in\s+the\s+(?:kitchen|garden|gym)|while|when\s+i\s+fell))"),
    _p("cutting-arms", SUICIDE, r"\b(?:cut|cutting|slit|slitting|slashing)\s+(?:my|his|her|their)\s+(?:arms?|wrists?|legs?|thighs?|skin)\b"),
    _p("overdose", SUICIDE, rf"\b(?:over\s?dos(?:e|ed|ing)|od'?d|od'?ed)\b(?!\s+(?:of|on)\s+(?!{PILLS}|heroin|drugs|insulin))"),
    _p("taken-pills", SUICIDE, rf"\b(?:taken|took|take|swallowed|swallow|downed|necked|had)\s+(?:all|a\s+(?:load|lot|bunch|handful|bottle|box|pack|packet|"
                               rf"few\s+packets)|loads|lots|too\s+many|the\s+whole\s+(?:box|bottle|pack|packet)|every|\d+|twenty|thirty|forty|fifty)\b"
                               rf"[^.?!]{{0,30}}\b{PILLS}"),
    _p("saving-pills", SUICIDE, rf"\b(?:saving|saved|stockpil\w+|hoard\w*)\s+(?:up\s+)?(?:my\s+)?{PILLS}"),
    _p("hang-self", SUICIDE, rf"\bhang(?:ing)?\s+{SELF}\b|\b(?:a|the)\s+noose\b"),
    _p("jump-off", SUICIDE, r"\b(?:jump|jumping|throw\s+(?:my|him|her)self)\s+(?:off|from|in\s+front\s+of)\s+(?:a|the|that|this)\s+"
                            r"(?:bridge|building|cliff|roof|car\s?park|multi[\s-]?storey|train|bus|lorry|car|tower|balcony|motorway)\b"),
    _p("goodbye-note", SUICIDE, r"\b(?:suicide|goodbye)\s+(?:note|notes|letter|letters|message)\b"),
    _p("not-wake-up", SUICIDE, r"\b(?:hope|hoping|wish)\s+(?:i|he|she)\s+(?:don'?t|doesn'?t|never|won'?t)\s+wake\s+up\b", negatable=False),

    # --- Immediate danger -----------------------------------------------------------------
    _p("going-to-kill-me", DANGER, r"\b(?:is|'s|s|are|'re|re|am|was)\s+(?:going\s+to|gonna|about\s+to|trying\s+to|threatening\s+to)\s+"
                                   r"(?:kill|stab|shoot|hurt|attack|strangle|murder|rape|beat)\s+(?:me|us|her|him|them|my|the\s+(?:kids|children|baby))\b",
       check_trivial=True),
    _p("threat-to-kill", DANGER, r"\b(?:threatened|threatening|threatens|said|says|saying)\s+(?:he|she|they)?\s*(?:'ll|will|would|'d|is\s+going\s+to|"
                                 r"was\s+going\s+to|to)?\s*(?:kill|stab|shoot|murder)\s+(?:me|us|the\s+(?:kids|children|baby)|my)\b",
       check_trivial=True),
    _p("weapon-here", DANGER, r"\b(?:knife|knives|gun|machete|blade|axe|hammer|baseball\s+bat|weapon)\b[^.?!]{0,40}\b(?:outside|at\s+(?:the|my)\s+door|"
                              r"in\s+the\s+(?:house|flat|kitchen|hall|room)|downstairs|upstairs|pointing|pointed|holding|waving|coming\s+at|"
                              r"threatening|to\s+my\s+(?:throat|neck|head)|right\s+now|here)\b"),
    _p("weapon-here-before", DANGER, r"\b(?:pointing|pointed|holding|waving|pulled|pulling|came\s+at\s+me\s+with|threatening\s+(?:me|us)\s+with|"
                                     r"outside\s+with|here\s+with|at\s+the\s+door\s+with)\s+(?:a|his|her|the)\s+"
                                     r"(?:knife|gun|machete|blade|axe|hammer|weapon|bat)\b"),
    _p("stabbed-shot", DANGER, r"\b(?:been|just\s+been|got|getting|being|was|is\s+being|'s\s+been)\s+(?:stabbed|shot|attacked|raped|glassed)\b"
                               r"(?!\s+of\b)"),
    _p("breaking-in", DANGER, r"\b(?:breaking|kicking|smashing|forcing|bashing)\s+(?:in|down|the\s+door|my\s+door|the\s+window|my\s+window|"
                              r"through)\b|\btrying\s+to\s+(?:break|get|force\s+(?:his|her|their)\s+way)\s+in(?:to)?\b"),
    _p("abuser-at-door", DANGER, r"\b(?:he|she|they|my\s+ex|ex|husband|partner|boyfriend|girlfriend|wife|dad|stepdad|step\s+dad|father|"
                                 r"brother|son)\s*(?:'s|is|are|'re|s)?\s+(?:outside\s+(?:my|the|our)\s+(?:house|door|flat|home|window)|"
                                 r"at\s+(?:the|my|our)\s+(?:front\s+|back\s+)?(?:door|window)|banging\s+on|hammering\s+on|kicking\s+(?:the|my)\s+door|"
                                 r"trying\s+to\s+get\s+in)\b"),
    _p("attack-in-progress", DANGER, r"\b(?:is|'s|are|'re)\s+(?:strangling|choking|throttling|beating|hitting|punching|kicking|stabbing|attacking|"
                                     r"raping|smothering|hurting)\s+(?:me|her|him|them|us|my|the\s+(?:kids|children|baby))\b"
                                     r"(?!\s+(?:every|all\s+the\s+time|again\s+and\s+again|for\s+years|most|when))"),
    _p("not-breathing", DANGER, r"\b(?:not|isn'?t|stopped|can'?t|cannot|cant)\s+breath(?:ing|e)\b(?=[^.?!]*$)"
                                r"|\bwon'?t\s+wake\s+up\b|\bunconscious\b|\b(?:lips|face|skin)\s+(?:is\s+|are\s+)?(?:going|turning|gone|went|turned)?\s*blue\b",
       negatable=False),
    _p("locked-in-hiding", DANGER, r"\block(?:ed)?\s+(?:my|our)sel(?:f|ves)\s+in\b|\bhiding\s+(?:in|from\s+(?:him|her|them))\b"),
    _p("on-fire", DANGER, r"\b(?:house|flat|home|building|kitchen|room)\s+(?:is|'s)\s+on\s+fire\b"),
    _p("bleeding-badly", DANGER, r"\bbleeding\s+(?:badly|heavily|a\s+lot|everywhere|out|loads|and\s+won'?t\s+stop)\b"),
]


@dataclass
class CrisisFinding:
    intent: str
    pattern: str
    matched: str


@dataclass
class CrisisCheck:
    finding: Optional[CrisisFinding]
    set_aside: List[dict] = field(default_factory=list)  # phrases seen but not counted, and why

    def as_dict(self) -> dict:
        return {
            "fired": self.finding is not None,
            "intent": self.finding.intent if self.finding else None,
            "pattern": self.finding.pattern if self.finding else None,
            "matched": self.finding.matched if self.finding else None,
            "set_aside": self.set_aside,
        }


def normalise(text: str) -> str:
    text = (text or "").lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"\bi\s?m\b", "i'm", text)
    return " ".join(text.split())


def _negated(text: str, start: int) -> bool:
    words = re.findall(r"[a-z']+", text[:start])[-2:]
    return any(w in NEGATORS or w.endswith("n't") for w in words)


def _sentence_before(text: str, start: int) -> str:
    head = text[:start]
    cut = max(head.rfind("."), head.rfind("!"), head.rfind("?"), head.rfind("\n"))
    return head[cut + 1:]


def check(text: str) -> CrisisCheck:
    """Look for crisis language. Suicide and self-harm outrank immediate danger only in
    order of discovery; both lead to a reply that starts with 999."""
    text = normalise(text)
    set_aside: List[dict] = []
    for pattern in PATTERNS:
        for match in pattern.regex.finditer(text):
            reason = None
            if pattern.negatable and _negated(text, match.start()):
                reason = "negated"
            elif pattern.check_fiction and FICTION_OR_STUDY.search(
                    _sentence_before(text, match.start()) + " " + text[match.end():match.end() + 30]):
                reason = "fiction, study or campaign context"
            elif pattern.check_trivial and TRIVIAL_TRIGGER.search(text[match.end():match.end() + 60]):
                reason = "everyday exaggeration about something trivial"
            if reason:
                set_aside.append({"pattern": pattern.id, "matched": match.group(0), "reason": reason})
                continue
            return CrisisCheck(CrisisFinding(pattern.intent, pattern.id, match.group(0)), set_aside)
    return CrisisCheck(None, set_aside)
