"""A second opinion on a crisis that only the model found.

People use alarming words every day without being in danger: "this queue is killing me",
"my phone is dead", "I could murder a cuppa", "knife skills class". When the reviewed
crisis phrases (crisis_language.py) find nothing and the model alone says crisis, this
module asks whether every alarming word in the message is accounted for, either by one of
the everyday uses below or by a crisis phrase the phrase checker saw and set aside
(negated, fiction or study, trivial exaggeration). Only then, and only if the model was not
sure, does the safety net ask "did you mean?" instead of escalating; that question still
offers the crisis route and says to call 999.

Pure Python (no Rasa) so it can be reviewed and tested on its own. It is deliberately
narrow:
- it never touches a crisis the phrases found;
- one alarming word left unexplained ("my phone's dead and he's outside the door") keeps
  the model's crisis;
- every everyday use is specific ("battery's dead", "dying for a cuppa"), never a bare
  word, and none of them is something a person in danger says about themselves.
Tune it only on the development set (benchmarks/dev/), never on the evaluation sets.
"""
import re
from dataclasses import dataclass
from typing import List, Optional

from bot.components.crisis_language import DANGER, SUICIDE, normalise

CRISIS_INTENTS = (DANGER, SUICIDE)

# Reasons the phrase checker gives for setting a phrase aside that also explain the
# model's alarm. "Told as past" and "a worry or an if" are left out on purpose: "I took
# an overdose last night" and "I'm scared he'll kill me" still need the crisis route.
EXPLAINING_SET_ASIDE_REASONS = frozenset({
    "negated",
    "fiction, study or campaign context",
    "everyday exaggeration about something trivial",
})

# Words that can carry danger, harm or despair. Over-inclusive on purpose: a word here
# that no everyday use explains keeps the crisis. ("help" is left out: almost every
# message asks for help.)
ALARMING = re.compile(
    r"\b(?:kill\w*|die|dies|died|dying|dead|deadly|death|deaths|murder\w*|knife|knives|stab\w*|shoot\w*|shot|shots|"
    r"gun\w*|bomb\w*|blow\w*|blew|explod\w*|overdos\w*|od'?d|cut|cuts|cutting|hang|hanging|hanged|hung|"
    r"bleed\w*|blood\w*|burn\w*|drown\w*|poison\w*|jump\w*|suicid\w*|attack\w*|chok\w*|strangl\w*|slit\w*|"
    r"gas|pills?|tablets?|hurt\w*|harm\w*|bruis\w*|scream\w*|fight\w*|hit|hits|hitting|beat|beats|beating|beaten|"
    r"punch\w*|kick\w*|slap\w*|threat\w*|weapon\w*|scared|terrified|frightened|afraid|petrified|emergency|"
    r"ambulance|police|999|end\s+(?:it|my|this|things)|alive|goodbye|bye\s+(?:everyone|all|world)|"
    r"breath\w*|unconscious|collaps\w*|injur\w*|wound\w*|rope|bridge|cliff|razor|blade\w*|lethal|fatal|"
    r"grave|funeral|abus\w*|assault\w*|rap(?:e|ed|ing)|bang\w*|outside|door|window|hiding|hide|locked|"
    r"trapped|worthless|hopeless|pointless|burden|disappear|can'?t\s+go\s+on|can'?t\s+cope|gone\s+too\s+far|"
    # Despair and a turn in time: "I never wanted to kill myself until now", "no point any more".
    r"no\s+point|give\s+up|giving\s+up|had\s+enough|can'?t\s+take|nothing\s+left|no\s+reason|no\s+way\s+out|empty|numb|"
    r"alone|lonely|anymore|any\s+more|until\s+now|but\s+now|tonight|ready|letters?|note)\b"
)

ANY_DEVICE = (r"(?:phone|mobile|battery|batteries|laptop|tablet|ipad|kindle|remote|torch|bulb|light\s?bulb|signal|wi-?fi|"
              r"internet|broadband|router|printer|tv|telly|engine|car|van|fridge|freezer|boiler|radiator|oven|"
              r"hoover|speaker|charger|smoke\s+alarm|doorbell|watch|screen|keyboard|mouse|app|website|line|link|"
              r"plant|plants|flowers|grass|lawn|hedge|tree|tomatoes|goldfish|pond\s+fish|wasp|spider|fly|mouse|"
              r"rat|slug|slugs|mice|rats|pigeon|dog|cat|hamster|rabbit|budgie|guinea\s+pig|tortoise|fish)(?:'s|s)?")
