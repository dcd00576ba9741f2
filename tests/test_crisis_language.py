"""The reviewed crisis phrases: what they catch, and what they deliberately leave alone.

Examples here are written for these tests (not copied from tests/nlu/, which measures
the whole model): each names the reason a phrase should or should not count.
"""
import pytest

from bot.components.crisis_language import DANGER, PATTERNS, SUICIDE, check, normalise

CATCHES = [
    # direct
    ("I want to kill myself", SUICIDE),
    ("i'm going to end my life tonight", SUICIDE),
    ("I feel suicidal", SUICIDE),
    ("kms", SUICIDE),
    ("thinking about how to unalive myself", SUICIDE),
    ("I've been self-harming again", SUICIDE),
    ("I keep cutting my wrists", SUICIDE),
    ("I've swallowed a whole packet of paracetamol", SUICIDE),
    ("I took too many tablets an hour ago", SUICIDE),
    ("I don't want to live any more", SUICIDE),
    ("there's no point in going on", SUICIDE),
    ("I'm not sure I want to live anymore", SUICIDE),
    ("everyone would be better off without me", SUICIDE),
    # about someone else
    ("my brother says he wants to die", SUICIDE),
    ("my mum keeps talking about killing herself", SUICIDE),
    # warning signs
    ("I'm just a burden to my family", SUICIDE),
    ("I won't be around much longer so it doesn't matter", SUICIDE),
    ("she's researching ways to end it", SUICIDE),
    ("I'm standing on the bridge", SUICIDE),
    ("I'm going to stop taking my insulin and let it happen", SUICIDE),
    ("my husband passed away and I just want to be with him", SUICIDE),
    ("nobody would miss me", SUICIDE),
    # typing slips
    ("i want to kil myslef", SUICIDE),
    ("had loads to drink and then took all my sleeping tablets", SUICIDE),
    ("I've planned exactly how I'll do it", SUICIDE),
    ("please help, she says she's going to kill me", DANGER),
    ("we are in danger", DANGER),
    ("he says I'll never see the kids alive again", DANGER),
    ("my son's just been knocked down by a car", DANGER),
    ("feeling suicdal", SUICIDE),
    # danger now
    ("he's going to kill me", DANGER),
    ("my ex is outside my house", DANGER),
    ("he's at the door and he's drunk", DANGER),
    ("someone is breaking in", DANGER),
    ("I've just been stabbed", DANGER),
    ("he's got a knife and he's in the kitchen", DANGER),
    ("she's hitting me right now", DANGER),
    ("my dad isn't breathing", DANGER),
    ("my nan has collapsed", DANGER),
    ("I've locked myself in the bathroom", DANGER),
    ("a man just snatched a child from the playground", DANGER),
    ("there's blood everywhere", DANGER),
    ("my son is being beaten up outside", DANGER),
    ("he's breathng funny and not breathing now", DANGER),
    # a denial of something else, contradicted, or in an earlier sentence
    ("claim denied want to kill myself", SUICIDE),
    ("PIP denied again i want to end my life tonight", SUICIDE),
    ("denies SI, took 20 paracetamol an hour ago", SUICIDE),
    ("she denies it but she has the pills and says she wants to die", SUICIDE),
    ("He denied being suicidal. Now he says he is going to kill himself", SUICIDE),
]

LEAVES_ALONE = [
    # negation
    ("I'm not suicidal, just exhausted", "negated"),
    # a denial straight before the phrase, as call handlers note it
    ("caller says not coping since bereavement crying all the time denies suicidal thoughts", "negated"),
    ("denied any thoughts of self harm or suicide, wants counselling details", "negated"),
    ("Mum is low but denies having any plans to end her life", "negated"),
    ("I would never kill myself, I just need someone to talk to", "negated"),
    ("I don't want to die, I want things to get better", "negated"),
    # fiction, study, campaigns
    ("is there a suicide prevention course for volunteers", "study"),
    ("my son is writing an essay about self-harm for school", "study"),
    # everyday exaggeration about trivial things
    ("my wife is going to kill me when she sees the credit card bill", "trivial"),
    ("mum's going to kill me, I forgot her birthday", "trivial"),
    # told as past
    ("I was being beaten as a child and it still affects me", "past"),
    # idioms and ordinary words
    ("this traffic is killing me", None),
    ("my phone is dead again", None),
    ("I could murder a curry", None),
    ("I want to get shot of this old sofa", None),
    ("overdose of chocolate at Christmas", None),
    ("I cut myself shaving", None),
    ("I want to take my life in a new direction", None),
    ("I want to dye my hair", None),
    ("the bridge club meets on Tuesdays", None),
    ("I took my son to school", None),
    ("the roof collapsed in the storm", None),
    ("the council website is not responding", None),
    ("my friend was stabbed last year and I worry about my son", None),
    ("I was raped years ago and never told anyone", None),
    ("he punches walls but he hasn't hit me", None),
    ("I'm not going to hurt myself, I'm just anxious", "negated"),
    ("the kids were killing themselves laughing", None),
    ("his drinking is going to kill him one day", None),
    ("my friend OD'd last year and I want to get clean", "past"),
    ("how much is a samurai sword", None),
    ("I'm in danger of losing my flat", None),
    ("my dad was hit by a car years ago and still struggles", "past"),
    # a suicide or self-harm phrase told as a past event, now resolved
    ("my sister tried to take her own life two years ago and she's doing much better now, how can I support her", "past"),
    ("I've been self-harm free for 18 months and would like to help at a youth group", "past"),
    ("my son has a history of self harm but he's stable now, are there any youth clubs nearby", "past"),
    ("I overdosed in 2021 and I'm in recovery now, can I volunteer at a drop-in", "past"),
    ("my friend was suicidal last year but she's had therapy and she's thriving now", "past"),
]


@pytest.mark.parametrize("text,intent", CATCHES)
def test_catches_crisis_language(text, intent):
    result = check(text)
    assert result.finding is not None, f"missed: {text!r}"
    assert result.finding.intent == intent, f"{text!r} -> {result.finding}"


@pytest.mark.parametrize("text,why", LEAVES_ALONE)
def test_leaves_non_crisis_alone(text, why):
    result = check(text)
    assert result.finding is None, f"false alarm on {text!r}: {result.finding}"
    if why == "negated":
        assert any(s["reason"] == "negated" for s in result.set_aside)
    elif why == "study":
        assert any("study" in s["reason"] for s in result.set_aside)
    elif why == "trivial":
        assert any("trivial" in s["reason"] for s in result.set_aside)
    elif why == "past":
        assert any("past" in s["reason"] for s in result.set_aside)


def test_a_negation_does_not_hide_a_second_crisis_phrase():
    result = check("I'm not suicidal but I've taken all my pills")
    assert result.finding and result.finding.intent == SUICIDE
    assert result.finding.pattern == "taken-pills"
    assert result.set_aside and result.set_aside[0]["reason"] == "negated"


@pytest.mark.parametrize("text", [
    "my ex turned up at the hostel, i don't know how he found me, he's outside",
    "I can't believe he found me, he's outside the flat now",
    "dont understand how he found me. hes outside the door",
])
def test_a_negation_of_knowing_is_not_a_negation_of_the_danger(text):
    result = check(text)
    assert result.finding and result.finding.intent == DANGER, result.set_aside


def test_reports_which_pattern_matched_and_the_words():
    result = check("My partner said he'd kill me if I left").as_dict()
    assert result == {**result, "fired": True, "intent": DANGER, "pattern": "threat-to-kill"}
    assert "kill me" in result["matched"]


