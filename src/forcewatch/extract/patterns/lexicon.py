"""Words of police use-of-force news, shared by `detect` and `extract`.

Kept as data: regular-expression alternations and word sets, compiled once.
They describe how news in English writes about police force anywhere
(NZ, AU, UK, IE, CA, US, ZA, IN), not sentences of any one corpus.
"""

from __future__ import annotations

import re

# Words naming police or other law-enforcement officers (the agent side).
POLICE_NOUNS = (
    r"police(?:man|men|woman|women)?|officers?|cops?|constables?|troopers?|deput(?:y|ies)|"
    r"sheriff(?:'s)?|gardaí|gardai|garda|mounties?|rcmp|swat|marshals?|(?:game )?wardens?|"
    r"sergeants?|sgt|detectives?|inspectors?|sub-inspectors?|patrolm[ae]n|"
    r"law enforcement|agents?|border patrol|armed offenders squad|aos|"
    r"tactical (?:team|unit|officers?|group)|armed response(?: unit)?|firearms officers?|"
    r"special task force|stf|saps|jmpd|metro police|the met|force"
)
POLICE_RE = re.compile(rf"\b(?:{POLICE_NOUNS})\b", re.I)

# Lemmas (spaCy) of head nouns that mark a police agent.
POLICE_LEMMAS = frozenset(
    """police policeman policewoman officer cop constable trooper deputy sheriff garda
    gardaí gardai mountie rcmp swat marshal sergeant sgt detective inspector sub-inspector
    patrolman agent squad team unit force saps jmpd stf aos warden ranger""".split()
)

# Lemmas of verbs that describe force used on a person, with the force kind.
FORCE_VERBS = {
    "shoot": "firearm",
    "discharge": "firearm",
    "subdue": "restraint",
    "slam": "vehicle",
    "fire": "firearm",
    "gun": "firearm",
    "wound": None,  # wounded by what the sentence or its neighbours say
    "kill": None,
    "taser": "taser",
    "shock": "taser",
    "zap": "taser",
    "tase": "taser",
    "tasere": "taser",
    "stun": "taser",
    "restrain": "restraint",
    "pin": "restraint",
    "handcuff": "restraint",
    "choke": "restraint",
    "tackle": "restraint",
    "strike": None,
    "hit": None,
    "run": None,
    "bite": "dog",
    "maul": "dog",
    "beat": "other",
    "thrash": "other",
    "assault": "other",
    "batter": "other",
    "torture": "other",
    "punch": "other",
    "kick": "other",
    "pepper": "other",
    "injure": None,
}

# Irregular forms the lemmatiser misses now and then, mapped to their lemma.
IRREGULAR_FORMS = {
    "shot": "shoot",
    "struck": "strike",
    "bitten": "bite",
    "bit": "bite",
    "beaten": "beat",
    "ran": "run",
    "tasered": "taser",
    "tased": "tase",
    "pinned": "pin",
}
# Oversight bodies whose name in a sentence marks a shooting as a police one.
OVERSIGHT_RE = re.compile(
    r"\b(?:IPCA|IOPC|IPCC|SIU|IIU|IIO|ASIRT|GSOC|Gsoc|IPID|Ipid|CCC|LECC|PIRC|BEI|"
    r"Independent Police Conduct Authority|Independent Office for Police Conduct|"
    r"Special Investigations Unit|Independent Investigation Unit|Independent Investigations Office|"
    r"Garda (?:Síochána )?Ombudsman|Independent Police Investigative Directorate|"
    r"Crime and Corruption Commission|police watchdog|officer-involved|police-involved)\b"
)

# Surface forms used by the cheap detector (fast regex, no model).
FORCE_WORDS = (
    r"shot|shoot(?:s|ing|ings)?|fired|fire[sd]? (?:at|on|upon)|opened fire|gunfire|gunned down|"
    r"gunshot|killed|kill(?:s|ing)|fatal(?:ly)?|tasered|taser|tased|stun gun|restrain(?:ed|t|ing)|"
    r"pinned|chokehold|neck restraint|encounter|exchange of fire|retaliatory fire|"
    r"police dog|bitten|mauled|struck by a police|hit by a police|run over|"
    r"custodial death|died in (?:police )?custody|death in custody|beat(?:en|ing)|thrashed|tortured|"
    r"wounded|injured|died|assault(?:ed|ing)|became unresponsive|subdued?|struggle|"
    r"returned fire|opened fire|fired (?:shots|a shot)|shootout|shoot-out|"
    r"discharged (?:his|her|their|a) (?:weapon|firearm|gun)"
)
FORCE_RE = re.compile(rf"\b(?:{FORCE_WORDS})\b", re.I)