# Not arms or wrists: "my arms hurt" can follow self-harm.
BODY_ACHE = r"(?:feet|foot|back|knees?|legs?|head|neck|shoulders?|hips?|ears|eyes|teeth|tooth|stomach|belly|tummy|sinuses|joints)"
# Everyday things that people say are "killing" them or that they are "dying" of.
ORDINARY_ORDEAL = (r"(?:queue|queues|wait|waiting|heat|cold|weather|humidity|traffic|commute|journey|noise|suspense|"
                   r"boredom|hangover|job|work|workload|deadline|deadlines|exams?|revision|homework|tax\s+return|"
                   r"paperwork|forms?|diet|gym|workout|hill|stairs|shoes|heels|kids|school\s+run|bills?|prices|"
                   r"cost\s+of\s+living|rent|mortgage|overtime|shift|shifts|hold\s+music|(?:this|that)\s+song|"
                   r"pollen|hay\s?fever|cough|cold|flu|cramps?|period|teething|roadworks|builders|drilling|buses|trains)")
TREAT = (r"(?:cuppa|brew|tea|coffee|pint|drink|beer|glass\s+of\s+wine|pizza|kebab|curry|burger|takeaway|chippy|chips|"
         r"sandwich|biscuit|chocolate|cake|fag|holiday|nap|sleep|lie[\s-]in|bath|shower|wee|loo)")