def test_empty_and_huge_input():
    assert check("").finding is None
    assert check(None).finding is None
    huge = "the bins were late again. " * 4000 + "I want to end my life"
    assert check(huge).finding.intent == SUICIDE


def test_normalise_fixes_one_slip_in_long_crisis_words_only():
    assert normalise("himslef") == "himself"
    assert normalise("breating") == "breathing"
    assert normalise("I want to dye") == "i want to dye"  # short words are never "corrected"
    assert normalise("Curly \u2019quotes\u2019") == "curly 'quotes'"


def test_pattern_ids_are_unique():
    ids = [p.id for p in PATTERNS]
    assert len(ids) == len(set(ids))


# --- Every pattern, family by family -----------------------------------------------------
# For each reviewed pattern: messages it must catch (checked against that pattern's own
# regex, so each one earns its place, and against the whole check, so the intent is right)
# and near misses it must leave alone (checked against the whole check: no crisis at all).
# Wording is written for these tests: varied, with the slips and text-speak people use.
FAMILIES = {
    # -- checked first: a small child or a threat to kill someone and then themselves --
    "small-child-swallowed": (
        ["my child has swallowed bleach", "my toddler has swallowed a button battery",
         "the baby drank some bleach from under the sink",
         "my 2 year old ate some of my tablets",
         "my little boy got into the dishwasher tablets and swallowed one"],
        ["my toddler ate a crayon, is that ok",
         "my toddler took his medicine fine this morning",
         "the baby swallowed some bathwater",
         "my little one has eaten all her tea"]),
    "murder-suicide-threat": (
        ["he says he's going to kill himself and me",
         "she's threatening to kill the kids and then herself",
         "he keeps saying he'll kill us then himself"],
        ["he says he's going to kill himself laughing at that film",
         "he'd kill for a pint and so would I",
         "my kids kill themselves laughing at his jokes"]),
    "swallowed-battery": (
        ["my son has swallowed a battery",
         "she ate a magnet from the fridge",
         "he's swallowed a washing pod"],
        ["where do I recycle batteries",
         "my son swallowed a fruit pip",
         "can I put washing pods in the bin"]),

    # -- suicide: direct words and their slips --
    "suicide-word": (
        ["I feel suicidal", "having suicdal thoughts again", "my brother attempted sucide",
         "I'd be suicidal if I lost this flat too"],
        ["is there a suicide prevention course for volunteers",
         "a suicide bomber was in the news",
         "the film is about suicide",
         "cycling on that road at night would be suicide", "my daughter says a packed lunch is social suicide", "are suicide doors legal on a classic car", "the suicide rate among farmers is in the news again, is there support for them", "suicide squeeze play explained for my baseball club"]),
    "suicide-slang": (
        ["kms", "i wanna unalive myself", "thinking about sewerslide"],
        ["the sewer is blocked by the slide in the park", "unanimous vote at the council meeting", "is the leisure centre open"]),
    "kill-self": (
        ["I am going to finish myself tonight", "I want to kill myself", "he keeps talking about killing himself", "i'm going to kil myslef"],
        ["I'm going to finish my tea and then call", "the kids were killing themselves laughing",
         "I almost killed myself on that icy pavement",
         "I'm not going to kill myself, I just need to talk", "the app keeps killing itself when I open the bin calendar", "the toddler could hurt itself on that broken gate"]),
    "kill-meself": (
        ["i'm gonna kill meself", "honestly could kill meself tonight", "i want to killl meself"],
        ["I'm not gonna kill meself over a parking ticket", "my mum says I'll kill meself laughing", "where's the tip"]),
    "kill-self-slang": (
        ["I'm going to top myself", "thinking of topping myself tbh", "i'll just off myself",
         "gonna neck myself tonight", "I want to delete myself", "I'll do myself in"],
        ["I topped myself up with phone credit",
         "I need to take the pressure off myself",
         "I'm gonna delete myself from the mailing list",
         "I did myself in at the gym yesterday"]),
    "kill-me-first-person": (
        ["I want to kill me", "i will finish me tonight", "my life I want finish"],
        ["the stairs will kill me", "I want to finish my degree", "my boss will kill me if I'm late"]),
    "end-life": (
        ["i'm going to end my life tonight", "she wants to take her own life",
         "I want to finish my life", "I want to put an end to my life"],
        ["I want to take my life in a new direction",
         "I'm taking my life back after the divorce",
         "how do I end my life insurance policy"]),
    "end-it-all": (
        ["i want to end all", "I'm going to end it all", "my mate keeps talking about ending it all", "just want to end it all tonight"],
        ["I want to end all the arguments with my neighbour", "I'm not going to end it all, I promise", "the series ends it all with a twist", "when do the bins go out"]),
    "end-things": (
        ["I've been thinking about ending things", "I want to end everything",
         "I'm going to put an end to it all", "i just want to put an end to everything"],
        ["I want to end things with my boyfriend, he's controlling",
         "I'm ending things with him tonight and need somewhere to stay",
         "we need to put an end to this anti-social behaviour"]),
    "end-it-intent": (
        ["I feel like ending it", "tonight i end it", "I'm going to end it tonight", "i just want to end it", "I'm planning to end it this weekend",
         "I'm going to end it, I can't do this any more", "I'm going to put an end to it tonight"],
        ["I feel like ending it with him, he's so controlling", "I want to end it with him but I'm scared",
         "I've decided to end it, he cheated on me",
         "I want to put an end to it, the noise is constant",
         "I'm going to end it with my partner, where can I stay"]),
    "end-the-pain": (
        ["I just want to end the pain for good", "I want to end my suffering",
         "I need to stop this pain once and for all"],
        ["how do I end the pain in my back",
         "the physio said the exercises will stop the pain",
         "I want to end my suffering with this landlord"]),
    "want-to-die": (
        ["I want to die", "i wna die", "i want 2 die", "my 15 year old says she wants to die", "i want to dead"],
        ["my phone's about to die",
         "I'm going to die of boredom in this queue",
         "I'm gonna die if I have to wait another hour",
         "I want to dye my hair"]),
    "wish-dead": (
        ["I wish I was dead", "I wish I'd never been born", "i wish i didn't exist",
         "I wish I could just die", "I hope I die in my sleep"],
        ["I wish I was born somewhere else",
         "I wish he was here to see the kids grow up",
         "I could just die of embarrassment"]),
    "not-want-to-live": (
        ["i dont wana be here no more", "cant be bothered to live anymore", "I don't want to live any more", "dnt wanna live anymore", "I don't want live",
         "he doesn't want to be alive", "I don't want to live in this world anymore"],
        ["I can't be bothered to live in this dump much longer, when's my transfer", "I don't want to live here anymore because of the noise",
         "I don't want to live with my mum anymore",
         "I don't want to live near the airport"]),
    "unsure-to-live": (
        ["I'm not sure I want to live anymore", "I don't know if I want to go on",
         "not sure if i wanna to carry on"],
        ["I'm not sure I want to live in Norwich", "I don't know if I can go on the trip", "not sure if the tip is open"]),
    "no-point-living": (
        ["there's no point in going on", "I have nothing to live for",
         "there's nothing left for me to live for", "no reason to carry on living"],
        ["there's no point in going on the website, it's broken",
         "there's no point living in hope with this landlord",
         "what is there to do for kids at half term"]),
    "not-worth-living": (
        ["life isn't worth living", "my life is not worth living anymore", "my life feels pointless",
         "life's not worth it"],
        ["is the new leisure centre worth visiting", "life is tough at the moment with money",
         "the trip isn't worth it"]),
    "weary-of-life": (
        ["I'm so tired of living", "sick of being alive", "I'm tired of life.", "I'm done with life",
         "honestly I'm done living", "fed up of life, I really am"],
        ["I'm tired of living in this damp flat",
         "I'm sick of living next to these neighbours",
         "I'm done living in fear of him, I want to leave",
         "I'm fed up of life in this town with nothing to do"]),
    "no-future": (
        ["I don't see a future for myself", "honestly cant see any future for myself anymore",
         "I can't see the point any more", "i dont see the point in living anymore",
         "i just cant see a reason to keep going"],
        ["I can't see a future for the high street",
         "I can't see a future for me in this job",
         "I can't see the point of the new bin rules",
         "I don't see the point in recycling if it all goes to landfill"]),
    "disappear-forever": (
        ["i wish i could just disapear forever", "I want to disappear forever", "I just want to disappear for good", "I want to stop existing",
         "I want to leave this world", "I'm ready to go forever"],
        ["the stain should disappear for good after a wash", "I want to leave this world a better place for my grandchildren",
         "I want to leave this life behind and start again somewhere new",
         "I just want to disappear for a bit, I'm so stressed",
         "the library service will cease to exist next year"]),
    "thinking-of-dying": (
        ["I can't stop thinking about dying", "i think about dying every day",
         "I keep having thoughts of killing myself"],
        ["I'm thinking about dying my hair blue",
         "I'm not thinking about dying, I'm thinking about my rent",
         "she's thinking of dying her hair for the wedding"]),
    "why-live": (
        ["what's the point in living", "why should i carry on living", "whats the point of even being alive"],
        ["what's the point of living in the town centre with the noise",
         "what's the point in recycling",
         "why should I carry on paying for this"]),
    "rather-be-dead": (
        ["i'd rather be dead", "I would rather not be alive", "I'd rather die than live like this"],
        ["I'd rather die than go back to that school",
         "I'd rather be dead tired than bored",
         "I'd rather die of embarrassment than ask him"]),
    "better-off-dead": (
        ["everyone would be better off without me", "I'd be better off dead",
         "my family would be happier without me", "I've been thinking I'd be better off not existing"],
        ["the team will be better off without the old system",
         "we'd be better off with a bigger bin",
         "I'm better off now I've moved"]),
    "cant-go-on-living": (
        ["I can't go on living like this", "i cant keep living", "cannot go on living with this pain"],
        ["I can't go on the trip", "we can't keep the living room warm", "can't go on holiday this year"]),
    "despair-farewell": (
        ["I can't do this anymore. Goodbye", "I can't take it any more, tell my kids I love them",
         "cant do this anymore im sorry for everything", "I can't go on anymore. bye everyone",
         "I can't cope with life anymore and want it to be over"],
        ["I can't do this any more, the noise from next door every night",
         "we can't live like this any more with the damp and mould",
         "I'm done, goodbye",
         "I can't cope with the noise anymore, can you help"]),
    "despair-then-act": (
        ["I'm done. I'm going to do it tonight", "I can't take this anymore, I'll do it today",
         "I've had enough, gonna do it tonight"],
        ["I'm done with the form, I'll do it tomorrow properly",
         "I've had enough of the bins, I'll report it tomorrow",
         "I can't do it tonight, can I do it tomorrow"]),

    # -- self-harm --
    "self-harm-word": (
        ["I've been self-harming again", "my son is self harming", "I relapsed with self harm last night"],
        ["my son is writing an essay about self-harm for school",
         "is there self-harm awareness training for teachers",
         "I'm self-employed and need help with council tax"]),
    "harm-self": (
        ["I want to hurt myself", "I keep burning myself with a lighter", "my daughter burns herself",
         "I feel like harming myself", "he's been starving himself"],
        ["she hurt herself falling off her bike", "I cut myself shaving", "I burnt myself with the iron this morning",
         "I burnt myself cooking tea", "I'm starving myself of sleep with the baby"]),
    "cutting-arms": (
        ["I keep cutting my wrists", "I'm going to slit my throat", "I want to cut my veins",
         "she's been slashing her thighs"],
        ["the barber cut my neck by accident",
         "I cut my hand on a tin",
         "my son is cutting his own hair"]),
    "cutting-again": (
        ["I've started cutting again", "I cut again last night", "I've been cutting for months",
         "the urge to cut is really bad tonight"],
        ["we've been cutting back on heating",
         "my son has been cutting grass for extra money",
         "I keep cutting my hand on the tin cans in the recycling"]),
    "covered-in-cuts": (
        ["my arms are covered in cuts", "my wrists are covered in scars", "I've got fresh cuts on my arms",
         "her legs are covered in scars from cutting"],
        ["my arms are covered in cuts from the brambles",
         "my arms are covered in paint from decorating",
         "my legs are covered in bruises from football"]),
    "cut-too-deep": (
        ["I've cut too deep", "i cut myself way too deep", "she's cut really deep this time"],
        ["the council cut too deep into the budget",
         "the roots go really deep",
         "I cut the hedge right back"]),
    "hurt-body-on-purpose": (
        ["I've been burning my arms with cigarettes", "I hit my head on purpose to feel something",
         "I've carved words into my arm", "she scratches her skin with a compass"],
        ["I burnt my hand on the kettle", "I hit my head on the cupboard",
         "I carved my initials into the bench as a kid"]),
    "do-something-to-self": (
        ["I'm scared I'll do something to myself", "I'm scared I'm going to do something stupid",
         "i feel like i'm going to do something stupid", "worried he'll do something to himself"],
        ["I'm scared I'll do something wrong on the form",
         "I'm worried I'll do something stupid like quit my job",
         "I did something to my back lifting boxes"]),
    "method-self": (
        ["I'm thinking about poisoning myself", "she tried to strangle herself", "I want to drown myself",
         "i'm going to gas myself"],
        ["I'm poisoning myself with all this junk food lol",
         "I could strangle myself for forgetting",
         "I'm drowning myself in work"]),
    "overdose": (
        ["I've overdosed", "my mum has taken an overdose", "i overdosed on my insulin", "I've taken an od"],
        ["overdose of chocolate at Christmas",
         "my friend OD'd last year and I want to get clean",
         "I could just die, I wore odd shoes to the interview"]),
    "taken-pills": (
        ["i'm gonna take every pill in the house", "I took my whole prescription", "took all my anti depressants", "I took a load of pills", "I've swallowed about 30 of my sertraline", "took like 20 paracetamol",
         "I took two boxes of paracetamol", "ive took 16 tablets", "i've injected all my insulin"],
        ["I took my whole prescription to the pharmacy to be checked", "I took a tablet for my hay fever", "I took 2 paracetamol for my headache",
         "I have to take 10 tablets every morning",
         "I've taken all my tablets today like the doctor said",
         "I took a load of old medicines to the pharmacy to dispose of them",
         "I injected 10 units of insulin before tea"]),
    "saving-pills": (
        ["I've been stockpiling my meds", "I've saved up 40 tablets", "i've got enough pills saved to do it",
         "I have been collecting paracetamol for weeks"],
        ["I'm collecting my tablets from the pharmacy",
         "I'm saving up for a holiday",
         "I've been stockpiling food for winter"]),
    "drank-poison": (
        ["I drank bleach", "I've swallowed weedkiller", "my husband drank antifreeze", "i've drunk some bleach"],
        ["the bleach has stained my carpet",
         "where do I buy weed killer for the allotment",
         "can I put bleach in the recycling"]),
    "drink-and-pills": (
        ["I've drunk a bottle of vodka and taken my sleeping pills", "I mixed my pills with vodka",
         "washed them down with a bottle of wine", "I've taken my tablets with a bottle of wine"],
        ["is it safe mixing ibuprofen and alcohol",
         "can I drink alcohol with my antibiotics",
         "I washed my tablets down with a drink of water"]),
    "drowsy-after-pills": (
        ["I can't stay awake after taking my tablets", "can't keep my eyes open, I took all my pills",
         "i cant stay awake since i swallowed everything"],
        ["I can't stay awake after taking my new antidepressants, is that normal",
         "I can't stay awake at work",
         "my son can't stay awake in class"]),
    "hang-self": (
        ["I'm going to hang myself", "he tried to hang himself", "i've made a noose"],
        ["he's hanging the pictures up", "she's hanging out the washing", "I'm hanging on the phone for ages"]),
    "ligature": (
        ["I've tied a rope round my neck", "i tied a belt around my neck",
         "there's a belt round his neck in his room", "she put a cord around her neck"],
        ["she wrapped a scarf around her neck because it was cold",
         "the rope was tied around the tree for the swing",
         "I put the lanyard around my neck for work"]),
    "found-hanging": (
        ["I found my brother hanging", "I've just found him hanging in the garage",
         "found my son hanging in his room"],
        ["I found him hanging around the shops", "found her hanging out the washing",
         "I found my dad hanging when I was 12 and still have nightmares"]),
    "jump-off": (
        ["I'm going to jump off a bridge", "I'm about to jump off the Orwell bridge",
         "I want to jump out of the window", "my boyfriend is threatening to jump off the car park"],
        ["my son keeps jumping off the garage roof",
         "the film ends with him jumping off a bridge",
         "the kids keep jumping off the harbour wall in summer"]),
    "about-to-jump": (
        ["my son is on the roof saying he'll jump", "i'm going to jump in the river", "my son is threatening to jump", "there's a man on the bridge about to jump", "I'm going to jump",
         "he's trying to jump into the river"],
        ["he'll jump at the chance of a council flat", "I'm going to jump in the river for the charity swim", "I'm going to jump in the shower then call you back",
         "trying to jump the queue for housing",
         "I'm ready to jump ship to another energy supplier",
         "we're gonna jump in the car and come to the office"]),
    "goodbye-note": (
        ["I've written a suicide note", "I've written my goodbye letters",
         "I've left a letter for my mum explaining why I did it"],
        ["I wrote a letter to the council about the trees",
         "I left a note for the postman",
         "I've written a letter to my MP"]),
    "not-wake-up": (
        ["I hope I don't wake up", "I wouldn't care if I didn't wake up tomorrow",
         "I don't care if I live or die", "I couldn't care less if I died tomorrow"],
        ["I don't care if I die my hair blue",
         "I hope I don't wake up the baby",
         "I wouldn't mind if I won the lottery"]),
    "hope-killed": (
        ["I wish a bus would hit me", "I hope I get hit by a car", "praying a lorry runs me over"],
        ["I hope the bus doesn't hit the bollard again",
         "I wish the bus would come on time",
         "my son got hit by a ball at football"]),
    "burden": (
        ["I'm just a burden to my family", "it'd be easier for everyone if I was gone",
         "I feel like a burden on everyone"],
        ["the council tax is a burden on pensioners",
         "a burden of proof question about my parking fine",
         "I'm not a burden, I'm a carer"]),
    "not-around-long": (
        ["I won't be around much longer so it doesn't matter", "I won't be alive by morning",
         "this time tomorrow I'll be dead",
         "I've given my dog to my sister because I won't be around to look after him", "honestly I won't be here by the weekend so it doesn't matter", "cancel it, I won't be around by friday"],
        ["I won't be around to look after my mum next week because I'm in hospital",
         "I'll be around tomorrow if you need me",
         "I won't be here for the bin collection", "I won't be here by Friday because I'm moving to my sister's", "won't be around by then, I'm on holiday till the 20th"]),
    "goodbyes": (
        ["goodbye cruel world", "I've said my goodbyes", "this is goodbye",
         "my friend sent me a message saying goodbye and now she won't answer",
         "I want to say goodbye to everyone", "my cousin put see you on the other side on his story and hasn't replied since", "she said goodbye to me last night and has not answered her phone all day"],
        ["this is my final message on the matter",
         "we said goodbye to our old councillor at the meeting",
         "thanks for your help, goodbye", "my manager said see you on the other side of christmas", "see you on the other side, lads, safe travels to Spain"]),
    "last-message": (
        ["this is my last message", "this will be my last text",
         "by the time you read this i'll be gone", "this is the last time you'll hear from me",
         "i'm saying goodbye", "I've left a note for my family", "tonight is the night I do it"],
        ["this is my last message to the council about potholes before I go to the ombudsman",
         "this is my last week in the flat before I move",
         "I've left a note for the bin men",
         "tonight's the night of the quiz"]),
    "tell-them-i-love": (
        ["please tell my children i love them", "tell my mum I'm sorry", "please tell my wife i love her"],
        ["tell my landlord I'm sorry the rent is late",
         "can you tell my landlord I'm sorry about the rent",
         "please tell my caseworker I'm sorry I missed the appointment"]),
    "giving-away": (
        ["I'm giving away all my things because I won't need them",
         "I've given my stuff away before I go",
         "giving away my belongings, won't be needing them"],
        ["I'm giving away my old sofa, can the council collect it",
         "giving my things to charity before the move",
         "where can I give away baby clothes"]),
    "method-seeking": (
        ["she's researching ways to end it", "i'm googling painless ways to die",
         "how many paracetamol would kill me", "I've bought a rope and I know where I'm going to do it"],
        ["I'm researching ways to end my tenancy early",
         "how many paracetamol can I take in a day",
         "I bought rope to tie down the trampoline in the wind"]),
    "plan-and-place": (
        ["i'm gonna run into traffic", "I'm standing on the bridge", "i'm going to walk in front of a train",
         "i'm going to step out in front of a lorry", "I'm stood on the Humber bridge"],
        ["we're going to run into town later", "I'm going to run under the railway bridge to the shop",
         "we walked to the bridge and back with the dog",
         "the bridge club meets on Tuesdays"]),
    "at-the-edge": (
        ["i'm standing on the edge", "my girlfriend is on the bridge and won't come down", "I'm on the ledge", "I'm on the train tracks", "I'm sitting on the edge of the cliff",
         "I've climbed over the railings on the bridge", "he's on the wrong side of the barrier"],
        ["my cat is on the roof and won't come down", "I'm sitting on the edge of my seat", "I live next to the railway tracks and the trains are loud",
         "I'm on the edge of my seat waiting for the decision",
         "I'm on the train to Norwich"]),
    "went-there-to": (
        ["I went to the bridge to jump but couldn't do it", "I'm walking to the river to end it",
         "drove up to the cliffs to do it"],
        ["we walked to the bridge to see the fireworks",
         "I'm going to the river to do some fishing",
         "the kids went to the woods to play"]),
    "drive-into": (
        ["I'm going to drive my car into a wall", "I want to crash my car on purpose",
         "thinking about driving into a lorry", "had a few drinks and I'm going to drive it off the road", "want to drive off the edge of the quay tonight"],
        ["I'm going to drive into town later",
         "someone crashed into my car in the car park",
         "I'm thinking about driving to the tip", "I'm going to drive off the road and park up to answer the phone", "the bus driver had to drive off the road onto the verge"]),
    "gassing": (
        ["I've got a hosepipe from the exhaust into the car", "I've lit a disposable bbq in the car",
         "he's got a tube on the exhaust", "turned the oven on and taped up the windows", "shut all the doors and put the gas on", "his car engine's running in the locked garage"],
        ["the exhaust on my car is blowing", "can I have a bbq in the park",
         "we lit the charcoal in the garden", "I turned the gas on low and opened the windows to cook", "closed the windows and put the heating on, it's freezing", "can I leave the engine running in the garage to warm it up in winter"]),
    "means-ready": (
        ["i've got the pills in front of me", "the rope is ready for tonight", "I've lined up all my pills", "the tablets are laid out ready to use", "got 4 packets of paracetamol here and i'm starting now", "two boxes of my sleeping tablets and I'm going to take them tonight"],
        ["I've got the form in front of me", "my tablets are ready to collect from the pharmacy",
         "the rope swing is ready for the kids",
         "my dosette box is sorted for the week", "I have 3 boxes of tablets to collect from the pharmacy tonight", "the packets of ibuprofen are in the cupboard if you need them now"]),
    "stop-treatment-to-die": (
        ["I'm going to stop taking my insulin and let it happen",
         "I've stopped taking my heart tablets so I can die",
         "she's stopped taking her meds to end it"],
        ["I stopped taking my tablets because of the side effects",
         "I want to stop taking my medication, who do I ask",
         "my mum stopped taking her pills and the GP is worried"]),
    "join-the-dead": (
        ["i want to be with my mum in heaven", "my husband passed away and I just want to be with him",
         "since mum died I want to join her",
         "lost my son and I want to be with him"],
        ["my mum is in heaven now and I miss her", "my wife passed away last year and I'm lonely",
         "I lost my son and I'm struggling",
         "my friend died and I want to join a bereavement group"]),
    "nobody-would-miss": (
        ["no one cares if i live or die", "nobody would miss me", "no-one would even notice if i disappeared", "no one will miss me"],
        ["no one cares if I park on the verge", "no one would notice if the bins weren't collected",
         "nobody will notice the pothole until someone crashes",
         "nobody would miss this bus route if it was cut"]),
    "all-over-soon": (
        ["it'll all be over soon", "i just want it all to end", "I want the pain to stop forever",
         "I want to go to sleep forever"],
        ["I could sleep forever",
         "I want the roadworks to end",
         "the roadworks will all be over by Friday"]),
    "hurt-until": (
        ["I scratch my arms until they bleed", "i scratched my arms till they bled",
         "he bangs his head against the wall until it bleeds"],
        ["I scratched my arm on the brambles",
         "my eczema itches until I can't sleep",
         "I hit my head on the door frame"]),
    "cuts-on-body": (
        ["she has cuts all over her arms", "I found cuts on my son's legs... cuts on his legs",
         "there are cuts up her wrists"],
        ["I've got a cut on my arm from the garden",
         "cuts to the library budget",
         "the council cuts are hurting my family"]),
    "blade-on-self": (
        ["I've got a razor and I'm going to use it on myself",
         "he's holding a knife on himself",
         "i keep a blade to use on myself"],
        ["I used a razor on my legs",
         "the knife block is on the side",
         "I need a new blade for the lawnmower"]),
    "worked-out-how": (
        ["I've planned exactly how I'll do it", "I've worked out when I'm going to do it",
         "I've decided where to end it"],
        ["I've worked out how to pay the bill",
         "I've planned how I'll get to the appointment",
         "I've decided where to go on holiday"]),

    # -- immediate danger --
    "in-danger": (
        ["we are in danger", "I fear for my life", "I'm scared for my kids' lives", "our lives are in danger"],
        ["I'm in danger of losing my flat",
         "the bridge looks dangerous",
         "I fear for my job"]),
    "help-he-will-kill": (
        ["please help, he's going to kill me", "help she'll kill me", "help me they will kill us"],
        ["help, my bin has been stolen", "can you help me with my rent", "help me find a dentist"]),
    "he-will-kill": (
        ["he's got my son and says he'll hurt him", "he'll kill me", "he said he will kill me when he gets home", "she's gonna kill my kids"],
        ["she'll hurt her back lifting that", "she'll kill me when she sees the mess",
         "he'll kill me if I'm late again",
         "his drinking will kill him one day"]),
    "never-see-alive": (
        ["he says I'll never see the kids alive again", "you'll never see her alive again he said",
         "I'll never see my son alive again"],
        ["I'll never see that money again", "we never see the bin men", "I never see my neighbours"]),
    "hit-by-vehicle": (
        ["my son's just been knocked down by a car", "I've been hit by a car", "someone's been run over",
         "a child has just been hit by a car"],
        ["my dad was hit by a car years ago and still struggles",
         "my car was hit while parked",
         "my son's been knocked out of the cup"]),
    "going-to-kill-me": (
        ["he's coming back to finish me off", "he's going to kill me", "he's coming to kill me", "i'm scared he's going to kill me tonight",
         "my dad is threatening to hurt my mum"],
        ["this hill is going to finish me off", "my wife is going to kill me when she sees the credit card bill",
         "the damp is going to kill my kids one day if the landlord doesn't fix it",
         "my dad's going to kill me when he sees the dent"]),
    "threat-to-kill": (
        ["My partner said he'd kill me if I left", "he's threatening to slit my throat",
         "he said he'd cut my throat", "he says he'll burn the house down", "her husband says he will kill them all tonight", "the gang outside are shouting they'll torch the flat"],
        ["he said he'd kill me if I scratched his car",
         "my mum said she'd kill me if I was late again",
         "she threatened to report me to the council", "the kids next door are shouting they'll kill each other at football again", "he said he will kill them all at the quiz tonight"]),
    "weapon-here": (
        ["he's got a knife and he's in the kitchen", "there's a man with a gun outside",
         "a machete, he's waving it at us", "three men at my door with a baseball bat telling me to leave now or else"],
        ["the knife block is in the kitchen",
         "the knife crime in this area is awful",
         "he's got a gun licence for shooting pheasants", "does the council collect an old baseball bat with the bulky waste or else where do I take it"]),
    "weapon-here-before": (
        ["he's outside with a baseball bat", "he's pointing a gun at me", "she came at me with a knife", "he's outside with a machete", "there's a man on the bus pointing what looks like a gun at the driver", "bloke outside the chippy waving a pistol about"],
        ["my son is outside with a bat and ball", "he's holding a party", "she's pointing at the map", "he's waving at the bin men", "my son is pointing a water pistol at the cat again", "my grandson keeps pointing his toy gun at the telly"]),
    "weapon-got": (
        ["he's got a knife", "she's grabbed a knife", "my ex has pulled out a gun"],
        ["my son's got a knife in his room, what do I do",
         "he grabbed a knife and fork and started eating",
         "he's got a knife crime conviction"]),
    "has-weapon-now": (
        ["my husband hit me and now he has knife", "and now she's got a knife", "he has gun"],
        ["my son is 16 and he has a knife in his room, is that legal",
         "now he has a new job he's happier",
         "and now they've got a knife crime unit in town"]),
    "armed-person-here": (
        ["there's a man with a knife", "there's a gang with machetes in the park",
         "a man has a gun in the shop"],
        ["there's a man with a dog in the park every morning",
         "there's a group of kids with bikes outside my house",
         "a man has a van parked on my drive"]),
    "stabbed-shot": (
        ["someone stabbed me", "I've just been stabbed", "my friend has been stabbed", "there's been a stabbing outside my house",
         "i've been shot"],
        ["I got shot at with a water pistol lol", "he shot me a dirty look", "my friend was stabbed last year and I worry about my son",
         "I want to get shot of this old sofa",
         "was there a shooting in town last year",
         "my nephew got shot in the ear with a nerf dart gun at the party"]),
    "being-attacked": (
        ["I've been attacked and I'm bleeding", "i'm being choked", "I'm being attacked", "help i'm being raped", "my son is being beaten up outside"],
        ["I've been attacked online and I'm upset", "I'm being hit with fees from the letting agent", "I was being beaten as a child and it still affects me",
         "my son is being bullied",
         "the council is being attacked in the papers"]),
    "beat-me-now": (
        ["she's hitting me right now", "he's kicking my dad now", "they're beating us at the moment"],
        ["he used to hit me", "my kids fight all the time", "we're beating them 2-0 right now"]),
    "throwing-things": (
        ["he's throwing things at me", "she's drunk and throwing plates at us",
         "they're smashing bottles at the kids", "lads are throwing bricks at our house and my baby is inside", "someone is throwing rocks at me from the bridge"],
        ["he's throwing things away", "the kids are throwing stones at the bins", "she's throwing a party", "kids are throwing rocks at my windows every night, can the council do anything", "they're throwing bricks at the wall for the demolition"]),
    "getting-violent": (
        ["he's getting violent", "I'm trapped", "we're trapped in the flat with him"],
        ["I feel trapped in my marriage",
         "I'm trapped in my flat because the lift is broken",
         "we're trapped behind a parked car and can't get out"]),
    "collapsed": (
        ["my housemate has collapsed", "my nan has collapsed", "an old man has collapsed outside", "my mum is unresponsive",
         "she isn't responding to me"],
        ["my ceiling has collapsed after the leak", "my phone is not responding and I can't call", "the roof collapsed in the storm",
         "the council website is not responding",
         "the deal collapsed"]),
    "blood-everywhere": (
        ["there's blood everywhere", "there's blood all over the floor", "blood pouring from his head"],
        ["I'm giving blood at the town hall", "a blood test at the GP", "the film had blood everywhere",
         "the zombie walk needs fake blood all over our costumes"]),
    "child-grabbed": (
        ["someone took her, she was just by the swings", "a man just snatched a child from the playground", "someone has taken my daughter from the park",
         "a man grabbed my son outside school"],
        ["someone took her purse on the bus", "my ex has taken my son to his mum's for the weekend",
         "the social have taken my child into care, can I appeal",
         "the dog grabbed a toy"]),
    "bundled-into": (
        ["a girl is being dragged into a car", "a man bundled a woman into a van", "I'm being held against my will", "my daughter's been kidnapped",
         "i'm being held and can't get out", "he's locked me in and won't let me out", "a man is dragging a girl into the alley and she's screaming", "two blokes pulling a teenager towards the woods, he's crying"],
        ["my car is being towed into the pound", "I was kidnapped as a child and have flashbacks",
         "he locked the gate and I can't get out of the car park",
         "I'm being held up at work, I'll be late", "dragging the bins into the alley is hard with my back", "pulling a kid into the pool on a float at the swimming lesson"]),
    "armed-group-here": (
        ["there's a fight outside with knives", "lads in the street with machetes",
         "people at the door with weapons"],
        ["there were lads in the street with scooters", "outside the school with leaflets",
         "in the garden with the kids"]),
    "breaking-in": (
        ["someone is trying to kick my door in", "someone is breaking in", "my ex is breaking into my house", "he's smashing the door down",
         "they're kicking my door in"],
        ["I'm trying to kick the habit", "my son is breaking the door handle again",
         "they're breaking in the new horse at the farm",
         "someone broke into my car last night"]),
    "door-smashed": (
        ["he's smashed the door in", "he's just kicked the door down", "they've broken the window in"],
        ["he smashed the door in last year when he was drunk",
         "the kids broke the window in the bus shelter",
         "the wind smashed the window"]),
    "abuser-at-door": (
        ["my ex is outside my house", "he's at the door and he's drunk", "she's banging on the door"],
        ["the postman is at the door", "my parcel is outside my house", "the dog is at the back door"]),
    "abuser-coming": (
        ["he's coming for me and I'm terrified", "my ex is on his way round and I'm scared",
         "he's found where I live and he's outside", "my ex has turned up, he's not allowed near me",
         "he's outside and won't leave, I'm scared"],
        ["he's on his way over to fix the fence",
         "my ex is coming round to see the kids, can I have a support worker there",
         "they found where I live on the electoral roll, can I hide my address",
         "he's coming for me at five to take me to the hospital appointment"]),
    "attack-in-progress": (
        ["there's a man attacking a woman in the street", "a man is hitting a child in the park", "my neighbour is screaming and i think he's killing her", "he's strangling me", "my neighbour is beating his wife I can hear it", "he's pinning me down",
         "he's dragging me by my hair", "he's shaking the baby"],
        ["the smoke from next door's bonfire is choking me", "the noise is hurting me", "the kids are hitting a ball in the park", "there's a man beating a carpet in his garden", "she's killing them with kindness", "the hail is hitting my windows",
         "the bass is shaking my walls",
         "he's holding me back from my career",
         "he punches walls but he hasn't hit me",
         "the credit card debts are strangling us", "these loans are choking me, can anyone advise"]),
    "strangling": (
        ["he's got his hands round my neck", "he's got me by the throat", "he's got my throat",
         "he's just strangled me"],
        ["he wrapped a scarf around my neck for the cold, so sweet",
         "I slept funny and hurt my neck",
         "my neck is killing me"]),
    "not-breathing": (
        ["my dad isn't breathing", "she's not breathing.", "my baby won't wake up", "I can't wake my mum up",
         "his lips are going blue", "she's gone blue", "he's not responding", "my friend is unconscious"],
        ["he's not breathing a word about the money", "my mum is unconscious of how much she spends", "my face is blue in the photos", "I can't wake my son up for school in the morning",
         "can't breathe a word of this to anyone",
         "I can't breathe in this heat",
         "unconscious bias training for staff",
         "my son turned blue with cold waiting for the school bus"]),
    # A child choking on a sweet IS an emergency: a blocked airway needs back blows and 999
    # if they fail. Spluttering on a feed, or choking on bonfire smoke, is not.
    "choking": (
        ["she's choking on a sweet", "my son is choking on a grape", "my baby's choking", "he's choking"],
        ["the baby is choking on nothing, she's fine now", "the baby's choking on her milk sometimes, is that normal",
         "I'm choking on the smoke from next door's bonfire",
         "he's choking up when he talks about his dad",
         "the traffic is choking the town centre"]),
    "fitting": (
        ["my son is fitting and won't stop", "she's having a seizure", "she's having a fit",
         "my husband is having a seizure and it won't stop"],
        ["she's having a fit about the bins not being collected",
         "the baby is fitting perfectly into the clothes",
         "he's been fitting kitchens all week",
         "my daughter has seizures, can we get a blue badge"]),
    "medical-emergency": (
        ["my dad has had a heart attack", "my dad is having a heart attack", "I think mum's having a stroke", "my baby has gone floppy",
         "my throat is swelling up, allergic reaction", "my dad's just had a stroke and his face has dropped", "she's had a heart attack, the ambulance isn't here"],
        ["my husband had a heart attack in 2019", "I'm having a heart attack at these energy prices",
         "my dad had a heart attack last year",
         "the plants have gone floppy in the heat", "mum's had a stroke and lifting her is wrecking my back, can I get a carers assessment", "dad has had a heart attack in the past, is he entitled to a blue badge"]),
    "not-moving": (
        ["he's not moving", "my dad isn't moving and I can't wake him", "the baby has stopped moving"],
        ["my son isn't moving schools after all",
         "the queue isn't moving",
         "she's not moving house after all"]),
    "badly-hurt": (
        ["he's badly hurt", "someone has been seriously injured", "my brother's been in a crash and he's trapped"],
        ["I'm trapped in a contract with my energy supplier",
         "my feelings are badly hurt",
         "he was badly hurt in a fall years ago"]),
    "fallen-cant-get-up": (
        ["my dad fell down the stairs and isn't moving", "my mum has fallen and can't get up", "there's a man lying in the road not moving",
         "there's someone lying in the street", "there's a man lying on the grass by the bus shelter over there not moving", "my gran has been stuck on the kitchen floor since this morning"],
        ["my nan fell over in the shop, she's fine", "my grandma had a fall and broke her hip last year",
         "he's lying in bed all day and won't get up, I think he's depressed",
         "my neighbour is lying about the fence", "my son has been lying on the floor playing games all day", "my mum gets stuck in the bath sometimes, can we get a bath lift"]),
    "drowning": (
        ["there's a kid in the river", "someone is drowning in the river", "a child has fallen in the canal", "someone is in the river"],
        ["there's a kid in the river swimming every summer", "I'm drowning in debt",
         "my son is drowning in homework",
         "my son fell in the river last summer but he's fine now",
         "someone fell in the canal in the news"]),
    "small-child-alone": (
        ["there's a baby locked in a hot car", "a toddler is wandering alone by the main road",
         "a little boy is hanging out of a window", "there's a little girl on her own by the canal"],
        ["the kids next door are left alone a lot",
         "my toddler keeps climbing on the sofa",
         "can a 12 year old be left home alone"]),
    "locked-in-hiding": (
        ["I've locked myself in the bathroom", "I'm hiding under the bed", "we're hiding in the bedroom",
         "he's locked me in the bedroom"],
        ["I'm hiding in the library from the rain",
         "the kids are hiding in the garden playing hide and seek",
         "I locked my keys in the car",
         "I've locked myself out of the house"]),
    "sorry-to-whoever-finds": (
        ["please tell my sister I'm sorry for what she'll find", "sorry to whoever has to find me", "I'm sorry for what they are going to find in the morning"],
        ["sorry for what you'll find in the fridge, it's a mess", "I'm sorry for the state of the garden", "sorry to anyone who finds this post boring"]),
    "do-it-this-time": (
        ["this time I'm really going to do it.", "took the lot", "i've taken them all", "this time i will do it, i'm sorry"],
        ["this time I'm really going to do it, I've signed up for the 10k", "took them all to the tip yesterday", "I've taken them all back to the library"]),
    "vehicle-into-people": (
        ["a car has just ploughed into a crowd outside the station", "van drove into the queue at the bus stop, people are hurt", "someone just drove straight through a group of kids outside school"],
        ["the film where a van drives into a crowd is on tonight", "a car ran into the back of mine at the lights", "people keep driving into the kerb by the school gates"]),
    "people-trapped-under": (
        ["the ceiling's come down and someone's trapped", "the wall collapsed and there are kids underneath", "the scaffolding gave way and a man is stuck under it"],
        ["the garden wall collapsed last winter, who pays to rebuild it", "the shelf fell down and my books are under it", "the fence came down in the wind and the trampoline is under it"]),
    "on-fire": (
        ["my house is on fire", "there's a fire in my flat", "my kitchen's on fire",
         "the flat is full of smoke and I can't get out", "there's smoke coming under my front door",
         "fire in the building", "smoke is pouring from under the neighbour's door and she's not answering", "there's smoke coming out of her front door"],
        ["what should I do if there's a fire in my flat",
         "there was a fire at the recycling centre last month",
         "Norwich are on fire this season",
         "my legs are on fire after that run", "the smoke from next door's barbecue comes over the fence", "cigarette smoke coming through the vents from the flat below, who do I complain to"]),
    "arson-attack": (
        ["he's poured petrol through the letterbox", "he's threatening to set fire to the house",
         "he's poured petrol on the floor and says he'll light it"],
        ["I poured petrol in the lawnmower",
         "the kids set fire to the bins last week",
         "can I burn garden waste"]),
    "bleeding-badly": (
        ["he's bleeding badly", "it won't stop bleeding", "my friend is bleeding really heavily",
         "my mum fell and she's bleeding from her head"],
        ["my gums are bleeding when I brush",
         "my nose won't stop bleeding",
         "the company is bleeding money"]),
    "call-999": (
        ["call an ambulance", "please call the police for me", "I need an ambulance now",
         "can someone call the police please", "send help"],
        ["can you call the police about the noise next door",
         "I need the police non emergency number",
         "I need the police to take my statement",
         "should I call 999 or 101 for a burglary that happened last week"]),
    "screaming-for-help": (
        ["I can hear a woman screaming for help next door", "she's begging him to stop",
         "someone is shouting for help in the river"],
        ["the neighbours were shouting for hours last night",
         "my neighbour's kids are screaming in the garden all day",
         "I'm calling for help with my council tax"]),
    "gunshots": (
        ["I heard gunshots", "just heard a gunshot outside", "there were shots fired in the street"],
        ["not sure if it was fireworks or gunshots last night",
         "we could hear gunfire from the army range",
         "the shooting range on the common is noisy"]),
    "intruder": (
        ["somebody broke in and they're still here", "there's someone in my house", "someone is in my house", "there's someone downstairs and i live alone",
         "there's an intruder in the garden"],
        ["someone broke into my shed last week", "there's someone in my house to fix the boiler",
         "there's someone in my house share who doesn't pay rent",
         "we had an intruder alarm fitted"]),
    "followed-now": (
        ["someone is following me home right now", "somebody is following me and I'm scared",
         "I'm being followed by a man"],
        ["I'm being followed by the council on twitter",
         "someone's following me on instagram",
         "my ex used to follow me home"]),
}


