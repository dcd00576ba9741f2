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
    negatable: bool = True  # a negation in the three words before cancels the phrase
    check_fiction: bool = True
    check_trivial: bool = False  # set aside if a trivial trigger follows soon after
    check_past: bool = False  # set aside if told as past ("was being beaten as a child")


def _p(id_, intent, regex, **kwargs) -> Pattern:
    return Pattern(id_, intent, re.compile(regex), **kwargs)


SELF = r"(?:my|him|her|them|your|our|me|it|one)\s?(?:self|selves|selfs|sefl|slef)"
PILLS = (r"(?:pills|tablets|paracetamol|paracetemol|meds|medication|medicine|co-?codamol|ibuprofen|"
         r"sleeping|antidepressants|insulin|codeine|tramadol|morphine|painkillers)")

PATTERNS: List[Pattern] = [
    # --- Suicide and self-harm ----------------------------------------------------------
    _p("suicide-word", SUICIDE, r"\b(?:su+i?[cs]+[iy]?d(?:e|al|le|ial|el|l)\w*|suicde\w*|sucide\w*|suiside\w*)"
                               r"(?!\s+(?:bomb\w*|attack\w*|vest))"),
    _p("suicide-slang", SUICIDE, r"\b(?:kms|kys|unalive\w*|sewer ?slide)\b"),
    _p("kill-self", SUICIDE, rf"\b(?:kil+|klil|kll|kiil|killing|killed|end|ending)\s+{SELF}\b(?!\s+(?:laughing|with\s+laughter))"),
    _p("kill-meself", SUICIDE, r"\bkill+\s+meself\b"),
    _p("end-life", SUICIDE, r"\b(?:end|ending|take|taking|tae|took)\s+(?:my|his|her|their|your)\s+(?:own\s+)?(?:li(?:fe|ves)|lfie|lief|lyfe)\b"
                            r"(?!\s+(?:back|in\s+a|in\s+(?:a\s+)?new|into|forward|to\s+the\s+next|in\s+hand|seriously|more))"),
    _p("end-it-all", SUICIDE, r"\bend(?:ing)?\s+it\s+all\b"),
    _p("want-to-die", SUICIDE, r"\b(?:want|wants|wnat|wnats|wamt|wanted|wanna|wish|wishes|wishing|ready|going|gonna|about)\s+"
                               r"(?:to\s+)?(?:die|be\s+dead|be\s+ded|just\s+die)\b"),
    _p("wish-dead", SUICIDE, r"\bw[iu]sh(?:es|ed)?\s+(?:i|he|she|they)\s+(?:was|were|wasn'?t|weren'?t)\s+(?:dead|ded|alive|here|born)\b"),
    _p("not-want-to-live", SUICIDE, r"\b(?:don'?t|do\s+not|doesn'?t|no\s+longer|dont)\s+(?:want|wanna)\s+to\s+"
                                    r"(?:live|be\s+alive|exist|wake\s+up|go\s+on|carry\s+on|be\s+here\s+any\s?more)\b",
       negatable=False),
    _p("unsure-to-live", SUICIDE, r"\b(?:not\s+sure\s+(?:if\s+|that\s+)?i\s+(?:want|wanna)\s+to|don'?t\s+know\s+if\s+i\s+(?:want|can)\s+(?:to\s+)?)"
                                  r"\s*(?:live|go\s+on|be\s+here|carry\s+on|be\s+alive|keep\s+going)\b", negatable=False),
    _p("no-point-living", SUICIDE, r"\bno\s+(?:point|reason|purpose)\s+(?:in\s+|to\s+)?(?:living|going\s+on|carrying\s+on|being\s+alive|"
                                   r"live|life|being\s+here|staying\s+alive)\b", negatable=False),
    _p("better-off-dead", SUICIDE, r"\bbetter\s+off\s+(?:dead|without\s+me|if\s+i\s+(?:was|were)n'?t\s+here|gone)\b"),
    _p("cant-go-on-living", SUICIDE, r"\b(?:can'?t|cannot|cant)\s+(?:go\s+on|keep)\s+living\b", negatable=False),
    _p("self-harm-word", SUICIDE, r"\bself[\s-]?harm\w*|\bself[\s-]?injur\w*"),
    _p("harm-self", SUICIDE, rf"\b(?:cut|cutting|cuts|burn|burning|burnt|hurt|hurting|harm|harming|starve|starving|scratching|"
                             rf"punching|hitting)\s+{SELF}\b(?!\s+(?:shaving|chopping|cooking|on\s+(?:the|a)|at\s+(?:the|work)|"
                             rf"by\s+accident|accidentally|playing|gardening|doing|in\s+the\s+(?:kitchen|garden|gym)|while|when\s+i\s+fell))"),
    _p("cutting-arms", SUICIDE, r"\b(?:cut|cutting|slit|slitting|slashing)\s+(?:my|his|her|their)\s+(?:arms?|wrists?|legs?|thighs?|skin)\b"),
    _p("overdose", SUICIDE, rf"\b(?:over\s?dos(?:e|ed|ing)|od'?d|od'?ed)\b(?!\s+(?:of|on)\s+(?!{PILLS}|heroin|drugs|insulin))",
       check_past=True),
    _p("taken-pills", SUICIDE, rf"\b(?:taken|took|take|swallowed|swallow|downed|necked|had)\s+(?:all|a\s+(?:load|lot|bunch|handful|bottle|box|pack|packet|"
                               rf"few\s+packets|strip)|loads|lots|too\s+many|(?:a|the)\s+whole\s+(?:box|bottle|pack|packet|strip|load)|every|\d+|twenty|thirty|forty|fifty)\b"
                               rf"[^.?!]{{0,30}}\b{PILLS}"),
    _p("saving-pills", SUICIDE, rf"\b(?:saving|saved|stockpil\w+|hoard\w*)\s+(?:up\s+)?(?:my\s+)?{PILLS}"),
    _p("hang-self", SUICIDE, rf"\bhang(?:ing)?\s+{SELF}\b|\b(?:a|the)\s+noose\b"),
    _p("jump-off", SUICIDE, r"\b(?:jump|jumping|throw\s+(?:my|him|her)self)\s+(?:off|from|in\s+front\s+of)\s+(?:a|the|that|this)\s+"
                            r"(?:bridge|building|cliff|roof|car\s?park|multi[\s-]?storey|train|bus|lorry|car|tower|balcony|motorway)\b"),
    _p("goodbye-note", SUICIDE, r"\b(?:suicide|goodbye)\s+(?:note|notes|letter|letters|message)\b"),
    _p("not-wake-up", SUICIDE, r"\b(?:hope|hoping|wish)\s+(?:i|he|she)\s+(?:don'?t|doesn'?t|never|won'?t)\s+wake\s+up\b", negatable=False),

    # Warning signs (suicide-prevention guidance): feeling a burden, goodbyes, giving things
    # away, researching methods, a plan and a place, stopping treatment to die.
    _p("burden", SUICIDE, r"\b(?:i'?m|i\s+am|feel(?:ing)?\s+like|being)\s+(?:such\s+|just\s+)?a\s+burden\b"
                          r"|\b(?:better|easier)\s+(?:off\s+)?(?:for\s+(?:everyone|everybody|them|all|my\s+\w+)\s+)?(?:if|when)\s+i\s*"
                          r"(?:'m|am|was|were|'d\s+be|'d)?\s*(?:gone|dead|not\s+here|wasn'?t\s+(?:here|around)|weren'?t\s+(?:here|around))"),
    _p("not-around-long", SUICIDE, r"\bwon'?t\s+be\s+(?:around|here|alive)\s+(?:much\s+longer|for\s+(?:much\s+)?long|any\s?more|tomorrow)\b",
       negatable=False),
    _p("goodbyes", SUICIDE, r"\b(?:said|saying|say)\s+my\s+goodbyes\b|\bgoodbye\s+(?:forever|for\s+good|to\s+everyone)\b"
                            r"|\bfinal\s+(?:goodbye|message|letter)s?\b"),
    _p("giving-away", SUICIDE, r"\bgiv(?:e|en|ing)\s+(?:away\s+)?(?:all\s+)?(?:my|his|her)\s+(?:stuff|things|belongings|possessions)\s+"
                               r"(?:away\b)?[^.?!]{0,25}\b(?:won'?t\s+need|won'?t\s+be|before\s+i\s+go|for\s+after)"),
    _p("method-seeking", SUICIDE, r"\b(?:looking\s+up|researching|searching|googling|googled|looked\s+up|found)\s+(?:for\s+)?(?:ways|how)\s+to\s+"
                                  r"(?:do\s+it|end\s+it|die|kill)\b|\bpainless\s+way\s+to\s+(?:go|die|do\s+it|end\s+it)\b"
                                  rf"|\bhow\s+many\s+{PILLS}\s+(?:would\s+it\s+take|does\s+it\s+take|to\s+(?:die|kill|overdose|end))"),
    _p("plan-and-place", SUICIDE, r"\b(?:going|gonna|want|wanna|plan(?:ning)?|about)\s+to\s+(?:walk\s+into\s+the\s+(?:sea|river|water|traffic)|"
                                  r"drown\s+(?:my|him|her)self|step\s+in\s+front\s+of)\b"
                                  r"|\b(?:standing|stood|sat|sitting|stuck)\s+on\s+(?:the|a|top\s+of\s+the)\s+(?:bridge|ledge|roof|cliff|"
                                  r"railway|train\s+tracks?|tracks|car\s?park\s+roof)\b"),
    _p("stop-treatment-to-die", SUICIDE, r"\bstop(?:ped|ping)?\s+taking\s+(?:my|his|her)\s+(?:\w+\s+)?(?:tablets|pills|meds|medication|insulin)"
                                         r"\b[^.?!]{0,30}\b(?:let\s+it\s+happen|die|end\s+it|be\s+done|be\s+over)"),
    _p("join-the-dead", SUICIDE, r"\b(?:died|passed\s+away|passed\s+on|lost\s+my\s+\w+|death)\b[^.?!]*\b(?:join(?:ing)?|be\s+with)\s+"
                                 r"(?:her|him|them)\b"),
    _p("nobody-would-miss", SUICIDE, r"\b(?:nobody|no\s?one|no-one)\s+(?:would|will|wud|'d)\s+(?:miss|notice)\s+(?:me|him|her|them|if)\b"),
    _p("all-over-soon", SUICIDE, r"\b(?:it'?ll|it\s+will)\s+all\s+be\s+over\s+(?:soon|tonight|tomorrow)\b"
                                 r"|\bwant\s+(?:it\s+all|everything)\s+to\s+(?:stop|end)\s+(?:forever|for\s+good|permanently)\b"
                                 r"|\bsleep\s+(?:forever|and\s+(?:never|not)\s+wake)"),
    _p("hurt-until", SUICIDE, r"\b(?:scratch|hit|bang|punch|burn|pinch|bite)\w*\s+(?:my|his|her)\s+(?:skin|head|arms?|legs?|face|wrists?)\b"
                              r"[^.?!]{0,40}\b(?:until|till|til)\s+(?:it|they|i)\s+(?:bleeds?|bruises?|hurts?|burns?)"),
    _p("cuts-on-body", SUICIDE, r"\bcuts?\s+(?:all\s+)?(?:over|on|up|down)\s+(?:her|his|my|their)\s+(?:arms?|wrists?|legs?|thighs?|stomach|body)\b"),
    _p("blade-on-self", SUICIDE, rf"\b(?:blade|razor|knife)\b[^.?!]{{0,40}}\bon\s+{SELF}\b"),

    _p("drink-and-pills", SUICIDE, rf"\b(?:drunk|drank|drinking)\b[^.?!]{{0,40}}\b(?:taken|took|swallowed|had|necked)\s+"
                                   rf"(?:my\s+|all\s+(?:my\s+)?|a\s+load\s+of\s+|loads\s+of\s+|some\s+)?(?:\w+\s+)?{PILLS}"),
    _p("worked-out-how", SUICIDE, r"\b(?:worked\s+out|planned|figured\s+out|decided)\s+(?:exactly\s+)?(?:how|when|where)\s+"
                                  r"(?:i'?d|i\s+would|i'?ll|i\s+will|i'?m\s+going\s+to|to)\s+(?:do\s+it|end\s+it|kill\s+myself|go)\b"),

    # --- Immediate danger -----------------------------------------------------------------
    _p("in-danger", DANGER, r"\b(?:i'?m|i\s+am|we'?re|we\s+are|she'?s|he'?s|they'?re|my\s+\w+\s+is)\s+in\s+(?:real\s+|serious\s+|immediate\s+)?"
                            r"danger\b(?!\s+of)"),
    _p("help-he-will-kill", DANGER, r"\bhelp\b[^.?!]{0,20}\b(?:he|she|they)\s*(?:'ll|will|is\s+going\s+to|'s\s+going\s+to|gonna)\s+"
                                    r"kill\s+(?:me|us|my|the\s+kids)\b"),
    _p("never-see-alive", DANGER, r"\bnever\s+see\s+(?:them|him|her|me|the\s+kids|my\s+\w+)\s+alive\s+again\b"),
    _p("hit-by-vehicle", DANGER, r"\b(?:hit|knocked\s+(?:down|over)|run\s+over)\s+by\s+a\s+(?:car|van|bus|lorry|truck|motorbike|train)\b",
       check_past=True),
    _p("going-to-kill-me", DANGER, r"\b(?:is|'s|s|are|'re|re|am|was)\s+(?:going\s+to|gonna|about\s+to|trying\s+to|threatening\s+to)\s+"
                                   r"(?:kill|stab|shoot|hurt|attack|strangle|murder|rape|beat)\s+(?:me|us|her|him|them|my|the\s+(?:kids|children|baby))\b"
                                   r"(?!\s+(?:one\s+day|some\s?day|eventually|in\s+the\s+end))",
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
    _p("stabbed-shot", DANGER, r"\b(?:been|just\s+been|got|getting|being|is\s+being|'s\s+been|has\s+been|have\s+been)\s+"
                               r"(?:stabbed|shot|glassed)\b(?!\s+(?:of|down|at\s+by))", check_past=True),
    _p("being-attacked", DANGER, r"\b(?:being|getting|just\s+been)\s+(?:beaten|battered|attacked|strangled|raped|kicked\s+in|"
                                 r"beaten\s+up|jumped)\b", check_past=True),
    _p("beat-me-now", DANGER, r"\b(?:beat|beats|beating|hit|hits|hitting|hurt|hurting|attack|attacking|kick|kicking|punch|punching)\s+"
                              r"(?:me|us|her|him|my\s+\w+)\s+(?:now|right\s+now|at\s+the\s+moment)\b"),
    _p("throwing-things", DANGER, r"\b(?:is|'s|are|'re)\s+(?:drunk\s+and\s+|kicking\s+off\s+and\s+)?(?:throwing|smashing)\s+"
                                  r"(?:things|stuff|plates|bottles|glasses|furniture)\s+at\s+(?:me|us|her|him|the\s+kids|my)\b"),
    _p("getting-violent", DANGER, r"\b(?:is|'s|are|'re)\s+getting\s+(?:really\s+|very\s+)?violent\b|\b(?:i'?m|i\s+am|we'?re)\s+trapped\b"),
    _p("collapsed", DANGER, r"\b(?:he|she|they|mum|mam|dad|nan|gran|grandad|grandma|my\s+\w+|someone|somebody|a\s+man|a\s+woman|"
                            r"the\s+baby)\s*(?:'s|has|is|just|has\s+just)?\s*(?:just\s+)?(?:collapsed|unresponsive)\b"
                            r"|\b(?:isn'?t|is\s+not|not)\s+responding\s+(?:to\s+me|and|at\s+all)\b", negatable=False),
    _p("blood-everywhere", DANGER, r"\bblood\s+(?:everywhere|all\s+over|pouring|gushing|pissing)\b"),
    _p("child-grabbed", DANGER, r"\b(?:grabbed|snatched|dragged|bundled|abducted|kidnapped)\s+(?:a|my|the|our|this|that)\s+"
                                r"(?:kid|child|girl|boy|baby|son|daughter|toddler)\b"),
    _p("armed-group-here", DANGER, r"\b(?:outside|at\s+the\s+door|in\s+the\s+(?:street|garden|house|road|stairwell))\b[^.?!]{0,30}"
                                   r"\bwith\s+(?:a\s+)?(?:weapons?|knives|knife|machetes?|guns?|bats|blades?)\b"),
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


# Long words that carry crisis meaning, so a one-letter slip ("himslef", "breating",
# "suicdal") still matches. Short words are handled inside the patterns instead, because
# one-letter neighbours of short words are often other real words ("die"/"dye").
CRISIS_WORDS = frozenset(
    "myself himself herself themselves yourself suicide suicidal overdose overdosed tablets "
    "paracetamol breathing breathe stabbed bleeding unconscious anymore goodbye goodbyes collapsed "
    "strangling killing wrists hanging burden weapons someone somebody kitchen outside".split()
)
MIN_CORRECTED_LENGTH = 5


def _one_slip_apart(a: str, b: str) -> bool:
    """True if one deletion, insertion, substitution or swap of neighbours turns a into b."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                                   and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _correct_slips(text: str) -> str:
    def fix(match: re.Match) -> str:
        word = match.group(0)
        if len(word) < MIN_CORRECTED_LENGTH or word in CRISIS_WORDS:
            return word
        for candidate in CRISIS_WORDS:
            if candidate[0] == word[0] and _one_slip_apart(word, candidate):
                return candidate
        return word
    return re.sub(r"[a-z]+", fix, text)


def normalise(text: str) -> str:
    text = (text or "").lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"\bi\s?m\b", "i'm", text)
    text = re.sub(r"\bive\b", "i've", text)
    return _correct_slips(" ".join(text.split()))


def _negated(text: str, start: int) -> bool:
    """A negation among the three words before ("not going to hurt myself")."""
    words = re.findall(r"[a-z']+", text[:start])[-3:]
    return any(w in NEGATORS or w.endswith("n't") for w in words)


PAST_MARKERS = re.compile(r"\b(?:was|were|used\s+to|had\s+been|years\s+ago|last\s+(?:week|month|year)|as\s+a\s+(?:child|kid)|when\s+i\s+was)\b")


def _told_as_past(text: str, match: re.Match) -> bool:
    before = " ".join(re.findall(r"[a-z']+", text[:match.start()])[-3:])
    after = text[match.end():match.end() + 40]
    return bool(PAST_MARKERS.search(before) or PAST_MARKERS.search(after))


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
            elif pattern.check_past and _told_as_past(text, match):
                reason = "told as something in the past"
            if reason:
                set_aside.append({"pattern": pattern.id, "matched": match.group(0), "reason": reason})
                continue
            return CrisisCheck(CrisisFinding(pattern.intent, pattern.id, match.group(0)), set_aside)
    return CrisisCheck(None, set_aside)