EVERYDAY_USES = [
    # "my feet are killing me", "this queue is killing me", "the heat's killing me"
    ("ache or ordeal is killing", rf"\b(?:my\s+{BODY_ACHE}|(?:(?:the|this|that|these|those|my|our)\s+(?:\w+\s+)?)?{ORDINARY_ORDEAL})\s+"
                                  rf"(?:is|are|'s|'re|was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?killing\s+(?:me|us)\b"),
    ("killing me about an ordeal", rf"\bkilling\s+(?:me|us)\b[^.?!]{{0,25}}\b(?:{ORDINARY_ORDEAL})\b"),
    # "my phone's dead", "the battery died", "the car's dead again", "the goldfish died"
    ("device, plant or pet is dead", rf"\b(?:my|the|our|his|her|this|that)\s+(?:\w+\s+)?{ANY_DEVICE}\s+(?:is\s+|has\s+|'s\s+|was\s+|just\s+|went\s+|keeps\s+)?"
                                r"(?:gone\s+|going\s+|been\s+|completely\s+|totally\s+|literally\s+|now\s+|finally\s+)?(?:dead|died|dying)\b"),
    ("dead device", rf"\bdead\s+(?:{ANY_DEVICE}|end|zone|spot|heat|leaves|wood|heading|cert|certain|ringer|loss)\b"),
    # British "dead" as "very": "dead good", "dead tired", "dead easy"
    ("dead as very", r"\bdead\s+(?:good|nice|easy|hard|tired|busy|quiet|funny|serious|lucky|chuffed|happy|posh|"
                     r"expensive|cheap|friendly|handy|simple|proud|keen|on\s+time|right|sure|excited|boring)\b"),
    ("deadly as very", r"\bdeadly\s+(?:serious|boring|dull|accurate|quiet|earnest)\b"),
    # "I could murder a cuppa", "I'd kill for a pizza", "dying for a brew", "dying to see it"
    ("could kill for a treat", rf"\b(?:kill|murder)\s+(?:for\s+)?(?:a|an|some|the)\s+(?:\w+\s+)?{TREAT}\b"),
    ("dying for a treat", rf"\bdying\s+(?:for\s+(?:a|an|some|the)\s+(?:\w+\s+)?{TREAT}|to\s+(?:see|know|hear|try|meet|go|get|watch|read|tell|find\s+out)\b)"),
    ("died of embarrassment", r"\b(?:die|died|dying|nearly\s+died|could\s+have\s+died)\s+(?:of|from)\s+(?:embarrassment|shame|"
                              r"boredom|laughter|thirst|curiosity|envy|jealousy|cringe)\b|\b(?:died|dying|nearly\s+died)\s+laughing\b"),
    ("bored to death", r"\b(?:bored|sick|fed\s+up|tired|worried\s+sick)\s+to\s+death\b|\bsick\s+to\s+death\s+of\b"),
    # Killing time, weeds, pests and engines.
    ("kill time or pests", r"\bkill(?:s|ed|ing)?\s+(?:the\s+|some\s+|an?\s+|off\s+)?(?:time|hour|hours|afternoon|weeds?|"
                           r"slugs?|snails?|bugs?|germs|bacteria|mould|mold|moss|greenfly|aphids|ants|wasps?|fleas|"
                           r"nits|head\s+lice|the\s+engine|engine|lights|music|buzz|vibe|mood|conversation|joke|"
                           r"battery|app|process)\b"),
    ("kills in a game", r"\bkill\s?(?:streak|streaks|count|cam|feed|death\s+ratio)\b|\bkills\s+(?:on|in)\s+(?:fortnite|"
                        r"cod|call\s+of\s+duty|warzone|apex|minecraft|roblox|the\s+game|his\s+game|her\s+game|my\s+game)\b"),
    ("smells like something died", r"\bsmell\w*\s+(?:like|as\s+if)\s+something\s+(?:[a-z']+\s+){0,5}?died\b"),
    # "Shoot!" as a polite swear: at the start, then a comma or a stop.
    ("shoot as a swear", r"(?:^|\boh\s+)shoot\s*[,!.]"),
    ("weed or bug killer", r"\b(?:weed|bug|germ|moss|slug|pain|mood)\s?killers?\b"),
    ("killed it", r"\b(?:kill(?:ed|ing)|smash(?:ed|ing)|nail(?:ed|ing))\s+it\s+(?:on|at|in|tonight|today|last|this|with)\b|\byou\s+killed\s+it\b"),
    ("killer as great", r"\bkiller\s+(?:sudoku|heels|app|deal|view|views|tune|workout|queue|whale|instinct|bee|bees|line|look|outfit|recipe)\b"),
    ("murder mystery", r"\bmurder\s+(?:mystery|mysteries|mystery\s+night|she\s+wrote|podcast|documentary)\b"),
    ("it's murder", r"\b(?:it'?s|it\s+is|it\s+was|that\s+was)\s+(?:absolute\s+|bloody\s+|pure\s+)?murder\b"),
    ("murdered a song or a meal", r"\bmurder(?:ed|ing|s)?\s+(?:that|the|a|this|my)\s+(?:song|tune|karaoke|curry|kebab|pint|burger|pizza|recipe|language|french|spanish)\b"),
    # Kitchen knives and knife skills; a knife amnesty is a knife-crime question, not an attack.
    ("kitchen knife", r"\b(?:knife|knives)\s+(?:skills|sharpener|sharpening|block|set|drawer|rack|amnesty|amnesties|bin|bins|"
                      r"crime\s+(?:awareness|workshop|talk|project|campaign|figures|statistics|stats))\b|"
                      r"\b(?:bread|butter|kitchen|carving|steak|cheese|palette|pen|stanley|craft|chef'?s|pocket|fish|"
                      r"vegetable|paring|putty)\s+(?:knife|knives)\b"),
    ("have a stab at", r"\b(?:have|had|take|took|make|made)\s+a\s+stab\s+at\b"),
    # Photo shoots, jabs, tools and toys.
    ("shoot a photo", r"\b(?:photo|video|film|fashion|wedding|music\s+video)\s?shoots?\b|\bshoot(?:ing)?\s+(?:a|some|the|my|our)\s+"
                      r"(?:photos?|pictures?|video|videos|film|vlog|hoops|email|message|text|goal)\b|\bshoot\s+(?:me|us)\s+(?:an?\s+)?(?:email|message|text|line)\b"),
    ("jab or shot", r"\b(?:flu|covid|booster|tetanus|b12|vitamin|hepatitis|hep\s?[ab])\s+(?:shot|jab)s?\b|\b(?:screen|mug|long|big|best)\s?shots?\b|"
                    r"\bshot\s+of\s+(?:espresso|coffee|vodka|tequila|whisky|gin|rum|something)\b|\b(?:give\s+it|have)\s+a\s+(?:go|shot)\b"),
    ("tool or toy gun", r"\b(?:glue|nail|staple|water|nerf|heat|paint|grease|caulk|massage|spray|squirt|temperature)\s+guns?\b|"
                        r"\bjump(?:ed|ing)?\s+the\s+gun\b|\bbig\s+guns\b|\bstick(?:ing)?\s+to\s+(?:my|your|his|her)\s+guns\b"),
    ("bath bomb", r"\b(?:bath|seed|glitter|calorie|photo)\s?bombs?\b|\bphotobomb\w*\b|"
                  r"\b(?:cost|costs|costing|spent|spend)\s+a\s+bomb\b|\bthe\s+bomb\b|\bbomb(?:ed)?\s+(?:my|the|that|an?)\s+(?:exam|test|interview|audition)\b|"
                  r"\bbombing\s+(?:it|along|down\s+the\s+(?:road|motorway))\b"),
    ("blew up online", r"\b(?:blow(?:ing)?|blew|blown)\s+up\s+(?:the\s+|some\s+|my\s+)?(?:balloons?|lilo|paddling\s+pool|airbed|tyres?|"
                       r"photos?|pictures?|online|on\s+(?:social\s+media|twitter|tiktok|facebook)|my\s+phone)\b|"
                       r"\b(?:phone|inbox|notifications|group\s+chat)\s+(?:has\s+|'s\s+|is\s+|keeps\s+)?(?:been\s+)?(?:blown|blew|blowing)\s+up\b|"
                       r"\b(?:head|brain|inbox)\s+(?:is\s+going\s+to|'s\s+going\s+to|will|could|is\s+about\s+to)\s+explode\b|"
                       r"\bmind\s?(?:blowing|blown)\b"),
    # Overdoing treats; routine medicines.
    ("overdosed on a treat", rf"\boverdos(?:e|ed|ing)\s+on\s+(?:the\s+)?(?:{TREAT}|sugar|sweets|caffeine|carbs|christmas|tv|telly|netflix|"
                             r"box\s?sets?|cheese|mince\s+pies|sunshine|nostalgia|sport|football|gardening)\b"),
    # Hair, grass and budget cuts; cutting down.
    ("cut something ordinary", r"\b(?:hair|grass|lawn|hedge|price|prices|tax|power|budget|benefit|benefits|pay|funding|service|"
                               r"bus|staff|job|wage|spending)\s?cuts?\b|\bcut(?:ting)?\s+(?:the|my|our|his|her|a|some)\s+(?:\w+\s+)?(?:grass|lawn|hedge|hair|fringe|"
                               r"nails|toenails|wood|logs|paper|fabric|cake|crusts?|carpet|tiles?|onions?|vegetables|veg|bread|sandwich(?:es)?|costs|"
                               r"spending|bills?|down|back|corners|losses)\b|\bcut(?:ting)?\s+(?:down|back)\s+on\b|\bcut\s+off\s+"
                               r"(?:the\s+|my\s+)?(?:gas|electric|electricity|water|phone|internet|broadband|power)\b|\bshort\s?cut\b|"
                               r"\bcut\s+(?:it\s+)?(?:fine|short)\b|\bcut\s+(?:and|&)\s+(?:paste|dried)\b|\bpower\s+cut\b"),
    ("hang out", r"\bhang(?:ing)?\s+(?:out|on|up|around|about|in\s+there|over|the\s+washing|the\s+laundry|(?:a|the|some|my)\s+"
                 r"(?:pictures?|photos?|curtains?|blinds?|shelf|shelves|mirror|washing|coats?|clothes|bunting|lights|decorations|wallpaper|baskets?|door))\b|"
                 r"\bget(?:ting)?\s+the\s+hang\s+of\b|\bhung\s+(?:up|out|over)\b|\bhangover\b"),
    # Burning calories and toast; drowning in paperwork.
    ("burnt dinner", r"\bburn(?:t|ed|ing|s)?\s+(?:the\s+|my\s+|some\s+|off\s+)?(?:toast|dinner|tea|rice|pan|pizza|cake|bacon|chips|"
                     r"calories|fat|rubbish|leaves|garden\s+waste|candles?|wood|logs|cd|dvd|bridges|midnight\s+oil|the\s+candle)\b|"
                     r"\b(?:sun|heart|razor|carpet|rope|freezer)\s?burn\b|\bburn\s?out\b|\bburnt\s+out\b|\bburned\s+out\b"),
    ("drowning in things", r"\bdrowning\s+in\s+(?:paperwork|work|emails?|washing|laundry|homework|marking|admin|forms|post|"
                           r"letters|toys|clutter|rain|debt|bills)\b|\bdrowned\s+(?:rat|out)\b"),
    ("jump leads", r"\bjump(?:ed|ing)?\s+(?:start|leads|the\s+queue|on\s+(?:a|the)\s+(?:call|bus|train|bandwagon|trampoline)|"
                   r"in\s+the\s+(?:pool|sea|lake|river\s+for\s+a\s+swim)|at\s+the\s+chance|through\s+hoops|to\s+conclusions|ship|"
                   r"for\s+joy|on\s+(?:it|board))\b|\bjump(?:er|ers|suit|suits|\s+rope|\s+scare)\b|\bhigh\s+jump|long\s+jump"),
    ("ache hurts", rf"\b(?:my|his|her|their|our)\s+{BODY_ACHE}\s+(?:hurts?|is\s+hurting|are\s+hurting|aches?|is\s+aching|are\s+aching)\b"),
    ("poisoning from food", r"\bfood\s+poisoning\b|\bpoison(?:ous)?\s+(?:ivy|dart\s+frog|mushrooms?\s+in\s+(?:the|my)\s+(?:garden|lawn))\b"),
    ("bleed radiators", r"\bbleed(?:ing)?\s+(?:the\s+|my\s+|a\s+)?(?:radiators?|rads|brakes|boiler|system)\b|\bbleeding\s+(?:hell|heck|annoying|"
                        r"ridiculous|cold|freezing|useless|joke|nuisance|council|thing|noise|racket|typical)\b|\bbleed(?:ing)?\s+(?:me|us)\s+dry\b"),
    ("fight off a cold", r"\bfight(?:ing)?\s+(?:off\s+)?(?:a|the|this|my)\s+(?:cold|flu|bug|virus|infection|fine|parking\s+ticket|ticket|"
                         r"appeal|decision|council|planning|case|claim|corner)\b|\b(?:pillow|food|snowball|water|play|"
                         r"fist\s+bump)\s?fights?\b|\bfight\s+club\b"),
    ("attack in sport or chores", r"\b(?:attack\s+on\s+titan|attacking\s+(?:midfielder|player|football|play)|hay\s?fever\s+attack|"
                                       r"sneezing\s+attack|attack\s+(?:the|my)\s+(?:weeds|garden|ironing|washing|housework|pile))\b"),
    ("gas appliances", r"\bgas\s+(?:bill|bills|meter|safety\s+(?:check|certificate|cert)|engineer|hob|cooker|boiler|fire|"
                       r"supply|mark|account|prices?|tariff|card|key|top[\s-]?up|central\s+heating|station|bottle\s+for\s+(?:the|our)\s+bbq)\b|"
                       r"\b(?:british|the)\s+gas\b|\bgas\s+and\s+electric\w*\b|\bout\s+of\s+gas\b"),
    ("scream or bang as exasperation", r"\b(?:could|want\s+to|wanna|going\s+to|gonna)\s+scream\b|\bscream(?:ing)?\s+(?:kids|baby|toddler|foxes)\b|"
                                       r"\bbang(?:ing)?\s+(?:my|our)\s+head\s+(?:against|on)\s+(?:a|the)\s+(?:brick\s+)?wall\b|"
                                       r"\bbanging\s+(?:tune|tunes|music|bass|headache)\b|\b(?:big|with\s+a)\s+bang\b"),
    ("end a contract", r"\bend\s+(?:it|things)\s+with\s+(?:him|her|them|my\s+(?:boyfriend|girlfriend|partner|ex))\b|"
                       r"\bend\s+(?:my|the|our|this)\s+(?:contract|tenancy|lease|subscription|membership|call|phone\s+call|"
                       r"chat|conversation|shift|day|week|holiday|season|term|agreement|direct\s+debit|policy)\b"),
    ("door and window jobs", r"\b(?:front|back|garage|shed|cupboard|fridge|oven|car|patio|kitchen|fire)\s+door\s+(?:is|has|won'?t|keeps|needs|handle|"
                             r"lock|hinge|bell)\b|\b(?:window|door)\s+(?:cleaner|frame|handle|lock|repair|fitter|hinge|seal)s?\b|"
                             r"\b(?:locked|shut)\s+(?:myself\s+)?out\s+of\s+(?:the|my)\s+(?:house|flat|car|account|phone|email)\b"),
]
EVERYDAY = [(name, re.compile(regex)) for name, regex in EVERYDAY_USES]