@pytest.mark.parametrize("pattern_id,text", [(p, t) for p, (catches, _) in FAMILIES.items() for t in catches])
def test_each_pattern_catches_its_family(pattern_id, text):
    pattern = next(p for p in PATTERNS if p.id == pattern_id)
    # (the raw text too: normalising can turn a slang spelling into the standard one)
    assert pattern.regex.search(normalise(text)) or pattern.regex.search(text.lower()), f"{pattern_id} does not match {text!r}"
    result = check(text)
    assert result.finding is not None, f"missed: {text!r} (set aside: {result.set_aside})"
    assert result.finding.intent == pattern.intent, f"{text!r} -> {result.finding}"


@pytest.mark.parametrize("pattern_id,text", [(p, t) for p, (_, misses) in FAMILIES.items() for t in misses])
def test_each_pattern_leaves_its_near_misses_alone(pattern_id, text):
    result = check(text)
    assert result.finding is None, f"false alarm on {text!r}: {result.finding}"


def test_every_pattern_has_reviewed_examples_both_ways():
    ids = {p.id for p in PATTERNS}
    assert set(FAMILIES) == ids, f"no examples for {ids - set(FAMILIES)}; stale: {set(FAMILIES) - ids}"
    thin = {k: (len(c), len(m)) for k, (c, m) in FAMILIES.items() if len(c) < 3 or len(m) < 3}
    assert not thin, f"each pattern needs at least three catches and three near misses: {thin}"


