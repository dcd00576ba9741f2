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

Patterns are tried in order and the first that counts wins, so order decides the intent
when both could apply: a small child swallowing poison, or a threat to kill someone and
then themselves, come first so they get the danger route. Phrases that are ordinary on
their own ("I can't do this any more", "he's on his way over") count only together with a
second sign in the same message (a farewell; fear or a threat), and phrases that are only
a crisis when they stand alone ("I'm going to end it.") say so with CLAUSE_END or
STANDS_ALONE. What was deliberately left to the model, and why, is noted after PATTERNS.
"""
import re
from dataclasses import dataclass, field
from typing import List, Optional

from bot.components.slips import one_slip_apart

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
    r"charity walk|squad|news|newspaper|article|headlines?)\b"
)
# Trivial things people say "X will kill me" about.
TRIVIAL_TRIGGER = re.compile(
    r"\b(bill|bills|grades?|results?|report card|mess|scratch|dent|late|forgot|forget|forgetting|"
    r"phone bill|credit card|parking|permit|ticket|broke|broken|spilt|spilled|lost|lose|losing|"
    r"wedding|birthday|present|surprise|score|homework|exam|diet|the car|new car|tattoo|haircut|"
    r"hair|shopping|spent|spending|bought|price|prices|cost|burnt|burned the|scratched|dented|form|forms|"
    r"website|queue|paperwork|energy)\b"
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


# (not "itself": an app "keeps killing itself", a baby "could hurt itself")
SELF = r"(?:my|him|her|them|your|our|me|one)\s?(?:self|selves|selfs|sefl|slef)"
PILLS = (r"(?:pills|tablets|tabs|capsules|par[ae]c[ei]t[ao]?m[oa]l|meds|medication|medicine|co-?codamol|ibuprofen|"
         r"sleeping|anti[\s-]?depressants|insulin|codeine|tramadol|morphine|painkillers|diazepam|valium|xanax|"
         r"sertraline|citalopram|fluoxetine|mirtazapine|amitriptyline|propranolol|pregabalin|gabapentin|"
         r"zopiclone|quetiapine|olanzapine|lithium|methadone|oxycodone|aspirin|nurofen|naproxen)")
# A swallowed amount that is an overdose rather than a dose: every/all/a load/a box, or a
# count of eight or more ("took 2 paracetamol for my headache" is a dose, not a crisis).
AMOUNT = (r"(?:(?:like|about|around|over|maybe|nearly|almost|at\s+least|more\s+than|roughly)\s+)?"
          r"(?:all|the\s+lot|a\s+(?:load|lot|bunch|handful|bottle|box|pack|packet|strip|month'?s?|week'?s?|few\s+packets)|"
          r"loads|lots|too\s+many|(?:a|the|an)\s+(?:whole|entire|full)\s+(?:box|bottle|pack|packet|strip|load|tub|blister)|every|"
          # a count, but not a dose in units ("injected 10 units", "took 10mg")
          r"(?:[89]|[1-9]\d{1,2})\b(?!\s*(?:units?|mg|ml|mcg|micrograms?|milligrams?|mls?)\b)|"
          r"eight|nine|ten|eleven|twelve|fifteen|sixteen|twenty|thirty|forty|fifty|sixty|a\s+hundred|"
          r"a\s+dozen|dozens|half\s+(?:a|the)\s+(?:box|bottle|pack|packet)|"
          r"(?:two|three|four|five|several|few|couple\s+of|both|[2-9])\s+(?:boxes|packets|packs|bottles|strips|blister\s+packs|tubs))")
# Taking medicine as prescribed, or taking old medicine back to be disposed of.
ROUTINE_DOSE = (r"(?![^.?!]{0,40}\b(?:a\s+day|per\s+day|each\s+day|every\s+(?:day|morning|night|evening)|daily|twice|"
                r"three\s+times|as\s+prescribed|for\s+(?:the\s+day|today)|for\s+this\s+(?:morning|evening)|"
                r"like\s+(?:the|my)\s+(?:doctor|gp|pharmacist|nurse)|on\s+time|"
                r"with\s+(?:my\s+)?(?:breakfast|food|meals?)|to\s+(?:the\s+)?(?:pharmacy|chemist|tip)|back\s+to|"
                r"for\s+disposal|to\s+dispose|to\s+get\s+rid)\b)")
# ("a drink" is left out: "washed my tablets down with a drink" is how tablets are taken.)
ALCOHOL = r"(?:alcohol|vodka|wine|whisky|whiskey|gin|rum|beer|cider|booze|brandy|lager|spirits)"
# Household poisons people drink to end their life.
POISONS = (r"(?:bleach|anti[\s-]?freeze|weed\s?killer|rat\s+poison|poison(?!\s+ivy)|drain\s+cleaner|oven\s+cleaner|"
           r"toilet\s+cleaner|white\s+spirit|turps|paraquat|screen\s?wash|methanol|pesticide|slug\s+pellets)")
# A baby or small child: for them, swallowing anything harmful is an emergency (999/111),
# not a suicide attempt, so the danger route comes first.
SMALL_CHILD = (r"(?:baby|babies|toddler|infant|little\s+one|little\s+(?:boy|girl|lad|un)|(?:small|young)\s+(?:child|boy|girl|kid)|my\s+(?:child|kid)|"
               r"(?:[1-5]|one|two|three|four|five)[\s-]+(?:year|yr)[\s-]+old|\d+[\s-]+months?[\s-]+old)")
# Who can be found collapsed, choking or not moving. People only: "my plant's gone floppy".
PERSON = (r"(?:he|she|they|someone|somebody|the\s+baby|baby|mum|mam|dad|nan|gran|grandad|grandma|"
          r"my\s+(?:baby|son|daughter|child|kid|toddler|boy|girl|mum|mam|mom|mother|dad|father|nan|nana|gran|granny|grandma|"
          r"grandad|grandpa|husband|wife|partner|boyfriend|girlfriend|brother|sister|friend|mate|neighbour|flatmate|"
          r"uncle|aunt|auntie|cousin|housemate|colleague|carer|client|patient|little\s+\w+)|"
          r"a\s+(?:man|woman|child|boy|girl|person|lady|guy|bloke)|"
          r"an?\s+(?:old|older|elderly|young|little)\s+(?:man|woman|lady|person|boy|girl|gentleman|guy|bloke|child)|"
          r"the\s+(?:man|woman|lady|guy|bloke|old\s+(?:man|lady))\s+(?:next\s+door|upstairs|downstairs|outside))")
# People a violent person is attacking (not "the hail is hitting my windows").
VICTIM = (r"(?:me|her|him|them|us|the\s+(?:kids|children|baby)|someone|somebody|"
          r"a\s+(?:woman|man|child|kid|girl|boy|baby|lady|teenager|old\s+(?:man|lady))|(?:his|her|their)\s+(?:wife|husband|partner|girlfriend|boyfriend|kids?|"
          r"children|son|daughter|baby|mum|mother|dad)|my\s+(?:mum|mam|mom|mother|dad|father|son|daughter|"
          r"child|children|kids?|baby|toddler|boy|girl|brother|sister|wife|husband|partner|boyfriend|girlfriend|nan|"
          r"gran|grandma|grandad|friend|mate|neighbour|dog|cat))")
# Whoever may come for someone: an ex, a partner, a family member.
ABUSER = (r"(?:he|she|they|my\s+(?:ex|ex-?partner|ex-?husband|ex-?wife|husband|partner|boyfriend|girlfriend|wife|"
          r"dad|stepdad|step\s+dad|father|brother|son)|ex)")
# Things that turn "he's on his way" into a threat.
FEAR = (r"(?:scared|terrified|frightened|petrified|afraid|kill|hurt|knife|weapon|gun|hiding|threaten\w*|"
        r"won'?t\s+(?:leave|go\s+away)|banging|hammering|injunction|restraining\s+order|non-?molestation|bail|"
        r"not\s+allowed|breach\w*)")
# Saying goodbye: with a despairing line it reads as a last message.
FAREWELL = (r"(?:goodbye|good\s+bye|bye\s+(?:everyone|all|world|everybody)|sorry\s+for\s+everything|love\s+you\s+all|"
            r"forgive\s+me|(?:look\s+after|take\s+care\s+of)\s+(?:my|the)\s+(?:kids|children|babies|family|boys|girls|dog|cat)|"
            r"see\s+you\s+(?:on\s+the\s+other\s+side|in\s+(?:the\s+)?next\s+life|in\s+heaven)|"
            r"it'?s\s+time\s+(?:for\s+me\s+)?to\s+go|want\s+it\s+(?:all\s+)?to\s+(?:end|be\s+over)|"
            r"tell\s+(?:my|the)\s+\w+\s+(?:that\s+)?i\s+love)")
# "I can't do this any more": on its own it is distress (the model's job; residents say it
# about damp and noise too), with a farewell it is a last message.
DESPAIR = (r"(?:(?:can'?t|cannot|cant)\s+(?:do|take|handle|cope\s+with|face|bear|live\s+like)\s+(?:this|it|life|any\s+of\s+this)"
           r"(?:\s+any\s?(?:more|longer))?|(?:can'?t|cannot|cant)\s+(?:go\s+on|carry\s+on|keep\s+going|cope)(?:\s+any\s?more)?"
           r")")
# The end of a clause: what comes after a phrase that is only a crisis when it stands alone
# ("I'm going to end it." but not "I'm going to end it with him").
CLAUSE_END = r"(?=\s*(?:[.,!?;:]|$|and\b|so\b|but\b|i\b|i'm\b|now\b|tonight\b|goodbye|sorry|without\b))"
# Stricter: the phrase is the whole thought ("I'm going to end it." / "...end it, I can't go on"),
# not the start of a sentence about a relationship or a dispute ("end it, he cheated").
STANDS_ALONE = (r"(?=\s*(?:[.!?]+\s*$|$|[.!?]\s|,?\s*(?:goodbye|sorry|i\s+(?:can'?t|cannot|cant)|i'?m\s+(?:done|sorry|tired)|"
                r"i'?ve\s+had\s+enough|there'?s\s+no\s+point|nobody|no\s?one|everyone|i\s+love)))")
# Saying you intend to do something.
INTEND = (r"(?:want|wants|wanna|wna|wnt|going|gonna|gna|about|ready|planning|plan|tempted|need|decided|thinking\s+(?:of|about)|"
          r"thought\s+about|trying|tried)")

PATTERNS: List[Pattern] = [
    # --- Checked first: a small child in danger ---------------------------------------------
    # A toddler who has swallowed bleach or a button battery needs 999 or 111 now; checked
    # before the overdose and poison phrases so the reply is the emergency route, not Samaritans.
    # Someone else's tablets only: "my toddler took his medicine" is a dose.
    _p("small-child-swallowed", DANGER, rf"\b{SMALL_CHILD}\b[^.?!]{{0,40}}\b(?:swallowed|drank|drunk|eaten|ate|has\s+taken|took|"
                                        rf"got\s+into|chewed|bitten\s+into)\b[^.?!]{{0,25}}\b(?:{POISONS}|"
                                        r"(?:some|a|an|one|two|three|\d+|all|the|my|your|(?:mum|dad|nan|gran|grandma|grandad)'?s)\s+"
                                        rf"(?:of\s+(?:my|the|(?:mum|dad|nan|gran)'?s)\s+)?(?:\w+\s+)?{PILLS}|"
                                        rf"(?:button\s+)?batter(?:y|ies)|magnets?|(?:washing|laundry|dishwasher)\s+(?:pods?|tablets?|capsules?|liquid)|"
                                        rf"e-?liquid|vape\s+(?:liquid|juice)|cleaning\s+(?:stuff|products?|fluid))"),
    # A threat to kill someone and then themselves: the person writing is in danger now.
    _p("murder-suicide-threat", DANGER, r"\bkill(?:ing)?\s+(?:him|her|them)sel(?:f|ves)\s+and\s+(?:me|us|the\s+(?:kids|children|baby)|my\s+\w+)\b"
                                        r"|\bkill(?:ing)?\s+(?:me|us|the\s+(?:kids|children|baby))\s+(?:and|then)\s+(?:then\s+)?(?:him|her|them)sel(?:f|ves)\b"),
    _p("swallowed-battery", DANGER, r"\b(?:swallowed|swallowing|eaten|ate)\s+(?:a|some|two|the|my|his|her)?\s*(?:button\s+|small\s+|watch\s+)?"
                                    r"(?:batter(?:y|ies)|magnets?|(?:washing|laundry|dishwasher)\s+(?:pods?|tablets?|capsules?))\b"),

    # --- Suicide and self-harm ----------------------------------------------------------
    # ("social suicide", "going out in this heat would be suicide": an idiom for a bad idea)
    _p("suicide-word", SUICIDE, r"(?<!social\s)(?<!career\s)(?<!political\s)(?<!fashion\s)(?<!commercial\s)"
                               r"(?!(?:(?<=would\sbe\s)|(?<='d\sbe\s))suicide\b)"  # but "I'd be suicidal" counts
                               r"\b(?:su+i?[cs]+[iy]?d(?:e|al|le|ial|el|l)\w*|suicde\w*|sucide\w*|suiside\w*)"
                               # a terrorist's, a car's "suicide doors", a study's "suicide rates"
                               r"(?!\s+(?:bomb\w*|attack\w*|vest|doors?|squeeze|rates?|statistics|figures)\b)"),
    _p("suicide-slang", SUICIDE, r"\b(?:kms|kys|unalive\w*|sewer ?slide)\b"),
    _p("kill-self", SUICIDE, rf"\b(?:kil+|klil|kll|kiil|killing|killed|end|ending|finish|finishing)\s+{SELF}\b(?!\s+(?:laughing|with\s+laughter|"
                             r"on\s+(?:the|that|those|a|an|some)\s+(?:ice|icy|stairs|steps?|pavement|kerb|curb|bike|ladder|wet)|falling|tripping|slipping)\b)"),
    _p("kill-meself", SUICIDE, r"\bkill+\s+meself\b"),
    # UK and text-speak verbs for suicide: "top myself", "off myself", "neck myself", "do
    # myself in", "delete myself". Those that are also ordinary verbs need a stated intent
    # ("take the pressure off myself", "topped myself up", "delete myself from the list").
    _p("kill-self-slang", SUICIDE, rf"\b(?:top|topping|topped|tops|offing|offed)\s+{SELF}\b(?!\s+up)"
                                   rf"|\b(?:to|2|gonna|gna|wanna|will|'ll|might|should|could|just|going\s+to)\s+(?:off|neck|delete|rope)\s+{SELF}\b"
                                   rf"(?!\s+(?:from|off|up|out))"
                                   rf"|\b(?:gonna|gna|going\s+to|wanna|want\s+to|'ll|will|might|could|about\s+to|thinking\s+(?:of|about))\s+"
                                   rf"(?:do|doing)\s+{SELF}\s+in\b"),
    # Non-native phrasing: "I want to kill me", "I will finish me".
    _p("kill-me-first-person", SUICIDE, r"\bi\s+(?:want|wanna|wna|will|'ll|am\s+going|'m\s+going|go|need|think|wish)\s+(?:to\s+|2\s+)?"
                                        r"(?:kill|end|finish)\s+me\b|\bmy\s+life\s+i\s+(?:want|wanna|will)\s+(?:to\s+)?(?:finish|end|stop)\b"),
    _p("end-life", SUICIDE, r"\b(?:end|ending|take|taking|tae|took|finish|finishing)\s+(?:my|his|her|their|your)\s+(?:own\s+)?(?:li(?:fe|ves)|lfie|lief|lyfe)\b"
                            r"(?!\s+(?:back|in\s+a|in\s+(?:a\s+)?new|into|forward|to\s+the\s+next|in\s+hand|seriously|more|story|insurance|savings))"
                            r"|\b(?:put\s+)?an?\s+end\s+to\s+(?:my|his|her|their)\s+(?:own\s+)?li(?:fe|ves)\b"),
    _p("end-it-all", SUICIDE, r"\bend(?:ing)?\s+it\s+all\b"
                              # non-native "I want to end all"
                              r"|\b(?:want|wanna|going|gonna)\s+(?:to\s+)?end\s+all\b(?=\s*(?:[.,!?]|$|tonight|now|today))"),
    # "end things", "end everything", "put an end to it all": the everyday senses come with an
    # object ("ending things with him", "put an end to the fly tipping").
    _p("end-things", SUICIDE, r"\b(?:end|ending)\s+(?:everything|things|my\s+existence)\b"
                              r"(?!\s+(?:with|between|off|on|for|at|in|up|there|here|early|properly|nicely))"
                              r"|\bput(?:ting)?\s+an?\s+end\s+to\s+(?:it\s+all|everything|myself|things|my\s+(?:existence|suffering))\b"
                              r"(?!\s+(?:with|between|at|in|on|for))"),
    # "I'm going to end it" standing alone; "end it with him" is a relationship.
    _p("end-it-intent", SUICIDE, r"\b(?:going\s+to|gonna|gna|want\s+to|wanna|wna|about\s+to|ready\s+to|decided\s+to|need\s+to|i'?ll|"
                                 r"i\s+will|thinking\s+(?:of|about)|plan(?:ning)?\s+to|just\s+want\s+to|tempted\s+to|feel(?:ing)?\s+like|"
                                 r"(?:tonight|today)\s+i(?:'ll|\s+will|'m\s+going\s+to)?)\s+(?:just\s+)?"
                                 r"(?:end(?:ing)?|put(?:ting)?\s+an?\s+end\s+to)\s+it(?:\s+(?:now|tonight|today|tomorrow|soon|this\s+(?:weekend|week|time)|for\s+good|"
                                 r"once\s+and\s+for\s+all|here))?" + STANDS_ALONE),
    # An intent said as a whole message: "this time I'm really going to do it." / "took the lot"
    _p("do-it-this-time", SUICIDE, r"\bthis\s+time\s+(?:i'?m|im|i\s+am|i'?ll|i\s+will)\s+(?:actually\s+|really\s+|definitely\s+|finally\s+)?"
                                   r"(?:going\s+to\s+|gonna\s+)?do(?:ing)?\s+it" + STANDS_ALONE +
                                   r"|^(?:i\s+(?:just\s+|'ve\s+|have\s+)?|i'?ve\s+(?:just\s+)?)?(?:took|taken|swallowed|necked)\s+"
                                   r"(?:them\s+all|the\s+lot|all\s+of\s+them)" + STANDS_ALONE),
    _p("end-the-pain", SUICIDE, r"\b(?:end|stop|finish)\s+(?:the|my|this|all\s+(?:the|this|my))\s+(?:pain|suffering|misery|torment|agony|hurt)\s+"
                                r"(?:for\s+good|forever|for\s+ever|permanently|once\s+and\s+for\s+all)\b"
                                r"|\bend\s+(?:my|his|her)\s+(?:own\s+)?(?:suffering|torment)\b(?!\s+(?:with|at\s+the\s+hands))"),
    _p("want-to-die", SUICIDE, r"\b(?:want|wants|wnat|wnats|wamt|wanted|wanna|wna|wan|wnt|wana|wish|wishes|wishing|ready|need)\s+"
                               r"(?:to\s+|2\s+)?(?:die|be\s+dead|be\s+ded|just\s+die|d1e)\b"
                               r"|\b(?:want|wants|wanna|wna|wish)\s+(?:to|2)\s+(?:be\s+)?dead\b"
                               # "going to die" only said of a person: "my phone's about to die" is not.
                               r"|\b(?:i'?m|i\s+am|he'?s|she'?s|they'?re|we'?re|he\s+is|she\s+is|i)\s+(?:going|gonna|gna|about)\s+"
                               r"(?:to\s+)?(?:die|just\s+die)\b(?!\s+(?:of|from|laughing|in\s+this\s+(?:heat|queue)|if\s+i\s+(?:have\s+to|don'?t\s+get|hear|see))\b)"),
    _p("wish-dead", SUICIDE, r"\bw[iu]sh(?:es|ed)?\s+(?:i|he|she|they)\s+(?:(?:was|were)\s+(?:dead|ded|never\s+born)|(?:wasn'?t|weren'?t)\s+"
                             r"(?:alive|here|born|around))\b"
                             r"|\bw[iu]sh(?:es|ed)?\s+(?:i|he|she|they)\s*(?:'d|had|would\s+have)\s+never\s+been\s+born\b"
                             r"|\bw[iu]sh(?:es|ed)?\s+(?:i|he|she)\s+(?:didn'?t|did\s+not|don'?t)\s+exist\b"
                             r"|\bw[iu]sh(?:es|ed)?\s+(?:i|he|she)\s+(?:could|would|'d)\s+(?:just\s+)?(?:die|not\s+wake\s+up|stop\s+existing|"
                             r"cease\s+to\s+exist|disappear\s+forever|go\s+to\s+sleep\s+forever)\b(?!\s+(?:of|from|laughing))"
                             r"|\b(?:hope|hoping|pray|praying)\s+(?:that\s+)?i\s+(?:just\s+)?die\b(?!\s+(?:of|from|laughing|my|it|the))"),
    # "I don't want to live": but "I don't want to live here/with my parents" is about a home.
    _p("not-want-to-live", SUICIDE, r"(?:\b(?:don'?t|dnt|do\s+not|doesn'?t|no\s+longer|dont|no)\s+(?:really\s+|even\s+)?(?:want|wanna|wana|wna|wnt)\s+"
                                    r"(?:to\s+|2\s+)?|\b(?:can'?t|cannot|cant)\s+be\s+bothered\s+(?:to|2)\s+)"
                                    r"(?:live|be\s+alive|exist|wake\s+up|go\s+on|carry\s+on|be\s+here\s+(?:any\s?more|no\s?more|any\s+longer))\b"
                                    r"(?!\s+(?:here|there|near|next|on|at|round|around|somewhere|anywhere|where|together|alone|abroad|"
                                    r"nearby|close|opposite|above|below|by|under|over|in\s+(?!this\s+world|a\s+world)|"
                                    r"with\s+(?!this\s+pain|the\s+pain)))",
       negatable=False),
    _p("unsure-to-live", SUICIDE, r"\b(?:not\s+sure\s+(?:if\s+|that\s+)?i\s+(?:want|wanna)\s+to|don'?t\s+know\s+if\s+i\s+(?:want|can)\s+(?:to\s+)?)"
                                  r"\s*(?:live|go\s+on|be\s+here|carry\s+on|be\s+alive|keep\s+going)\b"
                                  # where to live, or whether to go on a trip, is not this
                                  r"(?!\s+(?:here|there|in|near|next|on|with|at|round|around|abroad|alone|together|by|the|a|an|holiday|"
                                  r"this|that|my)\b)", negatable=False),
    # "No point in going on" (but "no point in going on the website", "no point living in hope").
    _p("no-point-living", SUICIDE, r"\bno\s+(?:point|reason|purpose)\s+(?:in\s+|to\s+|of\s+)?(?:(?:living|live|life|being\s+alive|staying\s+alive|"
                                   r"stay\s+alive|be\s+alive|being\s+here|existing)\b(?!\s+(?:in|here|there|with|near|next|on|at|round)\b)"
                                   r"|(?:going|carrying|go|carry)\s+on(?:\s+living|\s+any\s?more)?"
                                   r"(?=\s*(?:[.,!?;:]|$|and\b|so\b|but\b|i\b|without\b|like\s+this)))"
                                   r"|\b(?:nothing|no\s?one|nobody|no-one|nothing\s+left|not\s+(?:got|have)\s+anything|"
                                   r"(?:don'?t|do\s+not)\s+have\s+anything|haven'?t\s+got\s+anything|no\s+reason)\s+(?:left\s+)?(?:for\s+(?:me|him|her)\s+)?"
                                   r"to\s+live\s+for\b",
       negatable=False),
    _p("not-worth-living", SUICIDE, r"\b(?:not|isn'?t|no\s+longer|ain'?t)\s+worth\s+living\b"
                                    r"|\blife\s*(?:'s|is)\s+(?:not|no\s+longer)\s+worth\s+it\b"
                                    r"|\bmy\s+life\s+(?:is|feels|seems)\s+(?:so\s+|completely\s+|totally\s+)?(?:pointless|meaningless|worthless)\b",
       negatable=False),
    # Weary of life itself ("tired of living", "done with life"), not of a place or a wait
    # ("sick of living in this dump", "I'm done living in fear").
    _p("weary-of-life", SUICIDE, r"\b(?:tired|sick|exhausted|weary|fed\s+up|had\s+enough)\s+(?:of|with)\s+(?:living|being\s+alive|existing|"
                                 r"life|waking\s+up|breathing|this\s+life|my\s+life)\b"
                                 r"(?=\s*(?:[.,!?;:]|$|and\b|so\b|but\b|any\s?more|i\b|i'm\b|now\b|tbh|honestly|to\s+be\s+honest|every\s+day))"
                                 r"|\b(?:i'?m|i\s+am)\s+(?:so\s+|just\s+|really\s+|completely\s+|honestly\s+)?done\s+(?:with\s+)?(?:life|living|"
                                 r"being\s+alive|existing|this\s+life|this\s+world)\b"
                                 r"(?!\s+(?:in|on|at|here|with|round|around|as\s+a|like|without|for))"),
    # Hopelessness about their own future or life. Needs "I/he/she" as the one who can't see
    # it, and a qualifier or the end of the clause: "I can't see a future for the high street"
    # and "I can't see the point of the new bin rules" are complaints.
    _p("no-future", SUICIDE, r"(?:\b(?:i|he|she|they|my\s+\w+)\s+|^(?:honestly\s+|just\s+|really\s+|tbh\s+)?)"
                             r"(?:just\s+|really\s+|honestly\s+|genuinely\s+)?(?:can'?t|cannot|cant|don'?t|dont|do\s+not|doesn'?t|no\s+longer)\s+"
                             r"see\s+(?:(?:a|any)\s+future(?:\s+for\s+(?:me|myself|him|himself|her|herself|them|themselves))?(?:\s+(?:any\s?more|at\s+all|ahead))?"
                             r"|the\s+point\s+(?:any\s?more|in\s+anything|of\s+anything|(?:in|of)\s+(?:living|life|going\s+on|carrying\s+on|"
                             r"being\s+(?:here|alive)|existing|waking\s+up)(?:\s+any\s?more)?)"
                             r"|(?:any|a)\s+reason\s+to\s+(?:live|go\s+on|carry\s+on|keep\s+going|stay\s+alive))" + CLAUSE_END,
       negatable=False),
    _p("disappear-forever", SUICIDE, r"\b(?:want|wanna|wna|wish\s+i\s+could|going|gonna|ready|need|could)\s+(?:to\s+|2\s+)?(?:just\s+)?"
                                     r"(?:dis+ap+ear|vanish|fade\s+away|go\s+away|go)\s+(?:forever|for\s+ever|for\s+good|permanently|"
                                     r"from\s+(?:this|the)\s+(?:world|earth|planet)|and\s+never\s+(?:come\s+back|wake\s+up|be\s+found))"
                                     r"|\b(?:want|wanna|wna|wish\s+i\s+could|i\s+could|just|going|gonna|need)\s+(?:to\s+)?(?:stop|cease)\s+"
                                     r"(?:to\s+)?exist(?:ing)?\b"
                                     r"|\b(?:want|wanna|wna|ready|going|gonna|time|plan|planning|about|need|wish\s+i\s+could)\s+(?:to\s+)?"
                                     r"(?:leave|exit|depart)\s+this\s+(?:world|earth|life|planet)\b"
                                     r"(?!\s+(?:a\s+|in\s+a\s+)?(?:better|cleaner|greener|nicer|safer|fairer|behind|having|than))"),
    # Thoughts of dying ("thinking about dying my hair" is a spelling, not a thought).
    _p("thinking-of-dying", SUICIDE, r"\b(?:(?:can'?t|cannot|cant)\s+stop\s+)?(?:thinking|think|thought|thoughts|dreaming|fantasi[sz]ing)\s+"
                                     r"(?:about|of)\s+(?:dying|being\s+dead|"
                                     r"not\s+being\s+(?:here|alive|around)|killing\s+myself|ending\s+(?:it|my\s+life)|my\s+(?:own\s+)?death|"
                                     r"death\s+(?:all\s+the\s+time|every\s+day|constantly))\b"
                                     r"(?!\s+(?:my|her|his|the|it|their|hair|clothes|a\s+\w+|of\s+(?:old\s+age|natural)))"),
    # "What's the point in living?", "why should I carry on living?"
    _p("why-live", SUICIDE, r"\b(?:what'?s|what\s+is|wats|whats)\s+the\s+point\s+(?:in|of)\s+(?:even\s+)?(?:living|life|going\s+on|carrying\s+on|"
                            r"being\s+alive|waking\s+up|staying\s+alive|existing)\b(?!\s+(?:here|in|there|with|near|like\s+this\s+(?:with|in)))"
                            r"|\bwhy\s+(?:should|would|do|bother)\s+i\s+(?:even\s+)?(?:bother\s+|keep\s+|carry\s+on\s+|go\s+on\s+)?"
                            r"(?:living|being\s+alive|staying\s+alive|existing|stay\s+alive|go\s+on\s+living)\b", negatable=False),
    _p("better-off-dead", SUICIDE, r"\bbetter\s+off\s+(?:dead|without\s+me|if\s+i\s+(?:was|were)n'?t\s+here|gone|not\s+(?:existing|alive|being\s+here|here))\b"
                                   r"|\b(?:would|'d|will|'ll)\s+be\s+(?:so\s+much\s+|much\s+|a\s+lot\s+)?(?:happier|better|easier)\s+without\s+me\b"),
    # "I'd rather be dead" ("I'd rather die than go back to that school" is a figure of speech).
    _p("rather-be-dead", SUICIDE, r"\b(?:i'?d|i\s+would|id)\s+(?:much\s+)?rather\s+(?:be\s+dead|die|not\s+be\s+(?:here|alive)|not\s+exist)\b"
                                  r"(?!\s+than\s+(?!live\s+like\s+this|carry\s+on|go\s+on|be\s+here|feel\s+like\s+this))"
                                  r"(?!\s+(?:tired|beat|of|from|laughing)\b)"),
    _p("cant-go-on-living", SUICIDE, r"\b(?:can'?t|cannot|cant)\s+(?:go\s+on|keep)\s+living\b", negatable=False),
    # A despairing line and a farewell in the same message reads as a last message.
    _p("despair-farewell", SUICIDE, rf"\b{DESPAIR}\b.{{0,80}}?\b{FAREWELL}|\b{FAREWELL}\b.{{0,80}}?\b{DESPAIR}"),
    _p("despair-then-act", SUICIDE, rf"(?:{DESPAIR}|i'?m\s+(?:so\s+|just\s+)?done|(?:i'?ve|i\s+have)\s+had\s+enough|i\s+give\s+up)\b.{{0,60}}?"
                                    r"\b(?:going\s+to|gonna|gna|i'?ll|i\s+will)\s+do\s+it\s+(?:tonight|today|now|soon|this\s+time)\b"),
    _p("self-harm-word", SUICIDE, r"\bself[\s-]?harm\w*|\bself[\s-]?injur\w*"),
    _p("harm-self", SUICIDE, rf"\b(?:cut|cutting|cuts|burn|burning|burnt|burned|burns|hurt|hurting|hurts|harm|harming|harms|starve|starving|"
                             rf"starves|scratching|scald|scalding|scalded|punching|punches|hitting|hits)\s+{SELF}\b"
                             rf"(?!\s+(?:off\b|shaving|chopping|cooking|of\s+(?:sleep|attention|company|fun)|on\s+(?:the|a)|at\s+(?:the|work)|"
                             rf"by\s+accident|accidentally|playing|gardening|doing|in\s+the\s+(?:kitchen|garden|gym)|while|when\s+i\s+fell|"
                             rf"falling|tripping|slipping|fell|tripped|slipped|at\s+\w+|in\s+(?:a|the)\s+(?:fall|accident)|"
                             rf"with\s+(?:the|a|my)\s+(?:iron|kettle|oven|pan|hob|grill|stove|toaster|curling|straighteners|tongs|"
                             rf"glue\s+gun|hot\s+water|boiling\s+water|tea|coffee|soup)))"),
    _p("cutting-arms", SUICIDE, r"\b(?:cut|cutting|slit|slitting|slashing)\s+(?:my|his|her|their)\s+(?:arms?|wrists?|legs?|thighs?|skin)\b"
                                # Throat and veins only with "I" as the one cutting: "he'll cut my
                                # throat" is a threat (immediate danger), not self-harm.
                                r"|\bi\s*(?:'m|am|'ll|will|want|wanna|wna|could|might|feel\s+like|'m\s+gonna|'m\s+going|'m\s+about)?\s*"
                                r"(?:going\s+|about\s+)?(?:to\s+)?(?:slit|cut|slash)\s+my\s+(?:own\s+)?(?:throat|veins?)\b"
                                r"|\b(?:slit|slitting|cut|cutting)\s+(?:my|his|her|their)\s+own\s+throat\b"),
    # Relapse: "I've started cutting again", "been cutting for months", "the urge to cut".
    # Ordinary cutting has an object ("cutting back", "cutting the hedge").
    _p("cutting-again", SUICIDE, r"\b(?:started|start|starting|been|back\s+to|relapsed\s+(?:and|into)|urges?\s+to|want\s+to|wanna|wna|"
                                 r"can'?t\s+stop|stop\s+myself|going\s+to|gonna|tempted\s+to|thinking\s+about)\s+(?:cutting|cut)\b"
                                 r"(?=\s*(?:again|tonight|last\s+night|every\s+(?:day|night)|at\s+night|for\s+(?:weeks|months|years|a\s+while)|"
                                 r"[.,!?]|$))"
                                 r"|\bi(?:'ve|\s+have)?\s+(?:cut|burnt|burned)\s+(?:again|last\s+night|tonight)\b"
                                 r"|\burges?\s+to\s+(?:cut|self[\s-]?harm|hurt\s+myself|burn\s+myself)\b"
                                 r"(?!\s+(?:back|down|out|off|costs?|corners|ties|the|my|it|through|in|up|spending|prices)\b)"),
    _p("covered-in-cuts", SUICIDE, r"\b(?:arms?|wrists?|legs?|thighs?|stomach|body|skin)\s+(?:is|are|'s|'re)\s+(?:all\s+)?covered\s+(?:in|with)\s+"
                                   r"(?:cuts|scars|burns|slashes|blood)\b"
                                   r"(?!\s+from\s+(?:the|gardening|brambles|bushes|work|a\s+fall|falling|football|rugby|my\s+(?:cat|dog|job)|the\s+cat))"
                                   r"|\b(?:fresh|new|deep|open)\s+(?:cuts|cut|burns|burn)\s+(?:on|all\s+over|up|down|across)\s+"
                                   r"(?:my|his|her|their)\s+(?:arms?|wrists?|legs?|thighs?|stomach|body)\b"),
    _p("cut-too-deep", SUICIDE, r"\b(?:i|he|she)(?:'ve|\s+have|\s+has|'s)?\s+(?:just\s+)?cut\s+(?:(?:my|his|her)(?:self)?\s+)?(?:\w+\s+)?"
                                r"(?:too|really|very|so|way\s+too)\s+deep\b"),
    # Burning, scratching or hitting the body as self-harm: said with a tool or a reason.
    _p("hurt-body-on-purpose", SUICIDE, r"\b(?:burn\w*|scald\w*|scratch\w*|hit(?:s|ting)?|punch\w*|"
                                        r"bang\w*|pick\w*|stab\w*)\s+(?:my|his|her|their)\s+(?:own\s+)?(?:arms?|wrists?|legs?|thighs?|skin|"
                                        r"stomach|hands?|body|chest|face|head)\b[^.?!]{0,40}\b(?:on\s+purpose|deliberately|"
                                        r"to\s+(?:feel|punish|cope|stop\s+the|make\s+(?:the|it)|numb)|so\s+(?:i|it)\s+(?:can|could|feel|hurts)|"
                                        r"with\s+(?:(?:a|the|my|his|her)\s+)?(?:lighter|cigarettes?|fags?|razor|blade|compass|sharpener|knife|"
                                        r"hot\s+(?:knife|spoon)))"
                                        r"|\bcarv(?:e|ed|es|ing)\s+(?:[\w']+\s+){0,3}?(?:into|in|on)\s+(?:my|his|her|their)\s+(?:own\s+)?"
                                        r"(?:arms?|wrists?|legs?|thighs?|skin|stomach|hands?|body)\b"),
    _p("do-something-to-self", SUICIDE, rf"\b(?:do|doing|done|did)\s+something\s+(?:stupid\s+|silly\s+|bad\s+|drastic\s+|dangerous\s+|terrible\s+)?"
                                        rf"to\s+{SELF}\b"
                                        r"|\b(?:scared|afraid|worried|frightened|terrified|feel\s+like)\s+(?:that\s+)?(?:i'?ll|i\s+will|i\s+might|i'?m\s+going\s+to|"
                                        r"i'?m\s+gonna|i\s+could)\s+do\s+something\s+(?:stupid|silly|drastic|dangerous)\b"
                                        r"(?!\s+(?:to|with)\s+(?:him|her|them|his|the)|\s+like)"),
    _p("method-self", SUICIDE, rf"\b{INTEND}\s+(?:to\s+)?(?:poison|poisoning|gas|gassing|electrocut\w+|suffocat\w+|smother\w*|strangl\w+|"
                               rf"shoot|shooting|stab|stabbing|drown|drowning|starv\w+)\s+{SELF}\b", check_past=True),
    _p("overdose", SUICIDE, rf"\b(?:over\s?dos(?:e|ed|ing)|od'd|od'?ed)\b(?!\s+(?:of|on)\s+(?!(?:(?:my|his|her|all\s+my|their)\s+)?(?:\w+\s+)?"
                            rf"(?:{PILLS}|heroin|drugs|insulin)))"
                            r"|\b(?:taken|took|done|did|had)\s+an?\s+od\b",
       check_past=True),
    _p("taken-pills", SUICIDE, rf"\b(?:taken|took|take|swallowed|swallow|downed|necked|had|injected|injecting)\s+{AMOUNT}"
                               rf"[^.?!]{{0,30}}\b{PILLS}\b{ROUTINE_DOSE}"
                               r"|\b(?:taken|took|take|swallowed|swallow|downed|necked)\s+(?:every|each)\s+(?:single\s+)?(?:pill|tablet|capsule)\b"
                               r"|\b(?:taken|took|swallowed|downed|necked)\s+(?:all\s+)?(?:my|the|his|her)\s+(?:whole|entire|full)\s+"
                               rf"(?:prescription|supply|month'?s\s+supply|week'?s\s+supply|dosette\s+box)\b{ROUTINE_DOSE}"),
    _p("saving-pills", SUICIDE, rf"\b(?:saving|saved|stockpil\w+|hoard\w*|stashing|stashed|building\s+up)\s+(?:up\s+)?"
                                rf"(?:a\s+(?:stash|load|supply)\s+of\s+)?(?:my\s+|all\s+my\s+|enough\s+|\d+\s+|loads\s+of\s+|some\s+)?(?:\w+\s+)?{PILLS}"
                                rf"(?!\s+for\s+(?:the|my|our)\s+(?:holiday|trip|journey))"
                                rf"|\benough\s+(?:\w+\s+)?{PILLS}\s+(?:\w+\s+){{0,2}}?to\s+(?:kill|die|end|do\s+it|overdose|finish|not\s+wake)"
                                # "collecting my tablets" is usually from the pharmacy; hoarding them is not.
                                rf"|\bcollect(?:ing|ed)\s+(?:up\s+)?(?:my\s+|all\s+my\s+)?(?:\w+\s+)?{PILLS}\s+(?:for\s+(?:weeks|months)|"
                                r"in\s+a\s+(?:drawer|box|bag|tin)|and\s+hid(?:ing|den)?|so\s+(?:i|that\s+i)\s+(?:can|could|have))"),
    # Drinking household poisons (a small child swallowing them is caught above as danger).
    _p("drank-poison", SUICIDE, rf"\b(?:drank|drunk|drink|drinking|swallowed|swallow|swallowing|downed|necked|ingested|eaten|ate)\s+"
                                rf"(?:some\s+|a\s+(?:bottle|cup|glass|mug|load|bit|whole\s+bottle)\s+of\s+|the\s+|loads\s+of\s+|"
                                rf"half\s+a\s+bottle\s+of\s+)?{POISONS}\b"),
    _p("drink-and-pills", SUICIDE, rf"\b(?:drunk|drank|drinking)\b[^.?!]{{0,40}}\b(?:taken|took|swallowed|had|necked)\s+"
                                   rf"(?:my\s+|all\s+(?:my\s+)?|a\s+load\s+of\s+|loads\s+of\s+|some\s+)?(?:\w+\s+)?{PILLS}"
                                   # "mixed my pills with vodka", "washed them down with a bottle of wine"; not the
                                   # pharmacy question "is it safe mixing ibuprofen and alcohol?"
                                   rf"|\b(?:mixed|washed)\s+(?:down\s+)?(?:[\w']+\s+){{0,3}}?(?:{PILLS}|them)\s+(?:down\s+)?"
                                   rf"(?:with|and)\s+(?:[\w']+\s+){{0,3}}?{ALCOHOL}\b"
                                   rf"|\b(?:taken|took|swallowed|necked|downed)\s+(?:[\w']+\s+){{0,3}}?{PILLS}\s+with\s+(?:a\s+(?:whole\s+)?bottle|"
                                   rf"half\s+a\s+bottle|loads|a\s+load|lots|a\s+litre)\s+of\s+{ALCOHOL}\b"),
    # Drowsy after taking tablets: unless asked as a side-effect question.
    _p("drowsy-after-pills", SUICIDE, rf"\b(?:can'?t|cannot|cant|struggling\s+to|hard\s+to)\s+(?:stay|keep)\s+(?:awake|my\s+eyes\s+open)\b"
                                      rf"[^.?!]{{0,40}}\b(?:took|taken|swallowed|after\s+taking)\b[^.?!]{{0,30}}\b(?:{PILLS}|them\s+all|everything)"
                                      rf"(?![^?]*\b(?:normal|side\s+effects?)\b)"),
    _p("hang-self", SUICIDE, rf"\bhang(?:ing)?\s+{SELF}\b|\b(?:a|the)\s+noose\b"),
    # Ligatures. "he put a belt round my neck" is an attack (immediate danger, below), so the
    # one tying it must be the one whose neck it is.
    _p("ligature", SUICIDE, r"\b(?:i|i'?ve|i'?m)\b[^.?!]{0,25}\b(?:rope|belt|cord|ligature|noose|cable|flex|wire|shoe\s?laces?|sheet|tights)\s+"
                            r"(?:round|around)\s+my\s+(?:own\s+)?neck\b"
                            r"|\bhe\b[^.?!]{0,25}\b(?:rope|belt|cord|ligature|noose|cable|flex|wire|shoe\s?laces?|sheet|tights)\s+(?:round|around)\s+"
                            r"his\s+(?:own\s+)?neck\b"
                            r"|\bshe\b[^.?!]{0,25}\b(?:rope|belt|cord|ligature|noose|cable|flex|wire|shoe\s?laces?|sheet|tights)\s+(?:round|around)\s+"
                            r"her\s+(?:own\s+)?neck\b"
                            r"|\b(?:there'?s|there\s+is)\s+a\s+(?:rope|belt|cord|ligature|cable|flex|wire)\s+(?:round|around)\s+(?:his|her|their)\s+neck\b"),
    _p("found-hanging", SUICIDE, r"\bfound\s+(?:him|her|them|my\s+\w+|someone|somebody|a\s+(?:man|woman|boy|girl))\s+hanging\b"
                                 r"(?!\s+(?:out|around|round|about|washing|pictures|up|on\s+the\s+phone|off))", check_past=True),
    _p("jump-off", SUICIDE, r"\b(?:jump|jumping|leap|leaping|throw\s+(?:my|him|her)self)\s+(?:off|from|in\s+front\s+of)\s+(?:a|the|that|this)\s+"
                            # low things children jump off in play are not a height
                            r"(?!(?:garage|shed|porch|bungalow|outhouse|extension|play\s?house|trampoline|sofa|bed|wall)\b)"
                            r"(?:[\w']+\s+){0,2}?(?:bridge|building|cliff|roof|car\s?park|multi[\s-]?storey|train|bus|lorry|car|tower|balcony|"
                            r"motorway|flyover|viaduct|top\s+floor|block\s+of\s+flats|flats|high[\s-]?rise|tower\s+block)\b"
                            r"|\b(?:jump|jumping|leap|leaping|throw\s+(?:my|him|her)self)\s+out\s+(?:of\s+)?(?:a|the|my|his|her)\s+(?:\w+\s+)?window\b"),
    # "threatening to jump", "about to jump": ordinary jumps have somewhere to go ("jump in
    # the shower", "jump the queue", "jump ship").
    _p("about-to-jump", SUICIDE, r"(?:\b(?:about|going|gonna|gna|threatening|trying|tried|wants?|wanting|planning|ready|tempted|"
                                 r"thinking\s+(?:of|about))\s+(?:to\s+|2\s+)?|(?:'ll|\bwill)\s+)jump(?:ing)?\b"
                                 r"(?=\s*(?:[.,!?]|$|and\b|i\b|he\b|she\b|into\s+(?:the\s+)?(?:river|sea|canal|water|traffic)|"
                                 r"in\s+front\b|from\s+(?:the|a)\s+(?:bridge|roof|top|cliff|window|balcony)))"
                                 r"|\bi'?m\s+(?:going|gonna|about)\s+to\s+jump\s+in(?:to)?\s+the\s+(?:river|sea|canal|reservoir|quarry)\b"
                                 r"(?![^.?!]{0,40}\b(?:swim\w*|charity|dip|cool\s+off|fun|lido|summer|with\s+(?:the\s+)?(?:kids|friends|club)))"),
    _p("goodbye-note", SUICIDE, r"\b(?:suicide|goodbye)\s+(?:note|notes|letter|letters|message)\b"
                                r"|\b(?:written|wrote|writing|write|left|leaving|leave)\s+(?:a|my|the|some)\s+(?:notes?|letters?)\s+"
                                r"(?:[\w']+\s+){0,3}?(?:explaining\s+why\s+i|to\s+say\s+(?:goodbye|sorry)|saying\s+(?:goodbye|sorry))"),
    _p("sorry-to-whoever-finds", SUICIDE, r"\bsorry\s+(?:for|about)\s+what\s+(?:you|they|he|she|someone|somebody|whoever|the\s+\w+)\s*"
                                          r"(?:'ll|will|are\s+going\s+to|'re\s+going\s+to|is\s+going\s+to|'s\s+going\s+to|might|may)\s+(?:find|see)\b"
                                          r"|\bsorry\s+to\s+(?:whoever|the\s+person\s+who|anyone\s+who)\s+(?:finds|has\s+to\s+find|will\s+find|"
                                          r"has\s+to\s+deal\s+with)\s+(?:me|this|it|my\s+body)\b"
                                          r"(?!\s+(?:post\s+|message\s+|thread\s+)?(?:boring|long|annoying|funny|useful|helpful|"
                                          r"interesting|confusing|offensive|odd|weird|rude))",
       check_trivial=True),
    _p("not-wake-up", SUICIDE, r"\b(?:hope|hoping|wish)\s+(?:i|he|she)\s+(?:don'?t|doesn'?t|never|won'?t)\s+wake\s+up\b"
                               r"(?!\s+(?:the|my|his|her|everyone|anyone|early|late|in\s+time)\b)"
                               r"|\b(?:mind|care|bothered)\s+if\s+i\s+(?:didn'?t|don'?t|never|did\s+not|do\s+not)\s+(?:wake|woke)\s+up\b"
                               r"|\b(?:(?:don'?t|dont|do\s+not|wouldn'?t|wouldnt|would\s+not)\s+(?:really\s+|even\s+)?(?:care|mind|be\s+bothered)|"
                               r"couldn'?t\s+care\s+less)\s+"
                               r"(?:if|whether)\s+i\s+(?:die|died|lived\s+or\s+died|live\s+or\s+die|was\s+dead|were\s+dead|got\s+hit\s+by|"
                               r"never\s+woke|didn'?t\s+wake)\b(?!\s+(?:of|laughing|my|it|the|her|his))", negatable=False),
    # Passive wishes to be killed: "I hope a bus hits me".
    _p("hope-killed", SUICIDE, r"\b(?:hope|hoping|wish|praying|pray)\s+(?:that\s+)?(?:i\s+(?:get|got)\s+(?:hit|run\s+over|killed)\s+by|"
                               r"(?:a|the|some)\s+(?:car|bus|lorry|truck|train|van)\s+(?:would\s+|will\s+|'d\s+|'ll\s+)?"
                               r"(?:hit|hits|run\s+over|runs\s+over|kill|kills|run|runs)\s+me)\b"),

    # Warning signs (suicide-prevention guidance): feeling a burden, goodbyes, giving things
    # away, researching methods, a plan and a place, stopping treatment to die.
    _p("burden", SUICIDE, r"\b(?:i'?m|i\s+am|feel(?:ing)?\s+like|being)\s+(?:such\s+|just\s+)?a\s+burden\b"
                          r"|\b(?:better|easier)\s+(?:off\s+)?(?:for\s+(?:everyone|everybody|them|all|my\s+\w+)\s+)?(?:if|when)\s+i\s*"
                          r"(?:'m|am|was|were|'d\s+be|'d)?\s*(?:gone|dead|not\s+here|wasn'?t\s+(?:here|around)|weren'?t\s+(?:here|around))"),
    _p("not-around-long", SUICIDE, r"\bwon'?t\s+be\s+(?:around|here|alive)\s+(?:much\s+longer|for\s+(?:much\s+)?long|any\s?more|tomorrow)\b"
                                   r"|\bwon'?t\s+be\s+alive\s+(?:by|for|to\s+see|in|next|this\s+time)\b"
                                   r"|\bwon'?t\s+be\s+(?:around|here)\s+(?:any\s?more\s+)?by\s+(?:then|tonight|tomorrow|the\s+weekend|next\s+week|"
                                   r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|christmas)\b"
                                   r"(?![^.?!]{0,40}\b(?:because|as\s+i'?m|since|i'?m\s+(?:moving|going|away|off|on|at|in)|moving|holiday|work))"
                                   r"|\bwon'?t\s+be\s+(?:around|here)\s+(?:any\s?more\s+)?to\s+(?:look\s+after|care\s+for|take\s+care\s+of|"
                                   r"see\s+(?:them|him|her)\s+grow)"
                                   r"\b(?![^.?!]{0,40}\b(?:next|this|on\s+\w+day|because\s+i'?m\s+(?:in|away|at|working|going)|while|when\s+i'?m))"
                                   r"|\b(?:this\s+time\s+tomorrow|by\s+(?:tomorrow|the\s+morning|morning|tonight))\s+i'?ll\s+be\s+dead\b"
                                   r"|\bi'?ll\s+be\s+dead\s+(?:by|before)\s+(?:tomorrow|the\s+morning|morning|tonight|the\s+weekend)\b",
       negatable=False),
    _p("goodbyes", SUICIDE, r"\b(?:said|saying|say)\s+my\s+goodbyes\b|\bgoodbye\s+(?:forever|for\s+good|to\s+everyone)\b"
                            r"|\bfinal\s+(?:goodbye|message|letter)s?\b"
                            r"(?!\s+(?:on|about|regarding|re)\b|\s+to\s+(?:you|the|your)\s+(?:about|council|team|department|office))"
                            r"|\bgoodbye\s+(?:cruel\s+)?world\b|\bthis\s+is\s+(?:my\s+)?goodbye\b"
                            # someone else's goodbye, then silence
                            r"|\b(?:saying\s+goodbye|said\s+goodbye|see\s+(?:you|ya)\s+on\s+the\s+other\s+side(?!\s+of))\b.{0,60}?"
                            r"\b(?:(?:won'?t|isn'?t|not|never)\s+(?:answer|answering|picking\s+up|replying|reply)|"
                            r"(?:hasn'?t|has\s+not|haven'?t|not)\s+(?:answered|replied|responded|picked\s+up|been\s+(?:seen|heard\s+from|online))|"
                            r"can'?t\s+(?:get\s+hold|reach|get\s+through)|phone'?s?\s+(?:is\s+)?(?:off|switched\s+off|dead))"
                            r"|\b(?:say|saying|said|wanted\s+to\s+say|want\s+to\s+say)\s+goodbye\s+to\s+(?:everyone|everybody|you\s+all|"
                            r"all\s+of\s+you|the\s+world|this\s+world|my\s+(?:family|kids|children))\b"),
    # "This is my last message": but "my last message to the council about the potholes".
    _p("last-message", SUICIDE, r"\b(?:this\s+is|this'?ll\s+be|this\s+will\s+be|it'?s|these\s+are)\s+my\s+(?:very\s+)?(?:last|final)\s+"
                                r"(?:message|text|post|words|chat)\b"
                                r"(?!\s+(?:to\s+(?:the|you|your)\s+(?:council|team|office|department|service)|to\s+you\s+about|before\s+i\s+"
                                r"(?:complain|go\s+to|escalate|report|contact)|about|on\s+the\s+(?:matter|subject)))"
                                r"|\bmy\s+last\s+(?:day|night)\s+(?:alive|on\s+(?:this\s+)?earth)\b"
                                r"|\bby\s+the\s+time\s+(?:you|anyone|someone|somebody)\s+(?:read|reads|see|sees|get|gets|find|finds)\s+this\b"
                                r"|\blast\s+time\s+(?:you'?ll|you\s+will|anyone\s+will|anyone'?ll)\s+(?:ever\s+)?(?:hear\s+from|see|speak\s+to)\s+me\b"
                                r"(?![^.?!]{0,30}\b(?:until|unless|about|before\s+i\s+(?:complain|go|escalate|contact|take)))"
                                r"|\b(?:i'?m|i\s+am)\s+saying\s+goodbye(?=\s*(?:[.!]|$|,?\s*(?:i\s+love|i'?m\s+sorry|sorry|forever|for\s+good)))"
                                r"|\bi'?ve\s+(?:left|written)\s+(?:a|my)\s+note(?=\s*(?:[.!]|$|for\s+(?:my|the)\s+(?:family|kids|children|wife|husband|"
                                r"mum|mam|dad|partner|parents|son|daughter)\b|,?\s*(?:i'?m\s+sorry|goodbye)))"
                                r"|\btonight(?:'s|\s+is)\s+the\s+night\s+(?:i|i'm)\s+(?:do\s+it|end\s+it|go|finally\s+do\s+it|doing\s+it|going\s+to\s+do\s+it)\b"),
    _p("tell-them-i-love", SUICIDE, r"\b(?:please\s+)?tell\s+(?:my|the)\s+(?:kids|children|family|mum|mam|mom|dad|wife|husband|partner|son|daughter|"
                                    r"boys|girls|parents|sister|brother|boyfriend|girlfriend|babies|grandkids)\s+(?:that\s+)?"
                                    r"(?:i\s+love\s+(?:them|her|him)|i'?m\s+(?:so\s+)?sorry|i\s+am\s+(?:so\s+)?sorry|sorry)\b"
                                    r"(?!\s+(?:for\s+(?:being\s+late|missing|the)|i\s+missed|i\s+can'?t\s+make|about\s+the))",
       check_trivial=True),
    _p("giving-away", SUICIDE, r"\bgiv(?:e|en|ing)\s+(?:away\s+)?(?:all\s+)?(?:my|his|her)\s+(?:stuff|things|belongings|possessions)\b\s*"
                               r"(?:away\b)?[^.?!]{0,25}\b(?:won'?t\s+(?:need|be\s+needing|be\s+using)|won'?t\s+be|before\s+i\s+go|for\s+after)"),
    _p("method-seeking", SUICIDE, r"\b(?:looking\s+up|researching|searching|googling|googled|looked\s+up|found)\s+(?:for\s+)?"
                                  r"(?:(?:painless|easy|easiest|quick|quickest|best)\s+)?"
                                  r"(?:ways|how)\s+to\s+"
                                  r"(?:do\s+it|end\s+it|die|kill)\b|\bpainless\s+ways?\s+to\s+(?:go|die|do\s+it|end\s+it)\b"
                                  rf"|\bhow\s+many\s+{PILLS}\s+(?:would\s+it\s+take|does\s+it\s+take|to\s+(?:die|kill|overdose|end)|"
                                  r"(?:would|will|does\s+it\s+take\s+to|to)\s+kill\s+(?:me|you|someone|a\s+person|an\s+adult))"
                                  # the place or the means and the plan
                                  r"|\b(?:know|chosen|picked|found)\s+(?:exactly\s+)?(?:where|how|when)\s+(?:i'?m\s+going\s+to|i'?ll|i\s+will|to)\s+"
                                  r"(?:do\s+it|end\s+it|end\s+my\s+life)\b"
                                  r"|\b(?:bought|buy|buying|got|getting)\s+(?:a\s+|some\s+|the\s+)?rope\b[^.?!]{0,40}\b(?:do\s+it|hang|neck|end\s+it|"
                                  r"loft|beam|banister)"),
    _p("plan-and-place", SUICIDE, r"\b(?:going|gonna|want|wanna|plan(?:ning)?|about)\s+(?:to\s+)?(?:(?:walk|step|throw\s+myself)\s+into\s+(?:the\s+)?"
                                  r"(?:sea|river|water|traffic|oncoming\s+traffic)|run\s+(?:out\s+)?into\s+(?:the\s+)?(?:oncoming\s+)?traffic|"
                                  r"drown\s+(?:my|him|her)self|(?:step|walk|run|jump|throw\s+myself)\s+(?:out\s+)?(?:in\s+front\s+of|under)\s+(?:a|an|the|some)\s+"
                                  r"(?:\w+\s+)?(?:train|lorry|bus|car|truck|van|traffic|oncoming)\b|"
                                  r"step\s+in\s+front\s+of|"
                                  r"(?:lie|lay|stand|sit)\s+(?:down\s+)?(?:on|in\s+front\s+of)\s+(?:a|the)\s+(?:train|tracks|railway(?:\s+line)?|"
                                  r"train\s+tracks|motorway|lorry))\b"
                                  r"|\b(?:standing|stood|sat|sitting|stuck)\s+on\s+(?:the|a|top\s+of\s+the)\s+(?:[\w']+\s+)?(?:bridge|ledge|roof|cliff|"
                                  r"railway|train\s+tracks?|tracks|car\s?park\s+roof)\b"),
    # Being at the edge now: a ledge, the tracks, the wrong side of the railings.
    _p("at-the-edge", SUICIDE, r"\b(?:i'?m|i\s+am|he'?s|she'?s|they'?re|my\s+\w+\s+is|someone'?s|someone\s+is)\s+(?:(?:sitting|sat|standing|stood|stuck|perched)\s+)?"
                               r"(?:on|at|up\s+on)\s+"
                               r"(?:the|a)\s+(?:edge\s+of\s+(?:the|a)\s+(?:\w+\s+)?(?:bridge|roof|cliff|building|car\s?park|multi[\s-]?storey|"
                               r"platform|balcony)|ledge|(?:train|railway)\s+tracks?|tracks|railway\s+line)\b"
                               r"|\b(?:climbed|climbing|gone|got|went|standing|stood)\s+(?:over|onto|on\s+the\s+other\s+side\s+of|the\s+other\s+side\s+of|past)\s+"
                               r"(?:the\s+)?(?:railings?|barrier|parapet|safety\s+fence)\b[^.?!]{0,30}\b(?:bridge|cliff|roof|car\s?park|"
                               r"multi[\s-]?storey|viaduct|flyover|tower|balcony|jump)"
                               r"|\bwrong\s+side\s+of\s+the\s+(?:railings?|barrier|parapet|safety\s+fence)\b"
                               r"|\b(?:i'?m|i\s+am|he'?s|she'?s|they'?re)\s+(?:standing|stood|sitting|sat|perched)\s+on\s+the\s+edge" + CLAUSE_END +
                               # someone up high who won't come down (not "my cat is on the roof")
                               rf"|\b{PERSON}\s*(?:'s|is|are|'re)\s+(?:on|up\s+on|at\s+the\s+top\s+of)\s+(?:the|a)\s+(?:\w+\s+)?(?:bridge|roof|ledge|cliff|"
                               r"edge|railings?|balcony|car\s?park|multi[\s-]?storey)\b[^.?!]{0,30}\b(?:won'?t|refus\w*\s+to|isn'?t\s+coming|"
                               r"not\s+coming)\s+(?:come\s+)?(?:down|back|off)\b"),
    _p("went-there-to", SUICIDE, r"\b(?:went|go|going|gone|been|drove|driven|driving|walked|walking|heading|headed|on\s+my\s+way)\s+"
                                 r"(?:up\s+|down\s+|out\s+)?to\s+(?:the|a)\s+(?:[\w']+\s+)?(?:bridge|cliffs?|viaduct|railway|tracks|level\s+crossing|"
                                 r"multi[\s-]?storey|car\s?park\s+roof|river|sea|woods)\b[^.?!]{0,25}\bto\s+(?:jump|end\s+it|do\s+it|die|"
                                 r"kill\s+myself|finish\s+it|end\s+my\s+life)"),
    _p("drive-into", SUICIDE, rf"\b{INTEND}\s+(?:to\s+)?(?:drive|driving|crash|crashing|steer|steering|swerve|swerving)\s+"
                              r"(?:my\s+car\s+|the\s+car\s+|it\s+)?(?:into|off|in\s+front\s+of)\s+(?:a|the|an|some)\s+(?:wall|tree|bridge|cliff|"
                              r"lorry|truck|river|sea|oncoming|motorway|train|bus|lamp\s?post|edge|pier|quay|"
                              # "off the road", but not "off the road and park up" or "onto the verge"
                              r"road(?!\s+(?:and\s+(?:park|pull|wait|stop)|to\s+(?:park|let|wait)|onto|into\s+(?:a|the)\s+(?:lay|verge|drive|car\s?park))))"
                              r"|\bcrash(?:ing)?\s+(?:my|the)\s+car\s+(?:on\s+purpose|deliberately)"),
    _p("gassing", SUICIDE, r"\b(?:hose|hosepipe|pipe|tube)\b[^.?!]{0,20}\bexhaust\b"
                           # gas on and the room sealed, in either order (not "gas on low, windows open")
                           r"|\b(?:turned|put|switched|left)\s+(?:on\s+)?(?:the\s+)?(?:gas|oven|hob|cooker|gas\s+fire)\s+(?:on\s+)?"
                           r"[^.?!]{0,30}\b(?:shut|closed|sealed|taped\s+up|blocked\s+up|blocked)\s+(?:up\s+)?(?:all\s+)?(?:the\s+)?"
                           r"(?:windows|doors|vents)\b"
                           r"|\b(?:shut|closed|sealed|taped\s+up|blocked)\s+(?:up\s+)?(?:all\s+)?(?:the\s+)?(?:windows|doors|vents)\b[^.?!]{0,30}"
                           r"\b(?:turned|put|switched)\s+(?:on\s+)?(?:the\s+)?(?:gas|oven|hob|cooker|gas\s+fire)\s+on\b(?!\s+(?:low|to\s+(?:cook|heat|warm)))"
                           r"|\b(?:engine|car)(?:\s+is|'s|\s+was)?\s+running\s+in\s+(?:the|a|my|his|her)\s+(?:shut|closed|locked)\s+garage\b"
                           r"|\b(?:lit|burning|light|lighting)\b[^.?!]{0,20}\b(?:charcoal|bbq|barbecue)\b[^.?!]{0,20}\bin\s+(?:the|my|a)\s+"
                           r"(?:car|tent|bedroom|room|bathroom|flat)\b"),
    _p("means-ready", SUICIDE, rf"\b(?:boxes|packets|packs|bottles|strips)\s+of\s+(?:my\s+|his\s+|her\s+|the\s+)?{PILLS}\b[^.?!]{{0,40}}\b(?:i'?m\s+|im\s+)?"
                               r"(?:starting|taking\s+them|going\s+to\s+take\s+them|about\s+to\s+take\s+them)\s+(?:now|tonight)\b"
                               r"|\b(?:rope|noose|ligature|blade|razor|pills|tablets|meds)\s+(?:is|are|'s)\s+(?:all\s+)?(?:ready|set\s+up|waiting|sorted|"
                               r"laid\s+out|lined\s+up)\b[^.?!]{0,20}(?:tonight|for\s+(?:tonight|later|when)|to\s+(?:do\s+it|go|end\s+it|use))"
                               r"|\blined\s+up\s+(?:all\s+)?(?:my|the)\s+(?:pills|tablets|meds)\b"
                               r"|\b(?:the|all\s+(?:the|my)|my)\s+(?:pills|tablets|meds|rope|blades?|razors?)\s+(?:are\s+|is\s+)?in\s+front\s+of\s+me\b"),
    _p("stop-treatment-to-die", SUICIDE, r"\bstop(?:ped|ping)?\s+taking\s+(?:my|his|her)\s+(?:\w+\s+)?(?:tablets|pills|meds|medication|insulin)"
                                         r"\b[^.?!]{0,30}\b(?:let\s+it\s+happen|die|end\s+it|be\s+done|be\s+over)"),
    _p("join-the-dead", SUICIDE, r"\b(?:died|passed\s+away|passed\s+on|lost\s+my\s+\w+|death)\b[^.?!]*\b(?:join(?:ing)?|be\s+with)\s+"
                                 r"(?:her|him|them)\b"
                                 r"|\b(?:want|wanna|going|ready|need)\s+to\s+(?:be\s+with|join|see)\s+(?:my\s+\w+|him|her|them)\s+(?:again\s+)?"
                                 r"(?:in\s+heaven|on\s+the\s+other\s+side|up\s+there)\b"),
    # "Nobody would miss me"; "no one would notice if the bins weren't collected" is a complaint.
    _p("nobody-would-miss", SUICIDE, r"\b(?:nobody|no\s?one|no-one)\s+(?:would|will|wud|'d)\s+(?:even\s+|really\s+|ever\s+)?(?:miss|notice)\s+"
                                     r"(?:me|him|her|them|if\s+i\b|if\s+(?:he|she)\s+(?:was|were|wasn'?t|died|disappeared|went))"
                                     r"|\b(?:nobody|no\s?one|no-one)\s+(?:cares|would\s+care|will\s+care|gives\s+a\s+\w+)\s+(?:if|whether)\s+i\s+"
                                     r"(?:live\s+or\s+die|lived\s+or\s+died|die|died)\b"),
    _p("all-over-soon", SUICIDE, r"\b(?:it'?ll|it\s+will)\s+all\s+be\s+over\s+(?:soon|tonight|tomorrow)\b"
                                 r"|\bwant\s+(?:it\s+all|everything|the\s+pain|this\s+pain|my\s+pain|the\s+hurt|life)\s+to\s+(?:stop|end)\s+"
                                 r"(?:forever|for\s+good|permanently)\b"
                                 r"|\bmake\s+(?:it\s+all|everything|the\s+pain|it)\s+stop\s+(?:forever|for\s+good|permanently)\b"
                                 r"|\bwant\s+(?:it\s+all|everything|my\s+life|life)\s+to\s+(?:end|be\s+over)\b"
                                 r"|\bwant\s+it\s+all\s+to\s+(?:stop|be\s+over)\b"
                                 # "I could sleep forever" is tiredness.
                                 r"|(?<!could\s)\bsleep\s+(?:forever|and\s+(?:never|not)\s+wake)"),
    _p("hurt-until", SUICIDE, r"\b(?:scratch|hit|bang|punch|burn|pinch|bite)\w*\s+(?:my|his|her)\s+(?:skin|head|arms?|legs?|face|wrists?)\b"
                              r"[^.?!]{0,40}\b(?:until|till|til)\s+(?:it|they|i|he|she)\s+(?:bleeds?|bled|bruises?|bruised|hurts?|burns?|burned|burnt|blister\w*)"),
    _p("cuts-on-body", SUICIDE, r"\bcuts?\s+(?:all\s+)?(?:over|on|up|down)\s+(?:her|his|my|their)\s+(?:arms?|wrists?|legs?|thighs?|stomach|body)\b"
                                r"(?!\s+from\s+(?:the|a|my|gardening|work|football|falling)\b)"),
    _p("blade-on-self", SUICIDE, rf"\b(?:blade|razor|knife)\b[^.?!]{{0,40}}\bon\s+{SELF}\b"),

    # "I've planned how I'll do it" (not "worked out how to do it" about a form, or "decided where
    # to go on holiday").
    _p("worked-out-how", SUICIDE, r"\b(?:worked\s+out|planned|figured\s+out|decided)\s+(?:exactly\s+)?(?:how|when|where)\s+"
                                  r"(?:(?:i'?d|i\s+would|i'?ll|i\s+will|i'?m\s+going\s+to)\s+(?:do\s+it|end\s+it|kill\s+myself|end\s+my\s+life)|"
                                  r"to\s+(?:end\s+it|kill\s+myself|end\s+my\s+life)|"
                                  r"(?:i'?d|i\s+would|i'?ll|i\s+will|i'?m\s+going\s+to)\s+go\b"
                                  r"(?!\s+(?:on|to|for|and|out|home|shopping|back|there|in|abroad|away|with)\b))\b"),

    # --- Immediate danger -----------------------------------------------------------------
    _p("in-danger", DANGER, r"\b(?:i'?m|i\s+am|we'?re|we\s+are|she'?s|he'?s|they'?re|my\s+\w+\s+is|our\s+lives\s+are)\s+in\s+"
                            r"(?:real\s+|serious\s+|immediate\s+)?danger\b(?!\s+of)"
                            r"|\b(?:fear(?:ing)?|scared|terrified|frightened|afraid)\s+for\s+(?:my|our|her|his|their|the\s+kids'?|my\s+kids'?|"
                            r"my\s+children'?s)\s+li(?:fe|ves)\b"),
    _p("help-he-will-kill", DANGER, r"\bhelp\b[^.?!]{0,20}\b(?:he|she|they)\s*(?:'ll|will|is\s+going\s+to|'s\s+going\s+to|gonna)\s+"
                                    r"kill\s+(?:me|us|my|the\s+kids)\b"),
    # "He'll kill me": a threat is danger; "she'll kill me when she sees the mess" is not.
    _p("he-will-kill", DANGER, r"\b(?:he|she|they)\s*(?:'ll|will|'s\s+gonna|is\s+gonna|are\s+gonna|gna)\s+(?:actually\s+|really\s+|definitely\s+)?"
                               r"(?:kill|hurt|stab|shoot|murder|batter|strangle)\s+(?:me|us|him|her|the\s+(?:kids|baby)|"
                               r"my\s+(?:kids|children|baby|son|daughter|mum|dad))\b"
                               r"(?!\s+(?:feelings|chances|career|back|legs?|knees?|ankles?|wrists?|pride)\b)"
                               r"(?![^.?!]{0,25}\b(?:one\s+day|some\s?day|eventually|in\s+the\s+end))",
       check_trivial=True),
    _p("never-see-alive", DANGER, r"\bnever\s+see\s+(?:them|him|her|me|the\s+kids|my\s+\w+)\s+alive\s+again\b"),
    _p("hit-by-vehicle", DANGER, r"\b(?:hit|knocked\s+(?:down|over)|run\s+over)\s+by\s+a\s+(?:car|van|bus|lorry|truck|motorbike|train)\b"
                                 rf"|\b(?:{PERSON}|my\s+(?:son|daughter|child|kid))\s*(?:'s|has|have|just|got)\s+(?:just\s+)?(?:been\s+)?"
                                 r"(?:run\s+over|knocked\s+(?:down|over))\b",
       check_past=True),
    _p("vehicle-into-people", DANGER, r"\b(?:car|van|lorry|truck|vehicle|bus|driver|someone|somebody|he|she|they)\s*(?:'s|has|have|just)?\s*"
                                      r"(?:just\s+)?(?:driven|drove|ploughed|plowed|smashed|crashed|ran|run|mounted\s+the\s+pavement\s+and\s+(?:hit|drove))\s+"
                                      r"(?:straight\s+|right\s+)?(?:into|through|over)\s+(?:a\s+(?:crowd|group|queue)|people|pedestrians|the\s+(?:crowd|queue)|"
                                      r"kids|children|shoppers)\b",
       check_past=True),
    _p("going-to-kill-me", DANGER, r"\b(?:is|'s|s|are|'re|re|am|was)\s+(?:going\s+to|gonna|about\s+to|trying\s+to|threatening\s+to|"
                                   r"coming\s+(?:back\s+|round\s+|over\s+|here\s+)?to)\s+"
                                   r"(?:kill|stab|shoot|hurt|attack|strangle|murder|rape|beat)\s+"
                                   r"(?:me|us|her|him|them|my|the\s+(?:kids|children|baby))\b"
                                   r"(?![^.?!]{0,25}\b(?:one\s+day|some\s?day|eventually|in\s+the\s+end))"
                                   # "coming back to finish me off" (not "this hill is going to finish me off")
                                   r"|\b(?:coming\s+(?:back\s+)?to|trying\s+to|threatening\s+to)\s+finish\s+(?:me|us|her|him|them)\s+off\b",
       check_trivial=True),
    _p("threat-to-kill", DANGER, r"\b(?:threatened|threatening|threatens|said|says|saying)\s+(?:he|she|they)?\s*(?:'ll|will|would|'d|is\s+going\s+to|"
                                 r"was\s+going\s+to|to)?\s*(?:kill|stab|shoot|murder)\s+(?:me|us|the\s+(?:kids|children|baby)|my|them\s+all|"
                                 r"all\s+of\s+(?:us|them)|everyone|her\s+and\s+the\s+(?:kids|children|baby))\b"
                                 r"(?!\s+(?:at|in)\s+(?:the\s+)?(?:quiz|pub\s+quiz|football|darts|pool|cards|chess|bingo|game|match|poker|"
                                 r"five[\s-]a[\s-]side))"
                                 r"|\b(?:threatened|threatening|threatens|said|says|saying)\s+(?:he|she|they)?\s*(?:'ll|will|would|'d|is\s+going\s+to|"
                                 r"was\s+going\s+to|to)?\s*(?:slit|cut|slash)\s+(?:my|our|her|the\s+kids'?)\s+throats?\b"
                                 r"|\b(?:threatened|threatening|threatens|said|says|saying|shouting|shouted|screaming|yelling|is\s+going|'s\s+going|gonna)\s+"
                                 r"(?:(?:that\s+)?(?:he|she|they|he'll|she'll|they'll)\b)?\s*"
                                 r"(?:'ll|will|would|'d|to)?\s*(?:(?:set\s+fire\s+to|burn\s+down|torch|petrol\s+bomb)\s+(?:me|us|the\s+(?:house|flat|kids)|"
                                 r"my\s+(?:house|flat|home|car)|our\s+(?:house|flat|home))|burn\s+(?:the|my|our)\s+(?:house|flat|home)\s+down)\b",
       check_trivial=True),
    _p("weapon-here", DANGER, r"\b(?:knife|knives|gun|machete|blade|axe|hammer|baseball\s+bat|weapon)\b"
                              r"(?!\s+(?:block|drawer|set|sharpener|crime|amnesty|licen[cs]e|rack))[^.?!]{0,40}\b(?:outside|at\s+(?:the|my)\s+door|"
                              r"in\s+the\s+(?:house|flat|kitchen|hall|room)|downstairs|upstairs|pointing|pointed|holding|waving|coming\s+at|"
                              r"threatening|to\s+my\s+(?:throat|neck|head)|right\s+now|here|or\s+else\b(?!\s+where))\b"),
    _p("weapon-here-before", DANGER, r"\b(?:pointing|pointed|holding|waving|pulled|pulling|came\s+at\s+me\s+with|threatening\s+(?:me|us)\s+with|"
                                     r"outside\s+with|here\s+with|at\s+the\s+door\s+with)\s+(?:what\s+(?:looks|looked)\s+like\s+|something\s+like\s+)?(?:a|his|her|the)\s+"
                                     r"(?:knife|gun|machete|blade|axe|hammer|weapon|(?:baseball\s+)?bat|crowbar|pistol|rifle|shotgun|firearm)\b"
                                     r"(?!\s+and\s+(?:a\s+)?ball)"),
    # "He's got a knife": a parent's worry about a knife in a bedroom is a concern, not 999.
    _p("weapon-got", DANGER, r"\b(?:he|she|they|someone|somebody|a\s+man|a\s+woman|my\s+(?:ex|husband|partner|boyfriend|girlfriend|wife|son|dad|"
                             r"brother|stepdad|neighbour))\s*(?:'s|'ve|\s+has|\s+have|\s+is|\s+are)?\s*(?:just\s+)?(?:got|grabbed|picked\s+up|"
                             r"pulled\s+out|taken\s+out|brandishing)\s+(?:a|an|his|her|their|the|my)\s+(?:kitchen\s+|big\s+)?(?:knife|knives|gun|machete|"
                             r"blade|weapon|firearm|shotgun|rifle|pistol|crossbow)\b(?!\s+and\s+(?:a\s+)?fork)"
                             r"(?!\s+(?:crime|licen[cs]e|certificate|collection|amnesty|block|sharpener|set|drawer|for\s+(?:cooking|protection|"
                             r"the\s+(?:kitchen|garden|fence|shed))|to\s+(?:cut|fix|open|chop|put\s+up)|in\s+(?:his|her|their)\s+(?:room|bag|"
                             r"bedroom|drawer|school\s+bag|coat|pocket)|hidden|under\s+(?:his|her)\s+bed))"),
    # "now he has a knife"; non-native "he has knife" (no article) is not a worried parent.
    _p("has-weapon-now", DANGER, r"\b(?:now|and)\s+(?:he|she|they)(?:\s+has\s+got|\s+has|\s+have|'s\s+got|'ve\s+got|\s+got)\s+(?:a\s+|an\s+|the\s+)?"
                                 r"(?:knife|gun|machete|weapon|blade)\b"
                                 r"(?!\s+(?:crime|licen[cs]e|collection|in\s+(?:his|her|their)\s+(?:room|bag|bedroom|drawer|pocket)|hidden|for))"
                                 r"|\b(?:he|she|they)\s+(?:has|have|got)\s+(?:knife|gun|machete)\b"),
    _p("armed-person-here", DANGER, r"(?:\bthere(?:'?s|\s+is|\s+are|'re)\s+(?:a|some|an?\s+\w+)\s+(?:man|woman|guy|bloke|lad|lads|person|people|gang|group|"
                                    r"youths?|kids?|boys?|men)(?:\s+of\s+\w+)?\s+(?:with|carrying|holding|waving|brandishing)"
                                    # a stranger (not "my son") who has a weapon
                                    r"|\b(?:a\s+(?:man|woman|guy|bloke|lad|person|stranger)|someone|somebody)\s+(?:has\s+got|has|'s\s+got|with|is\s+carrying)"
                                    r")\s+(?:a\s+|an\s+)?"
                                    r"(?:knife|knives|gun|guns|machete|machetes|blade|axe|hammer|baseball\s+bat|weapon|weapons|crossbow)\b"),
    _p("stabbed-shot", DANGER, r"\b(?:been|just\s+been|got|getting|being|is\s+being|'s\s+been|has\s+been|have\s+been)\s+"
                               r"(?:stabbed|shot|glassed)\b(?!\s+(?:of|down|at\s+by|at\s+with))"
                               # a toy, not a weapon: "got shot in the face with a nerf gun"
                               r"(?![^.?!]{0,25}\bwith\s+(?:a|an|his|her|my|their)\s+(?:water|nerf|paintball|toy|foam|laser|confetti|party\s+popper)\b)"
                               r"|\bthere(?:'s|\s+has|\s+have)\s+(?:just\s+)?been\s+(?:a\s+)?(?:stabbing|shooting)\b"
                               r"|\b(?:someone|somebody|he|she|they|a\s+man|a\s+guy|some\s+\w+)\s+(?:has\s+|just\s+|'s\s+)?(?:stabbed|shot|glassed)\s+"
                               r"(?:me|us|my\s+\w+|him|her)\b(?!\s+(?:a\s+(?:look|glance|dirty\s+look|smile)|down))", check_past=True),
    _p("being-attacked", DANGER, r"\b(?:being|getting|just\s+been)\s+(?:beaten|battered|attacked|strangled|raped|kicked\s+in|"
                                 r"beaten\s+up|jumped|choked|suffocated|smothered|punched|kicked|hit)\b"
                                 # not "hit with fees", "attacked in the papers"
                                 r"(?!\s+(?:with|by)\s+(?:fees|charges|bills|costs|fines|a\s+(?:fine|bill|charge))|\s+(?:for|by\s+the\s+council)"
                                 r"|\s+(?:in\s+the\s+(?:papers|press|news|media)|online|on\s+(?:social|twitter|facebook)))"
                                 r"|\b(?:i'?ve|i\s+have|has|'s|have)\s+(?:just\s+)?been\s+(?:attacked|assaulted|mugged|beaten\s+up|glassed)\b"
                                 r"[^.?!]{0,30}\b(?:bleeding|badly\s+hurt|injured|still\s+here|outside|right\s+now|just\s+now)\b",
       check_past=True),
    _p("beat-me-now", DANGER, r"\b(?:beat|beats|beating|hit|hits|hitting|hurt|hurting|attack|attacking|kick|kicking|punch|punching)\s+"
                              r"(?:me|us|her|him|my\s+\w+)\s+(?:now|right\s+now|at\s+the\s+moment)\b"),
    _p("throwing-things", DANGER, r"\b(?:is|'s|are|'re)\s+(?:drunk\s+and\s+|kicking\s+off\s+and\s+)?(?:throwing|smashing)\s+"
                                  r"(?:things|stuff|plates|bottles|glasses|furniture|bricks|rocks|petrol\s+bombs)\s+at\s+(?:me|us|her|him|the\s+kids|my|our)\b"
                                  # a night-after-night nuisance is anti-social behaviour, not 999
                                  r"(?![^.?!]{0,40}\b(?:every|all\s+the\s+time|again|most\s+nights|for\s+(?:weeks|months)))"),
    _p("getting-violent", DANGER, r"\b(?:is|'s|are|'re)\s+getting\s+(?:really\s+|very\s+)?violent\b|\b(?:i'?m|i\s+am|we'?re)\s+trapped\b"
                                  r"(?!\s+in\s+(?:a|an|this|my)\s+(?:cycle|marriage|relationship|job|loop|situation|contract|tenancy|lease)|\s+behind\b)"
                                  # stuck at home by a broken lift or the snow is a housing or care need
                                  r"(?![^.?!]{0,40}\b(?:lift|snow|flood(?:ing|ed)?|broken\s+(?:leg|hip|ankle)|wheelchair|mobility)\b)"),
    # A building gives way on people: "the ceiling's come down and someone's under it".
    _p("people-trapped-under", DANGER, r"\b(?:collapsed|fallen\s+(?:in|down)|fell\s+(?:in|down)|came\s+down|come\s+down|caved\s+in|gave\s+way)\b"
                                       r"[^.?!]{0,40}\b(?:people|someone|somebody|kids|children|a\s+(?:man|woman|child|kid|lady))\s*"
                                       r"(?:are\s+|is\s+|'s\s+|'re\s+)?(?:underneath|under\s+(?:it|them|the\s+\w+)|trapped|stuck\s+under)\b",
       check_past=True),
    # A person, not "my ceiling has collapsed" or "my phone is not responding".
    _p("collapsed", DANGER, rf"\b{PERSON}\s*(?:'s|has|is|just|has\s+just)?\s*(?:just\s+)?(?:collapsed|unresponsive)\b"
                            rf"|\b{PERSON}\s*(?:isn'?t|is\s+not|'s\s+not|not)\s+responding\s+(?:to\s+me|and|at\s+all)\b", negatable=False),
    _p("blood-everywhere", DANGER, r"(?<!fake\s)(?<!pretend\s)(?<!stage\s)(?<!halloween\s)\bblood\s+(?:everywhere|all\s+over|pouring|gushing|pissing)\b"),
    _p("child-grabbed", DANGER, r"\b(?:grabbed|snatched|dragged|bundled|abducted|kidnapped)\s+(?:a|my|the|our|this|that)\s+"
                                r"(?:kid|child|girl|boy|baby|son|daughter|toddler)\b"
                                r"|\b(?:someone|somebody|a\s+(?:man|woman|stranger))\s+(?:has|'s|just)?\s*(?:just\s+)?(?:taken|took)\s+(?:my|our|a|the)\s+"
                                r"(?:kid|child|girl|boy|baby|son|daughter|toddler|little\s+\w+)\s+(?:from|out\s+of)\s+(?:the|my|our|her|his|a)\b"
                                r"|\b(?:someone|somebody|a\s+(?:man|woman|stranger))\s+(?:has\s+|'s\s+|just\s+)?(?:taken|took|grabbed|snatched)\s+"
                                r"(?:her|him|them)\b(?=\s*(?:[.,!?]|$|and\b|away|from|into|in\s+a))"),
    _p("bundled-into", DANGER, r"\b(?:dragging|pulling|bundling|forcing|carrying)\s+(?:a|the|this|that)\s+(?:girl|woman|boy|kid|child|lady|teenager|"
                               r"teen|young\s+(?:man|woman|girl|boy|person))\s+(?:into|towards|behind|down)\s+(?:the|an?|some)\s+"
                               r"(?:underpass|alley|alleyway|bushes|woods|subway|stairwell|back\s+of\s+(?:a|the)\s+\w+)\b"
                               r"|\b(?:bundled|dragged|pushed|forced|threw|thrown|shoved)\s+(?:(?:a|the|this|that|my|our)\s+(?:man|woman|girl|boy|kid|child|"
                               r"lady|teenager|teen|young\s+(?:man|woman|girl|boy|person))|him|her|them|me|us|someone|somebody)\s+into\s+"
                               r"(?:a|the|his|her|their)\s+(?:\w+\s+)?(?:van|car|boot|vehicle)\b"
                               r"|(?:'s|'ve|\bhas|\bhave|\bi'?m|\bbeing|\bjust)\s+(?:just\s+)?(?:been\s+)?(?:kidnapped|abducted|taken\s+hostage)\b"
                               r"|\b(?:being|been|is|'s|was)\s+(?:dragged|bundled|pushed|forced|shoved|thrown)\s+into\s+(?:a|the|his|her|their)\s+"
                               r"(?:\w+\s+)?(?:van|car|boot|vehicle)\b"
                               r"|\b(?:being|been|am|i'?m|is|'s|are)\s+(?:held|kept)\s+(?:here\s+)?(?:against\s+(?:my|our|her|his|their)\s+will|"
                               r"hostage|captive|prisoner)\b"
                               r"|(?:\b(?:being|been|i'?m|we'?re)\s+(?:held|kept|locked\s+in|locked\s+up)|\b(?:locked|shut)\s+(?:me|us|her|him|the\s+kids)\s+in)\b"
                               r"[^.?!]{0,30}\b(?:can'?t|cannot)\s+get\s+out\b(?!\s+of\s+(?:the|my)\s+(?:car\s?park|contract|lease|tenancy|debt|overdraft))"
                               r"|\bwon'?t\s+let\s+(?:me|us|her|him)\s+out\b(?!\s+of\s+(?:the|my|this|his|her)\s+(?:contract|tenancy|lease|sight))",
       check_past=True),
    _p("armed-group-here", DANGER, r"\b(?:outside|at\s+the\s+door|in\s+the\s+(?:street|garden|house|road|stairwell))\b[^.?!]{0,30}"
                                   r"\bwith\s+(?:a\s+)?(?:weapons?|knives|knife|machetes?|guns?|bats|blades?)\b"),
    _p("breaking-in", DANGER, r"\b(?:breaking|kicking|smashing|forcing|bashing)\s+(?:in\b(?!\s+(?:the|a|my|his|her)\s+new|\s+(?:new|shoes|boots|horses?))|"
                              r"down|the\s+door\b(?!\s+(?:handle|lock|hinges?|frame|bell|knocker|closer))|my\s+door|the\s+window|my\s+window|"
                              r"through)\b|\btrying\s+to\s+(?:break|get|force\s+(?:his|her|their)\s+way)\s+in(?:to)?\b"
                              r"|\btrying\s+to\s+(?:kick|smash|bash|break|force)\s+(?:in\s+|down\s+)?(?:my|the|our)\s+(?:front\s+|back\s+)?(?:door|window)"
                              r"(?:\s+(?:in|down|open))?\b"
                              r"|\b(?:breaking|broken|broke|getting|forcing\s+(?:his|her|their)\s+way)\s+into\s+(?:my|our|the|her|his)\s+"
                              r"(?:house|flat|home|room|bedroom|car|garage)\b(?!\s+(?:last|yesterday|years?|when))"),
    # "He's just kicked the door in" (not "the kids broke the window in the bus shelter").
    _p("door-smashed", DANGER, r"\b(?:kicked|smashed|broken|broke|bashed|forced|booted)\s+(?:(?:the|my|our)\s+(?:front\s+|back\s+|bedroom\s+|bathroom\s+)?"
                               r"(?:door|window)\s+(?:in|down|open)|(?:in|down)\s+(?:the|my|our)\s+(?:front\s+|back\s+|bedroom\s+|bathroom\s+)?"
                               r"(?:door|window))\b(?!\s+(?:the|a|my|his|her|our|their)\b)",
       check_past=True),
    _p("abuser-at-door", DANGER, r"\b(?:he|she|they|my\s+ex|ex|husband|partner|boyfriend|girlfriend|wife|dad|stepdad|step\s+dad|father|"
                                 r"brother|son)\s*(?:'s|is|are|'re|s)?\s+(?:outside\s+(?:my|the|our)\s+(?:house|door|flat|home|window)|"
                                 r"at\s+(?:the|my|our)\s+(?:front\s+|back\s+)?(?:door|window)|banging\s+on|hammering\s+on|kicking\s+(?:the|my)\s+door|"
                                 r"trying\s+to\s+get\s+in)\b"),
    # Someone on their way, outside, or who has found the address, when the message also
    # carries fear or a threat ("he's on his way over to fix the fence" carries neither).
    _p("abuser-coming", DANGER, rf"\b{ABUSER}\s*(?:'s|is|are|'re|has|have)?\s*(?:just\s+)?(?:outside|downstairs|"
                                r"coming\s+(?:over|round|here|back|for\s+(?:me|us)|to\s+(?:get|find)\s+(?:me|us)|to\s+(?:the|my|our)\s+(?:house|flat|home))|"
                                r"on\s+(?:his|her|their)\s+way(?:\s+(?:over|round|here|back))?|turned\s+up|"
                                r"found\s+(?:me|us|where\s+(?:i|we)\s+(?:live|am|are)|my\s+(?:new\s+)?address|out\s+where\s+(?:i|we)\s+live))\b"
                                rf".{{0,80}}?\b{FEAR}"
                                rf"|\b{FEAR}\b.{{0,60}}?\b{ABUSER}\s*(?:'s|is|are|'re|has)?\s*(?:just\s+)?(?:outside|"
                                r"coming\s+(?:over|round|here|back|for\s+(?:me|us)|to\s+(?:get|find)\s+(?:me|us))|on\s+(?:his|her|their)\s+way|turned\s+up)\b"
                                rf"|\b{ABUSER}\s*(?:'s|has|have)?\s*(?:just\s+)?found\s+(?:me|us|where\s+(?:i|we)\s+(?:live|am|are)|my\s+(?:new\s+)?address)\b"
                                r".{0,40}?\b(?:outside|at\s+(?:the|my|our)\s+door|on\s+(?:his|her|their)\s+way|coming|here)\b",
       check_past=True),
    # (smoke, fumes and the like "choking me" are a nuisance complaint, not an attack)
    _p("attack-in-progress", DANGER, r"(?<!smoke\s)(?<!fumes\s)(?<!dust\s)(?<!smell\s)(?<!pollen\s)(?<!heat\s)(?<!damp\s)(?<!mould\s)"
                                     r"(?<!weeds\s)(?<!ivy\s)(?<!noise\s)(?<!bonfire\s)(?<!chimney\s)(?<!traffic\s)(?<!exhaust\s)(?<!air\s)"
                                     # (nor are debts "strangling us")
                                     r"(?<!debt\s)(?<!debts\s)(?<!loan\s)(?<!loans\s)(?<!bills\s)(?<!interest\s)(?<!arrears\s)(?<!repayments\s)"
                                     r"\b(?:is|'s|are|'re)\s+(?:strangling|choking|throttling|beating|hitting|punching|kicking|stabbing|attacking|"
                                     rf"raping|smothering|hurting|slapping|headbutting|stamping\s+on|suffocating|battering|bashing)\s+{VICTIM}\b"
                                     # a score, not a beating
                                     r"(?!\s+(?:\d+\s*-\s*\d+|at\s+(?:football|cards|chess|pool|darts)|in\s+the\s+(?:league|final|match|game|table)))"
                                     r"(?!\s+(?:every|all\s+the\s+time|again\s+and\s+again|for\s+years|most|when))"
                                     rf"|\bthere'?s\s+(?:a|some|an?\s+\w+)\s+(?:man|woman|guy|bloke|lad|lads|gang|group|men|boys?)\s+"
                                     rf"(?:attacking|beating|hitting|punching|kicking|stabbing|strangling|battering)\s+{VICTIM}\b"
                                     r"|\b(?:he|she|they)(?:'s|\s+is|'re|\s+are)\s+(?:killing|murdering)\s+(?:her|him|them|my\s+\w+|the\s+(?:kids|baby))\b"
                                     r"(?!\s+(?:with\s+(?:kindness|laughter)|at\s+\w+|softly))"
                                     r"|\b(?:is|'s|are|'re)\s+(?:pinning|holding)\s+(?:me|her|him|us)\s+down\b"
                                     r"|\b(?:is|'s|are|'re)\s+dragging\s+(?:me|her|him|us)\s+(?:by|across|out|along|into|down|up|round)\b"
                                     r"|\b(?:is|'s|are|'re)\s+shaking\s+(?:the|my|her|his|a)\s+baby\b"),
    # Hands or a ligature round someone's neck: strangulation in progress.
    _p("strangling", DANGER, r"\b(?:got|has|had|put|puts|putting|with|squeezing|squeezed)\s+(?:his|her|their|both)\s+(?:hands?|fingers|knee|foot)\s+"
                             r"(?:round|around|on|across|over)\s+(?:my|her|his|our|the\s+(?:baby'?s|kids'?))\s+(?:neck|throat|face|mouth)\b"
                             r"|\bgot\s+(?:me|her|him|us)\s+by\s+the\s+(?:throat|neck)\b"
                             r"|\b(?:has|'s|just)\s+(?:just\s+)?(?:strangled|choked|throttled|suffocated)\s+(?:me|her|him|us)\b"
                             r"|\b(?:he|she|they)(?:'s|\s+has|'ve|\s+have)\s+got\s+my\s+(?:throat|neck)\b"
                             r"|\b(?:he|she|they|someone)\b[^.?!]{0,25}\b(?:rope|belt|cord|cable|wire|flex)\s+(?:round|around)\s+(?:my|her)\s+neck\b",
       check_past=True),
    _p("not-breathing", DANGER, r"\b(?:not|isn'?t|stopped|aren'?t)\s+breathing\b(?!\s+(?:a\s+word|until|till|well\s+with|through\s+(?:his|her|my)\s+nose)\b)"
                                # "I can't breathe" only as the last thing said ("I can't breathe. The
                                # mould..." is a complaint) and not about the heat or the damp.
                                r"|\b(?:can'?t|cannot|cant)\s+breathe?\b(?!\s+(?:a\s+word|for\s+laughing|through\s+(?:my|his|her)\s+nose|in\s+(?:this|the)\s+"
                                r"(?:heat|queue|flat|house)|with\s+(?:the|all\s+the|this)\s+(?:damp|mould|mold|smoke|dust|heat)|because|at\s+night|"
                                r"when\s+i|properly\s+(?:at\s+night|because)|easily))(?=[^.?!]*[.?!]*\s*$)"
                                r"|\b(?:won'?t|will\s+not)\s+wake\s+up\b(?!\s+(?:for|in\s+the\s+morning|on\s+time|early|till|until|before|when|in\s+time)\b)"
                                r"|\b(?:can'?t|cannot|couldn'?t)\s+wake\s+(?:him|her|them|my\s+\w+|the\s+(?:baby|child|kids?)|mum|mam|dad|nan|gran)\s*(?:up)?\b"
                                r"(?!\s*(?:up\s+)?(?:for|in\s+the\s+morning|on\s+time|early|till|until|before|when|in\s+time)\b)"
                                r"|\bunconscious\b(?!\s+(?:bias|of|that)\b)"
                                r"|\b(?:lips|face|skin)\s+(?:is\s+|are\s+)?(?:going|turning|gone|went|turned)?\s*blue\b"
                                r"(?!\s+(?:from|with|in)\s+(?:the\s+)?(?:cold|paint|dye|ink|photos?|pictures?|video))"
                                rf"|\b{PERSON}\s*(?:'s|is|has|are|'re|just)?\s*(?:gone|going|turned|turning|went)\s+blue\b(?!\s+(?:from|with|in)\b)"
                                rf"|\b{PERSON}\s*(?:'s\s+not|is\s+not|isn'?t|not|'s|is)\s+(?:not\s+)?responding\b" + CLAUSE_END +
                                rf"|\b{PERSON}\s*(?:'s|is|are|'re)\s+(?:struggling|fighting|gasping)\s+(?:to\s+breathe|for\s+(?:breath|air))\b",
       negatable=False),
    _p("choking", DANGER, rf"\b(?:{PERSON}|child|kid|toddler|son|daughter)\s*(?:'s|is|are|'re|has\s+been|keeps|started)\s+(?:choking|chocking)\b"
                          r"(?!\s+(?:me|her|him|us|them|my|the\s+(?:drain|pond|river|plants)|on\s+(?:the\s+)?smoke|with\s+laughter|laughing|"
                          # a baby spluttering on a feed is not an airway blocked
                          r"back\s+tears|up|on\s+(?:her|his|their|the)\s+(?:milk|feeds?|bottle|formula)|sometimes|a\s+(?:bit|little)|"
                          r"when\s+(?:feeding|eating|drinking))\b)"
                          r"(?![^?]*\bis\s+(?:that|it|this)\s+normal\b)"
                          r"(?!.{0,40}\b(?:she|he|they)(?:'s|\s+is|'re|\s+are)\s+(?:fine|ok|okay|alright)\s+now\b)", negatable=False),
    _p("fitting", DANGER, r"\b(?:having|had|has\s+had|'s\s+had|in\s+the\s+middle\s+of)\s+(?:a\s+)?(?:seizure|seizures|convulsions?)\b"
                          r"|\b(?:is|'s|are|'re|keeps|started|been|has\s+been|'s\s+been)\s+(?:fitting|convulsing|seizing)\b"
                          r"(?=\s*(?:[.,!?]|$|again|for\s+(?:\d+|a|over|about|ages|five|ten|two|three|several)|and\b|now\b|right\s+now|"
                          r"non[\s-]?stop|badly|uncontrollably|won'?t))"
                          r"|\b(?:is|'s)\s+having\s+(?:a\s+)?(?:fit|fits)\b(?!\s+(?:about|over|at|when|if|of))",
       check_past=True),
    _p("medical-emergency", DANGER, r"\b(?:has|'s|have|'ve)\s+just\s+had\s+(?:a\s+)?(?:heart\s+attack|stroke|cardiac\s+arrest)\b"
                                    # without "just", told with what came after it, it is a carer's need
                                    r"|\b(?:has|'s|have|'ve)\s+had\s+(?:a\s+)?(?:heart\s+attack|stroke|cardiac\s+arrest)\b"
                                    r"(?![^.?!]{0,60}\b(?:carers?|care\s+(?:package|plan|home|needs)|assessment|rehab|physio|recover\w*|since|"
                                    r"ago|last\s+(?:year|month|week)|adaptations?|grab\s+rails?|blue\s+badge|benefits?|attendance\s+allowance|"
                                    r"lifting|respite)\b)"
                                    r"|\bhaving\s+(?:a\s+)?(?:heart\s+attack|stroke|cardiac\s+arrest|asthma\s+attack|anaphylactic\s+(?:shock|reaction)|"
                                    r"severe\s+allergic\s+reaction|diabetic\s+(?:fit|coma|hypo))\b"
                                    r"|\bin\s+cardiac\s+arrest\b|\banaphylaxis\b|\banaphylactic\s+shock\b"
                                    r"|\b(?:throat|tongue|lips|face)\s+(?:is|are|'s)\s+(?:swelling|closing)\b"
                                    r"|\b(?:crushing|severe|really\s+bad|sharp|tight|heavy)\s+(?:chest\s+pains?|pains?\s+in\s+(?:my|his|her)\s+chest)\b"
                                    rf"|\b{PERSON}\s*(?:'s|is|are|'re|has|have)?\s*(?:gone|went|going)\s+(?:all\s+)?(?:floppy|limp|lifeless)\b",
       check_trivial=True, check_past=True),
    _p("not-moving", DANGER, rf"\b{PERSON}\s*(?:(?:'s|is|are|'re)\s+not|isn'?t|aren'?t|has\s+stopped|'s\s+stopped|stopped)\s+moving\b"
                             r"(?=\s*(?:[.,!?]|$|and\b|at\s+all|or\b|any\s?more))", negatable=False),
    _p("fallen-cant-get-up", DANGER, r"\b(?:fallen|fell|had\s+a\s+fall|collapsed)\b[^.?!]{0,25}\b(?:can'?t|cannot|isn'?t\s+able\s+to|unable\s+to)\s+"
                                     r"get\s+(?:up|her\s+up|him\s+up)\b"
                                     r"|\b(?:has|have|'s|'ve)\s+been\s+(?:stuck|trapped)\s+(?:in|on)\s+(?:the|her|his|their)\s+"
                                     r"(?:bath|bathroom\s+floor|kitchen\s+floor|floor)\b"
                                     r"|\b(?:lying|laid|lay|slumped)\s+(?:\w+\s+){0,10}?(?:not\s+moving|unconscious|unresponsive|not\s+breathing)\b"
                                     r"|\b(?:lying|laid|lay|slumped)\s+(?:in|on)\s+the\s+(?:road|street|middle\s+of\s+the\s+road)\b"
                                     r"|\b(?:fell|fallen|collapsed|hit\s+(?:his|her)\s+head|found\s+(?:him|her|them|my\s+\w+))\b[^.?!]{0,40}\b"
                                     r"(?:isn'?t|is\s+not|not|aren'?t|hasn'?t\s+been)\s+(?:moving|responding|breathing|waking\s+up)\b",
       check_past=True),
    _p("badly-hurt", DANGER, rf"\b{PERSON}\s*(?:'s|is|are|'re|has\s+been|'s\s+been|have\s+been|got|just\s+got)\s+(?:been\s+)?(?:badly|seriously|"
                             r"really\s+badly|critically|very\s+badly)\s+(?:hurt|injured|burnt|burned|beaten|cut)\b"
                             r"|\b(?:someone|somebody|people|he|she|they)(?:'s|'re|\s+is|\s+are)\s+trapped\b(?!\s+in\s+(?:a|an|this)\s+(?:cycle|marriage|"
                             r"relationship|job|loop))",
       check_past=True),
    _p("drowning", DANGER, rf"\b(?:{PERSON}|a\s+(?:dog|kid)|kids?|child|children|people)\s*(?:'s|is|are|'re)\s+drowning\b"
                           r"(?!\s+in\s+(?!the\s+(?:river|sea|canal|lake|pond|water|pool|reservoir|quarry)))"
                           r"|\b(?:fallen|fell|gone|slipped)\s+(?:in|into)\s+(?:the|a)\s+(?:river|canal|sea|lake|pond|reservoir|quarry|water|harbour|dock|weir)\b"
                           r"|\b(?:gone|went)\s+under\s+(?:the\s+water|and\s+(?:hasn'?t|not|didn'?t)\s+come\s+up)"
                           rf"|\b(?:{PERSON}|a\s+(?:kid|child))\s*(?:'s|is|are|'re)\s+(?:stuck\s+)?in\s+the\s+(?:river|canal|sea|lake|reservoir|quarry|water)\b"
                           r"|\bthere'?s\s+(?:a|some|an?\s+\w+)\s+(?:kid|child|man|woman|person|boy|girl|someone|somebody|body|baby)\s+in\s+the\s+"
                           r"(?:river|canal|sea|lake|reservoir|quarry|water)\b"
                           r"(?![^.?!]{0,30}\b(?:swimming|paddling|fishing|kayak\w*|canoe\w*|paddle\w*|surfing|every\s+summer))"
                           r"(?![^.?!]{0,30}\b(?:swimming|paddling|fishing|kayak\w*|canoe\w*|paddle\w*|surfing|with\s+friends))",
       check_past=True),
    # A small child alone where they can come to harm now: in a hot car, by a road or water,
    # out of a window. (Children often left alone is a safeguarding concern, not 999.)
    _p("small-child-alone", DANGER, rf"\b{SMALL_CHILD}\b[^.?!]{{0,30}}\b(?:locked|left|trapped|stuck|alone|on\s+(?:his|her|their)\s+own)\s+"
                                    r"in\s+(?:a|the|her|his|their)\s+(?:hot\s+)?car\b"
                                    rf"|\b{SMALL_CHILD}\b[^.?!]{{0,30}}\b(?:alone|on\s+(?:his|her|their)\s+own|by\s+(?:him|her)self|unattended|wandering)\b"
                                    r"[^.?!]{0,25}\b(?:road|motorway|dual\s+carriageway|railway|tracks|river|canal|water)\b"
                                    rf"|\b(?:{SMALL_CHILD}|child|kid|boy|girl)\b[^.?!]{{0,20}}\b(?:hanging|dangling|climbing|leaning|sitting|standing)\s+"
                                    r"(?:out\s+of|over|off|on\s+the\s+edge\s+of|on\s+(?:the|a)\s+(?:roof|ledge|balcony\s+railings?))\s+(?:a|the|an)?\s*"
                                    r"(?:open\s+|top\s+floor\s+|upstairs\s+|bedroom\s+)?(?:window|balcony|ledge|roof)?",
       check_past=True),
    _p("locked-in-hiding", DANGER, r"\block(?:ed)?\s+(?:my|our)sel(?:f|ves)\s+in\b"
                                   r"|\b(?:i'?m|i\s+am|we'?re|we\s+are|the\s+kids\s+are|my\s+kids\s+are|the\s+children\s+are)\s+hiding\s+in\b"
                                   r"(?![^.?!]{0,40}\b(?:rain|hide\s+and\s+seek|playing|game|sun|heat|the\s+cold|snow|in-?laws|for\s+fun|surprise)\b)"
                                   r"|\bhiding\s+from\s+(?:him|her|them)\b"
                                   r"|\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+hiding\b(?=\s*(?:[.,!?]|$|under|behind|upstairs|downstairs|"
                                   r"with\s+(?:the|my)\s+(?:kids|children|baby)|and\b|he\b|she\b|they\b))"
                                   rf"|\b(?:locked|shut)\s+{VICTIM}\s+in\s+(?:the|a|my|his|her|this)\b"
                                   r"(?![^.?!]{0,30}\b(?:by\s+(?:mistake|accident)|accidentally))"),
    # Fires now. "What do I do if there's a fire in my flat?" is a fire-safety question.
    _p("on-fire", DANGER, r"(?<!\bif\smy\s)(?<!\bif\sthe\s)(?<!\bif\sour\s)(?<!\bif\sa\s)"
                          r"\b(?:house|flat|home|building|kitchen|room|bedroom|car|van|shed|garage|block|caravan|tower|stairwell|hallway|loft|"
                          r"next\s+door|chip\s+pan|pan|oven|cooker|microwave)\s*(?:'s|is|are|'re|has|have)?\s*(?:just\s+)?(?:caught\s+fire|"
                          r"on\s+fire|in\s+flames|alight|ablaze|burning\s+down)\b"
                          r"|(?<!\bif\s)\bthere'?s\s+(?:a\s+)?fire\s+in\s+(?:my|the|our|next\s+door'?s?)\s+(?:house|flat|kitchen|bedroom|building|block|stairwell|"
                          r"hallway|home|loft|landing|garage|flat\s+(?:next\s+door|upstairs|downstairs)|house\s+next\s+door)\b"
                          r"|(?<!\bif\s)(?<!\bif\sthere's\sa\s)(?<!\bif\sthere\sis\sa\s)(?<!\bof\sa\s)(?<!\bin\sa\s)(?<!\bevent\sof\s)\bfire\s+in\s+(?:the|my|our)\s+"
                          r"(?:building|flat|house|block|kitchen|bedroom|stairwell|hallway)\b"
                          r"|\b(?:house|flat|home|building|kitchen|room|bedroom|stairwell|hallway|landing|stairs|corridor|block)\s*(?:'s|is|are)\s+"
                          r"(?:full\s+of|filling\s+(?:up\s+)?with)\s+smoke\b"
                          r"|\bsmoke\s+(?:is\s+)?(?:coming|pouring|billowing|seeping)\s+(?:out\s+of|from\s+under|from|under|through)\s+"
                          r"(?:the|my|next\s+door'?s|a|our|her|his|their)\s+(?:neighbou?rs?'?\s+|neighbou?r'?s\s+)?"
                          r"(?:front\s+|back\s+|bedroom\s+|kitchen\s+)?(?:flat|house|window|door|building|roof|kitchen|loft|walls?|floor|ceiling)\b"
                          r"|\b(?:fire|smoke|flames)\b[^.?!]{0,40}\b(?:can'?t|cannot)\s+get\s+out\b"
                          r"|\btrapped\s+(?:by|in)\s+(?:the\s+)?(?:fire|smoke|flames)\b",
       check_past=True),
    _p("arson-attack", DANGER, r"\b(?:poured|pouring|splashed|splashing|thrown|threw|throwing|doused|dousing)\s+(?:petrol|fuel|lighter\s+fluid|paraffin|"
                               r"accelerant)\s+(?:on|over|through|around|all\s+over)\s+(?:the\s+|my\s+|our\s+|his\s+|her\s+)?(?:floor|stairs|hall|"
                               r"hallway|carpet|bed|doorstep|porch|house|flat|door|letter\s?box|car|me|him|her|us|them|himself|herself|myself|"
                               r"everything|everywhere)\b"
                               r"|\b(?:poured|pouring|threw|throwing|put|putting|pushed|pushing)\s+(?:petrol|fuel|lighter\s+fluid|paraffin|something\s+burning|"
                               r"a\s+firework|fireworks|a\s+lit\s+\w+)\s+(?:through|in|into|over|on)\s+(?:my|the|our|her|his)\s+"
                               r"(?:letter\s?box|door|house|flat|car|me|him|her)\b"
                               r"|\b(?:trying|going|about|threatening)\s+to\s+(?:set\s+fire\s+to|burn\s+down|torch|set\s+(?:light|alight)\s+to)\s+"
                               r"(?:the|my|our|me|us|him|her|them|himself|herself|his|this)\b"
                               r"|\b(?:is|'s|are|'re|has|have|'ve|just)\s+(?:just\s+)?(?:setting|set)\s+fire\s+to\s+(?:the|my|our|me|us|him|her|them|his)\b",
       check_past=True),
    _p("bleeding-badly", DANGER, r"\bbleeding\s+(?:(?:really|very|so|quite)\s+)?(?:badly|heavily|a\s+lot|everywhere|out|loads|and\s+won'?t\s+stop)\b"
                                 r"|(?<!nose\s)\bwon'?t\s+stop\s+bleeding\b|\bcan'?t\s+stop\s+(?:the|it|him|her|my\s+\w+)\s+(?:from\s+)?bleeding\b"
                                 r"|\bbleeding\s+from\s+(?:his|her|my|their|the)\s+(?:head|neck|chest|stomach|belly)\b"
                                 r"|\b(?:lost|losing)\s+(?:a\s+lot|loads|so\s+much)\s+of\s+blood\b"),
    # Asking for the emergency services now. "can you call the police about the noise" and
    # "I need the police non-emergency number" are questions about a service.
    _p("call-999", DANGER, r"(?:^|[.!?,]\s*|\bplease\s+|\bpls\s+|\bplz\s+|\bsomeone\s+|\bsomebody\s+|\bcan\s+(?:you|u|someone)\s+|"
                           r"\bcould\s+(?:you|u|someone)\s+|\bjust\s+)(?:please\s+)?(?:call|ring|phone|get|send)\s+(?:me\s+|us\s+)?(?:an?\s+|the\s+)?"
                           r"(?:ambulance|paramedics?|999|police|cops)\b(?!\s+(?:out\s+)?(?:about|regarding|re|non|number|or|to\s+report|"
                           r"to\s+(?:deal|sort|look)|on\s+(?:my|the)\s+(?:neighbours?|landlord)|for\s+(?:the|a)\s+(?:noise|car|parking|bins?|fly))\b"
                           r"|-?\s*non)"
                           r"|\bi\s+need\s+(?:an?\s+|the\s+)?(?:ambulance|police|paramedics?)\b(?=\s*(?:[.,!?]|$|now|right\s+now|urgently|asap|immediately|"
                           r"here|quick|please|he\b|she\b|they\b|someone\b|to\s+come\s+(?:now|quick|here)|"
                           r"for\s+(?:my|me|him|her|someone|somebody)\b(?!\s*(?:\w+'s\s+)?(?:hospital\s+)?(?:transport|appointment|report|statement))))"
                           r"|\bsend\s+(?:some\s+)?help\b(?=\s*(?:[.!?]|$|now|please|quick))"),
    _p("screaming-for-help", DANGER, r"\b(?:screaming|crying|shouting|yelling|begging)\s+(?:out\s+)?for\s+help\b(?!\s+with)"
                                     r"|\bbegging\s+(?:him|her|them)\s+to\s+stop\b|\bpleading\s+for\s+(?:her|his|my|their)\s+li(?:fe|ves)\b",
       check_past=True),
    _p("gunshots", DANGER, r"\b(?:heard|hearing|hear|there\s+(?:are|were|was|has\s+been|have\s+been)|just\s+heard)\s+(?:gun\s?shots?|gun\s?fire|"
                           r"shots\s+(?:fired|being\s+fired)|a\s+gun\s?shot)\b"
                           r"(?![^.?!]*\b(?:fireworks?|range|army|military|training|pheasants?|clay|shoot(?:ing)?\s+(?:party|day)|farmers?)\b)",
       check_past=True),
    _p("intruder", DANGER, r"\b(?:there'?s|there\s+is)\s+(?:someone|somebody|a\s+(?:man|stranger|woman|person)|an?\s+intruder|people)\s+(?:in|inside)\s+"
                           r"(?:my|the|our)\s+(?:house|flat|home|bedroom|kitchen|room|loft|attic)\b(?!\s*(?:share|mate|hold|party|warming|swap|group))"
                           r"(?![^.?!]{0,30}\b(?:to\s+(?:fix|check|read|look|do|repair|install|measure|clean|inspect|visit)|fixing|from\s+the\s+"
                           r"(?:council|housing)|engineer|plumber|electrician|contractor|workm[ae]n|carer|nurse|social\s+worker))"
                           r"|\b(?:someone|somebody|a\s+(?:man|stranger))\s*(?:'s|is)\s+(?:in|inside)\s+(?:my|our)\s+(?:house|flat|home|bedroom)\b"
                           r"(?![^.?!]{0,30}\b(?:to\s+(?:fix|check|read|look|do|repair|install|measure|clean|inspect|visit)|fixing|from\s+the\s+"
                           r"(?:council|housing)|engineer|plumber|electrician|contractor|workm[ae]n|carer|nurse|social\s+worker))"
                           r"|\b(?:there'?s|there\s+is)\s+(?:someone|somebody|a\s+(?:man|stranger))\s+(?:downstairs|upstairs|outside\s+my\s+"
                           r"(?:window|bedroom|back\s+door))\b"
                           r"|\b(?:broke|broken|got)\s+in\b[^.?!]{0,30}\b(?:still|are|is|'re|'s)\s+(?:here|in\s+the\s+(?:house|flat)|inside|upstairs|"
                           r"downstairs|in\s+my\s+\w+)\b"
                           r"|\b(?:an?|the)\s+intruder\b(?!\s+alarms?)",
       check_past=True),
    _p("followed-now", DANGER, r"\b(?:is|'s|are|'re)\s+following\s+(?:me|us|her|him)\s+(?:home|right\s+now|now|at\s+the\s+moment|down\s+the\s+road|"
                               r"in\s+(?:a|his|the)\s+car)\b"
                               r"|\b(?:being|been)\s+followed\s+(?:home|right\s+now|now|by\s+(?:a|some|this)\s+(?:man|car|van|guy|bloke|group|gang|lads))\b"
                               r"|\b(?:is|'s|are|'re)\s+following\s+(?:me|us)\b(?!\s+(?:on|online)\b)(?=[^.?!]{0,40}\b(?:scared|terrified|frightened|petrified|"
                               r"afraid|help)\b)",
       check_past=True),
]

# Deliberately NOT listed (left to the model, which sees the whole conversation), because on
# their own they are everyday council traffic far more often than a crisis:
# - "I can't do this any more", "I can't cope", "I can't live like this", "I've had enough",
#   "I'm done", "I give up": residents say them about damp, noise, repairs and queues. Listed
#   only with a farewell or "I'll do it tonight" in the same message.
# - "I want to disappear", "I want it to be over", "I want everything to stop", "I can't see a
#   way out": distress (concern_mental_health, debt) unless made final ("forever", "for good").
# - "I've got a plan", "I've bought rope", "I've got a rope", "I've been to the bridge",
#   "tonight's the night", "I'm at the top of the car park", bare "ready to go": listed only
#   with a method, a place and an intent together.
# - "he's coming for me", "he's on his way", "my ex is outside", "he won't let me leave":
#   a pick-up, a contact handover or coercive control (a concern); listed with fear or a threat.
# - "my son carries a knife", "I found a knife in his room": a knife-crime worry
#   (concern_exploitation), not an attack now.
# - "I can't breathe" followed by more sentences; "having a fit" about something: idiom.
# - Pro-suicide-forum shorthand ("ctb") and "sh": too short and too often something else
#   ("CTB" is also council tax band).
# - Bereavement by suicide and support questions keep firing on the word "suicide" itself
#   (suicide-word): that is deliberate and unchanged.


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


def _correct_slips(text: str) -> str:
    def fix(match: re.Match) -> str:
        word = match.group(0)
        if len(word) < MIN_CORRECTED_LENGTH or word in CRISIS_WORDS:
            return word
        for candidate in CRISIS_WORDS:
            if candidate[0] == word[0] and one_slip_apart(word, candidate):
                return candidate
        return word
    return re.sub(r"[a-z]+", fix, text)


def normalise(text: str) -> str:
    text = (text or "").lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"\bi\s?m\b", "i'm", text)
    text = re.sub(r"\bive\b", "i've", text)
    return _correct_slips(" ".join(text.split()))


# A negation that belongs to one of these verbs is about knowing, not about the danger:
# "I don't know how he found me, he's outside" is still a man outside the door.
NEGATED_KNOWING = {"know", "knw", "kno", "understand", "remember", "believe"}


def _negated(text: str, start: int) -> bool:
    """A negation among the three words before ("not going to hurt myself"), unless it
    negates knowing ("don't know how he found me"). Only words of the same sentence count:
    "it didn't work. I want to die" is not negated."""
    words = re.findall(r"[a-z']+", _sentence_before(text, start))[-3:]
    return any((w in NEGATORS or w.endswith("n't")) and (i + 1 == len(words) or words[i + 1] not in NEGATED_KNOWING)
               for i, w in enumerate(words))


# A denial straight before the phrase, with nothing between but words naming what is
# denied: "caller denies suicidal thoughts", "denied any thoughts of self harm". Anything
# else between keeps the phrase: "claim denied want to kill myself" is a crisis.
DENIED_BEFORE = re.compile(
    r"\b(?:denies|denied|denying|deny)\s+(?:(?:any|having|had|feeling|being|thoughts?|of|ideas?|ideation|plans?|"
    r"intent|intentions?|to|current|active|ever|or|self|harm|harming|recent)\s+){0,6}$")


def _denied(text: str, start: int) -> bool:
    return bool(DENIED_BEFORE.search(_sentence_before(text, start)))


PAST_MARKERS = re.compile(r"\b(?:was|were|used\s+to|had\s+been|years\s+ago|last\s+(?:week|month|year|summer|winter|spring|autumn)|"
                          r"as\s+a\s+(?:child|kid)|when\s+i\s+was)\b")


# Danger that is feared, remembered or conditional ("what do I do if I'm in danger",
# "flashbacks about being raped", "they'll hurt him if he doesn't pay") is a concern to
# signpost, not an emergency to escalate. Suicide language is never set aside this way:
# "what would happen if I killed myself" is itself a warning sign.
HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:if|in\s+case|what\s+if|worried\s+about|scared\s+of|afraid\s+of|fear\s+of|flashbacks?\s+(?:about|of)|"
    r"nightmares?\s+(?:about|of)|memories\s+of|dream(?:s|t)?\s+(?:about|of))\s+(?:[a-z']+\s+){0,2}$")
THIRD_PARTY_CONDITION_AFTER = re.compile(r"^[^.?!]{0,20}\b(?:if|unless)\s+(?:he|she|they)\b")


def _hypothetical_or_recalled(text: str, match: re.Match) -> bool:
    before = _sentence_before(text, match.start())
    if HYPOTHETICAL_BEFORE.search(before):
        return True
    threatened = re.search(r"\b(?:him|her|them)\b", match.group(0))
    return bool(threatened and THIRD_PARTY_CONDITION_AFTER.search(text[match.end():]))


def _told_as_past(text: str, match: re.Match) -> bool:
    before = " ".join(re.findall(r"[a-z']+", text[:match.start()])[-3:])
    after = text[match.end():match.end() + 40]
    return bool(PAST_MARKERS.search(before) or PAST_MARKERS.search(after))


# A suicide or self-harm phrase told as a past event that is now over ("she tried to take
# her life last year and she's doing much better now", "self-harm free for two years") is
# a support question, so the phrase steps back and DIET and the crisis-or-not check decide,
# as for any message the phrases do not catch. All three signs are needed: a past at least
# a month back near the phrase, a recovery somewhere in the message, and no sign of present
# risk anywhere in it. A death told as past (bereavement) shows no recovery, so it still
# counts, deliberately. Judged on benchmarks/dev/past_events_dev.yml (docs/benchmarks.md).
RESOLVED_PAST_NEAR = re.compile(
    r"\b(?:used\s+to|(?:\d+|a|an|a\s+few|few|several|a\s+couple\s+of|two|three|four|five|six|seven|eight|nine|ten|"
    r"eighteen)\s+(?:years?|months?|yrs?)\s+ago|years\s+ago|months\s+ago|"
    r"last\s+(?:month|year|summer|winter|spring|autumn|christmas)|in\s+(?:19|20)\d\d|"
    r"as\s+a\s+(?:child|kid|teen|teenager|student|young\s+person)|when\s+i\s+was|history\s+of|in\s+the\s+past|back\s+in)\b")
FREE_SINCE = re.compile(r"^\s*(?:free|clean)\s+(?:for|since)\b")
RECOVERY = re.compile(
    r"\b(?:doing\s+(?:(?:much|a\s+lot|so\s+much|loads|way|far|really\s+well|well)\s+)?better|(?:much|lot|loads)\s+better\s+now|"
    r"doing\s+(?:really\s+)?well\s+now|stable|thriving|recovered|in\s+recovery|(?:free|clean)\s+(?:for|since)|on\s+the\s+mend|"
    r"in\s+a\s+(?:good|better)\s+place)\b")
PRESENT_RISK = re.compile(
    r"\b(?:again|relaps\w*|still|tonight|today|lately|recently|these\s+days|at\s+the\s+moment|right\s+now|"
    r"any\s?more|feel(?:s|ing)?\s+like|thinking\s+(?:about|of)|urges?|tempted|struggling|worried|scared|afraid|"
    r"frightened|back\s+to)\b")


def _resolved_past(text: str, match: re.Match) -> bool:
    # The past must belong to the phrase: the same sentence, a few words either side.
    before = " ".join(re.findall(r"[a-z0-9']+", _sentence_before(text, match.start()))[-4:])
    after = re.split(r"[.!?\n]", text[match.end():match.end() + 40], maxsplit=1)[0]
    past = RESOLVED_PAST_NEAR.search(before) or RESOLVED_PAST_NEAR.search(after) or FREE_SINCE.search(after)
    return bool(past and RECOVERY.search(text) and not PRESENT_RISK.search(text))


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
            if pattern.negatable and (_negated(text, match.start()) or _denied(text, match.start())):
                reason = "negated"
            elif pattern.check_fiction and FICTION_OR_STUDY.search(
                    _sentence_before(text, match.start()) + " " + text[match.end():match.end() + 30]):
                reason = "fiction, study or campaign context"
            elif pattern.check_trivial and TRIVIAL_TRIGGER.search(text[match.end():match.end() + 60]):
                reason = "everyday exaggeration about something trivial"
            elif pattern.check_past and _told_as_past(text, match):
                reason = "told as something in the past"
            elif pattern.intent == SUICIDE and _resolved_past(text, match):
                reason = "told as a past event, now resolved"
            elif pattern.intent == DANGER and _hypothetical_or_recalled(text, match):
                reason = "a worry, a memory or an 'if', not something happening now"
            if reason:
                set_aside.append({"pattern": pattern.id, "matched": match.group(0), "reason": reason})
                continue
            return CrisisCheck(CrisisFinding(pattern.intent, pattern.id, match.group(0)), set_aside)
    return CrisisCheck(None, set_aside)