@dataclass(frozen=True)
class Explanation:
    """Why a model-only crisis looks like everyday language: what accounted for each
    alarming word."""
    accounted_for: List[dict]

    def as_dict(self) -> dict:
        return {"accounted_for": self.accounted_for}


def explain_away(text: str, set_aside: Optional[List[dict]] = None) -> Optional[Explanation]:
    """If every alarming word in the message is part of an everyday use, or of a crisis
    phrase the phrase checker set aside for an explaining reason, say what accounted for
    them. Otherwise (or if there was nothing alarming to explain) None: keep the crisis."""
    normalised = normalise(text)
    accounted: List[dict] = []
    spans = []
    for name, regex in EVERYDAY:
        for match in regex.finditer(normalised):
            spans.append((match.start(), match.end()))
            accounted.append({"everyday_use": name, "matched": match.group(0)})
    for record in set_aside or []:
        if record.get("reason") not in EXPLAINING_SET_ASIDE_REASONS:
            continue
        start = normalised.find(record.get("matched") or "\0")
        if start >= 0:
            spans.append((start, start + len(record["matched"])))
            accounted.append({"set_aside_phrase": record["pattern"], "matched": record["matched"],
                              "reason": record["reason"]})
    if not accounted:
        return None
    remainder = list(normalised)
    for start, end in spans:
        remainder[start:end] = " " * (end - start)
    if ALARMING.search("".join(remainder)):
        return None
    return Explanation(accounted)