# Strong phrases: police as the agent of force on a person.
POLICE_FORCE_RE = re.compile(
    r"\b(?:shot|killed|gunned down|wounded|injured|tasered|tased|restrained|bitten|mauled|"
    r"struck|hit|run over|beaten|thrashed|shot dead|fatally shot|shot and killed)"
    r"(?: dead| and killed| and wounded| multiple times| several times)?"
    rf" by (?:an? |the |two |three |several |armed |plain-clothes |off-duty |on-duty )*"
    rf"(?:{POLICE_NOUNS}|police (?:dog|car|vehicle|cruiser|van|officers?))\b"
    r"|\b(?:police|officers?|cops?|troopers?|deput(?:y|ies)|constables?|gardaí|garda|swat|"
    r"rcmp|mounties?)\s+(?:\w+\s+){0,2}?(?:shot|fired (?:at|on|upon|shots|a shot|two|three|several|"
    r"multiple|his|her|their)|opened fire|shot and killed|fatally shot|shot dead|killed|tasered|"
    r"tased|discharged|returned fire|restrained)\b"
    r"|\b(?:police|officer-involved|officer involved|police-involved|police-related|deputy-involved|"
    r"trooper-involved|garda) shootings?\b"
    r"|\b(?:police|garda|officer)(?:'s)? (?:gunfire|bullets?|shots?|taser|stun gun|dog|car|vehicle)\b"
    r"|\b(?:an? |the )?encounter with (?:the )?police\b|\bpolice encounter\b"
    r"|\bexchange of fire with (?:the )?police\b|\bretaliatory fire\b"
    r"|\bdied (?:in|while in) (?:police )?custody\b|\bcustodial death\b|\bdeath in (?:police )?custody\b",
    re.I,
)

# Phrases that point the other way: officers as victims, civilian shooters, suicide.
AGAINST_POLICE_RE = re.compile(
    r"\b(?:shot|stabbed|killed|attacked|wounded|injured|run over|rammed|assaulted|ambushed)"
    r" (?:an? |the |two |three |several )?(?:off-duty |on-duty |police )?"
    r"(?:police ?(?:man|woman|officers?)|officers?|constables?|cops?|troopers?|deput(?:y|ies)|"
    r"sergeants?|garda)\b"
    r"|\b(?:police ?(?:man|woman)|officers?|constables?|cops?|troopers?|deput(?:y|ies)|sergeants?)"
    r" (?:was|were|had been|has been) (?:shot|stabbed|killed|wounded|injured|attacked)\b",
    re.I,
)
SELF_HARM_RE = re.compile(
    r"\b(?:shot|killed|stabbed) (?:him|her|them)sel(?:f|ves)\b|\bself-inflicted\b|"
    r"\b(?:took|take) (?:his|her|their) own li(?:fe|ves)\b|\bsuicide\b",
    re.I,
)
# Descriptions of the person a story is about, if no name is given.
PERSON_NOUNS = frozenset(
    """man woman boy girl teen teenager youth person suspect gunman offender driver
    motorist resident father mother son daughter husband wife victim robber intruder
    attacker assailant shooter criminal gangster accused fugitive prisoner inmate
    pedestrian cyclist student worker patient individual male female child kid baby
    brother sister uncle nephew cousin friend neighbour neighbor partner boyfriend girlfriend
    occupant passenger protester protestor demonstrator rioter thief burglar dealer smuggler
    militant terrorist insurgent poacher bandit dacoit miscreant culprit perpetrator
    deceased dead local veteran citizen civilian customer owner tenant gunmen men women
    people someone anyone stranger member""".split()
)
# Nouns that are never a person, though they may be shot at or struck.
NON_PERSON_NOUNS = frozenset(
    """car vehicle truck van suv ute bus motorcycle bike scooter house home building window
    door wall tyre tire wheel engine windscreen windshield shot shots round rounds bullet
    bullets weapon weapons gun guns firearm firearms knife animal dog horse cow bull kangaroo
    deer bear pig cat bird shop store tree ground air sky roof fence gate round target
    time way area scene incident situation case matter report video footage""".split()
)

# Nouns that mean many people in general: statistics, not a specific incident.
GENERIC_PLURALS = frozenset("people persons civilians individuals citizens deaths cases".split())

MALE_WORDS = frozenset("he him his himself man boy male father son husband brother youth".split())
FEMALE_WORDS = frozenset(
    "she her hers herself woman girl female mother daughter wife sister".split()
)

# Titles that mark a named person as an officer or official, never the subject.
#: ranks that make a named person a police officer ("Sgt. Lynn Thomas fired")
POLICE_RANK_RE = re.compile(
    r"\b(?:constables?|const\.?|sergeants?|sgt\.?|officers?|detectives?|det\.?|inspectors?|"
    r"insp\.?|superintendent|supt\.?|deput(?:y|ies)|sheriff|troopers?|lieutenant|lt\.?|"
    r"corporal|cpl\.?|patrolman|patrolwoman|garda)\s+"
    # the name may be one of several: "Officers Ann Carter and Stanley"
    r"(?:(?-i:[A-Z][\w.'-]*)\s+|,\s*|and\s+)*$",
    re.I,
)
OFFICIAL_TITLES_RE = re.compile(
    r"\b(?:constable|const\.?|sergeant|sgt\.?|senior sergeant|officer|detective|det\.?|"
    r"inspector|insp\.?|superintendent|supt\.?|commissioner|chief|deputy|sheriff|trooper|"
    r"captain|capt\.?|lieutenant|lt\.?|corporal|cpl\.?|agent|spokes(?:man|woman|person)|"
    r"minister|mayor|coroner|judge|justice|magistrate|attorney|prosecutor|lawyer|counsel|"
    r"solicitor|barrister|dr\.?|"
    r"professor|senator|governor|president|premier|mp|commander|superintendent|assistant commissioner|"
    r"director|chair(?:man|woman|person)?)\s+$",
    re.I,
)