# Ordinary traffic a council chatbot gets every day: none of it is a crisis.
COUNCIL_TRAFFIC = [
    "when are my bins collected", "my bin wasn't emptied again this week", "how do I pay my council tax",
    "I want to appeal a parking fine", "how do I apply for a parking permit", "there's a pothole on my road",
    "my neighbour's hedge is too high", "is there a warm space near me", "what events are on this weekend",
    "will it rain tomorrow", "how do I join the library", "I need a blue badge", "where can I get a bus pass",
    "can I get a replacement recycling box", "the bonfire night event times", "the fireworks display has been cancelled",
    "how do I get a free smoke alarm", "how do I get a fire safety visit", "my smoke alarm went off while cooking",
    "the kitchen filled with smoke when I burnt the toast", "I smell gas, who do I call",
    "there's a burst pipe and the kitchen is flooded", "the canal towpath is closed",
    "can I park on the roof of the multi-storey", "the multi-storey car park roof is closed for repairs",
    "is the cliff path open", "which bridge is closed", "the railway bridge is being repaired",
    "how do I dispose of old tablets safely", "where can I get rid of unused medication",
    "what do I do with expired medicines", "my nan takes 12 tablets a day", "have you taken your tablets this morning",
    "how many paracetamol can I take in a day", "is there a first aid course for choking babies near me",
    "I'm doing a paediatric first aid course next week", "where can I learn first aid for babies",
    "the lesson covered what to do if someone isn't breathing",
    "news: a man was stabbed in Norwich last night", "I read that someone jumped off the bridge in the news",
    "I burnt myself cooking tea", "I cut my finger chopping onions", "I hurt my back lifting boxes",
    "I'm dying to see the new play at the theatre", "I'm knackered after work", "I'm dead tired",
    "this weather is killing me", "my feet are killing me", "I'd kill for a cup of tea", "I could murder a curry",
    "I'm done with this queue, it's been an hour", "I'm done with my exams finally", "I'm done for the day",
    "I'm tired of waiting", "I've had enough of the potholes", "I give up on the council",
    "I'm at the end of my tether with the repairs", "I'm losing the will to live with this phone queue",
    "the form is going to be the death of me", "I'm so stressed I could scream", "my phone died",
    "the high street is dying", "my plants are dying", "I'm going to fire my solicitor",
    "he's on his way to work", "the engineer is on his way", "my son is coming home from university",
    "the police came round yesterday", "where can I find a police station", "how do I report a dangerous dog",
    "the ambulance station on the high street is closing", "the kids are jumping on the trampoline next door all day",
    "I want to kill the weeds in my garden", "how do I kill mould on my walls", "the heating bills are killing us",
    "I'm drowning in paperwork", "we are trapped in a cycle of debt", "I'm locked out of my account",
    "my car is trapped behind a skip", "the lift is broken and I'm stuck on the 5th floor with my shopping",
    "my mum is terrified of falling", "I'm frightened of losing my home", "she's scared of dogs",
    "I took a lot of photos at the event", "I took loads of pictures of the fly tipping",
    "they drank all the wine at the party", "my dog ate some chocolate, is that an emergency",
    "I'm hiding presents from the kids", "can you call me about my housing application",
    "please call me on my mobile", "send me the form", "ring me tomorrow",
]