def doubt_model_only_crisis(text: str, set_aside: Optional[List[dict]], model_confidence: float,
                            crisis_probability: Optional[float], ceiling: float,
                            crisis_or_not_below: float) -> Optional[dict]:
    """Why a crisis that only the model found should become "did you mean?", or None to
    escalate it. Two independent reasons, either enough:
    - the separate crisis-or-not check (crisis_or_not.py) puts it below `crisis_or_not_below`;
    - the model was unsure (below `ceiling`) and every alarming word is an everyday use.
    A check that did not run (None) is no reason to doubt."""
    if crisis_probability is not None and crisis_probability < crisis_or_not_below:
        return {"crisis_or_not": {"crisis_probability": crisis_probability, "below": crisis_or_not_below}}
    if model_confidence < ceiling:
        explanation = explain_away(text, set_aside)
        if explanation:
            return explanation.as_dict()
    return None


def doubt_model_non_crisis(crisis_probability: Optional[float], crisis_or_not_at_least: float) -> Optional[dict]:
    """The other way round: why a message the model did not take for a crisis should still
    offer the crisis first ("did you mean?", with 999 in the question), or None. The one
    reason is that the separate crisis-or-not check is fairly sure it is a crisis. Asking
    rather than escalating keeps a harmless message that alarms only the check from getting
    a crisis reply. A check that did not run (None) is no reason; 0 turns it off."""
    if crisis_or_not_at_least and crisis_probability is not None and crisis_probability >= crisis_or_not_at_least:
        return {"crisis_or_not": {"crisis_probability": crisis_probability, "at_least": crisis_or_not_at_least}}
    return None