@pytest.mark.parametrize("text", COUNCIL_TRAFFIC)
def test_ordinary_council_traffic_is_never_a_crisis(text):
    result = check(text)
    assert result.finding is None, f"false alarm on {text!r}: {result.finding}"


def test_news_and_reports_are_set_aside_as_not_a_life():
    result = check("there's been a stabbing in the news again")
    assert result.finding is None
    assert any("study" in s["reason"] for s in result.set_aside)


def test_a_season_last_year_is_told_as_past():
    result = check("my son fell in the river last summer but he's fine now")
    assert result.finding is None and any("past" in s["reason"] for s in result.set_aside)


def test_a_small_child_swallowing_poison_gets_the_danger_route_not_samaritans():
    # Checked before the adult poison and overdose phrases: the reply must be 999/111.
    assert check("my toddler drank bleach").finding.intent == DANGER
    assert check("I drank bleach").finding.intent == SUICIDE


def test_a_threat_to_kill_is_danger_even_when_it_mentions_suicide():
    assert check("he says he's going to kill himself and me").finding.intent == DANGER


@pytest.mark.parametrize("text", [
    "what do I do if I'm in danger later",
    "I keep having flashbacks about being raped",
    "my son owes dealers money and they'll hurt him if he doesn't pay",
    "my brother has cut himself off from the whole family",
    "I'm scared of being attacked walking home",
])
def test_feared_remembered_or_conditional_danger_is_not_an_emergency(text):
    assert check(text).finding is None, text


@pytest.mark.parametrize("text", [
    "what would happen if I killed myself",  # suicide language is never set aside by an "if"
    "he'll kill me if I leave him",  # a threat to the person writing still escalates
    "I'm in danger, he's here",
])
def test_ifs_do_not_hide_a_crisis(text):
    assert check(text).finding is not None, text


@pytest.mark.parametrize("text", [
    # the past is there, but so is present risk
    "I tried to end my life last year and I feel like that again",
    "I used to self harm and I've been doing better but I relapsed last night",
    "I was self harm free for a year but I've started cutting again",
    "my son tried to kill himself last month, he's stable now but I'm scared he'll try again",
    "last year I tried to kill myself, I'm doing better now but I still think about it every day",
    # recent, or only reported in the past tense
    "tried to kill myself last week, doing better now",
    "he was saying he wants to kill himself, he's stable now",
    # a death told as past has no recovery: bereavement still gets the crisis reply
    "my dad took his own life three years ago",
    # the past belongs to another sentence than the crisis phrase
    "I want to kill myself. I used to self harm years ago but I'm doing better",
    "Used to self harm years ago. I'm doing better, but I want to kill myself",
    # a negation in the sentence before does not cancel the phrase
    "it didn't work. I want to die",
    "I can't sleep. I wanna die",
    "He won't listen. Kill myself, that's what I'll do",
    "No. I feel suicidal",
])
def test_neither_a_resolved_past_nor_an_earlier_sentence_hides_a_present_crisis(text):
    result = check(text)
    assert result.finding is not None and result.finding.intent == SUICIDE, f"missed: {text!r}"


@pytest.mark.parametrize("text,reason", [
    ("my brother attempted to take his life years ago and he's on the mend, is there a family group",
     "told as a past event, now resolved"),
    ("It's been a long week. I'm not going to kill myself, I just need a break", "negated"),
])
def test_a_phrase_set_aside_records_why(text, reason):
    result = check(text)
    assert result.finding is None
    assert [s["reason"] for s in result.set_aside] == [reason]

