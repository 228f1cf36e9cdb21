"""Words for the weapon a person had when police used force on them, as data.

`WEAPON_TERMS` rows are (weapon vocabulary value, regex); earlier rows win
when two match at the same place. Cue and police patterns tell the subject's
weapon ("armed with a knife") from the police's ("officers fired their rifles").
Used by `forcewatch.extract.weapon`.
"""

from __future__ import annotations

_GUNS = r"(?:guns?|pistols?|rifles?|firearms?|handguns?|revolvers?|weapons?|shotguns?)"

WEAPON_TERMS: tuple[tuple[str, str], ...] = (
    (
        "replica",
        rf"(?:imitation|replica|fake|toy|BB|pellet|air|airsoft|paintball|blank[- ]firing|starting|"
        rf"cap|plastic|gel[- ]blaster)\s+(?:[\w-]+\s+)?{_GUNS}|air\s*guns?|airsoft|gel\s+blasters?",
    ),
    (
        "rifle",
        r"(?:assault|semi-automatic|semiautomatic|hunting|high-powered|sniper|bolt-action|"
        r"long-barrel(?:l)?ed)\s+rifles?|AR-15s?(?:-style)?(?:\s+rifles?)?|AK-47s?(?:\s+(?:assault\s+)?"
        r"rifles?)?|rifles?|carbines?|Kalashnikovs?|long\s+guns?",
    ),
    (
        "shotgun",
        r"(?:sawn-off|sawed-off|pump-action|double-barrel(?:l)?ed|12-gauge|\d+-gauge)\s+shotguns?"
        r"|shotguns?|sawn-off|sawed-off",
    ),
    (
        "handgun",
        r"(?:semi-automatic\s+|semiautomatic\s+|country-made\s+|"
        r"\.?\d{2,3}[- ]?(?:calibre|caliber|cal\.?|bore)\s+|9\s?mm\s+|9-millimet(?:er|re)\s+)"
        r"(?:handguns?|pistols?|revolvers?|guns?)"
        r"|handguns?|pistols?|revolvers?|Glocks?|(?:desi\s+)?kattas?|tamanchas?",
    ),
    (
        "knife",
        r"(?:cane|kitchen|hunting|pocket|carving|bread|butcher['’]?s?|large|small|meat)\s+(?:knife|knives|"
        r"cleaver)|knives|knife|machetes?|swords?|(?:bladed|edged)\s+(?:weapons?|articles?|instruments?)"
        r"|blades?|cleavers?|scissors|box[- ]cutters?|razors?|daggers?|hatchets?|axes|axe|kukris?|"
        r"sickles?|samurai",
    ),
    (
        "blunt",
        r"(?:baseball|cricket|wooden|metal|aluminium|aluminum)\s+bats?|bats?|(?:metal|iron|steel|tyre|tire)"
        r"\s+(?:bars?|rods?|poles?|pipes?)|crowbars?|hammers?|sledgehammers?|golf\s+clubs?|"
        r"(?:metal|wooden|lead)\s+(?:poles?|pipes?|sticks?)|poles?|tyre\s+irons?|tire\s+irons?|"
        r"wrench(?:es)?|spanners?|lathis?|iron\s+rods?|mallets?|shovels?|bricks?",
    ),
    (
        "other",
        r"screwdrivers?|bows?\s+and\s+arrows?|crossbows?|arrows?|spears?|syringes?|"
        r"(?:sharp|metal|unknown|undisclosed|unidentified|dangerous)\s+(?:objects?|items?|implements?)"
        r"|rocks?|stones?|chainsaws?|pitchforks?|weapons?",
    ),
    ("firearm", r"firearms?|guns?|gunm[ae]n"),
)

# Words before a gun word that make it not a gun or not a weapon.
NOT_WEAPON_BEFORE = (
    r"(?:nail|taser|stun|glue|staple|heat|spray|paint|radar|speed|water|starter|toy|"
    r"anti|no|ghost)[- ]$|(?:less[- ]than[- ]lethal|less[- ]lethal|non[- ]lethal|police)\s+$"
)
NOT_WEAPON_AFTER = (
    r"[- ](?:control|laws?|violence|crime|owners?|shops?|stores?|licen[cs]es?|amnesty|point|"
    r"recovery|charges?|offen[cs]es?|possession|haul|cache|dealers?|smuggling|trafficking|range|club)\b"
)

# Cues before a weapon word that it is the subject's.
CUE_BEFORE = (
    r"(?:armed\s+(?:him|her|them)sel(?:f|ves)\s+with|armed\s+with|carr(?:y|ying|ied)|brandish(?:ed|ing)?|"
    r"wield(?:ed|ing)?|wav(?:ed|ing)|hold(?:ing)?|held|point(?:ed|ing)|aim(?:ed|ing)|rais(?:ed|ing)|"
    r"threaten(?:ed|ing)\s+(?:[\w-]+\s+){0,4}?with|lung(?:ed|ing)\s+(?:[\w-]+\s+){0,3}?with|"
    r"c(?:a|o)me?\s+at\s+(?:[\w-]+\s+){0,3}?with|charg(?:ed|ing)\s+(?:[\w-]+\s+){0,3}?with|swing(?:ing)?|"
    r"swung|produc(?:ed|ing)|pull(?:ed|ing)(?:\s+out)?|dr(?:ew|awn)|grabb(?:ed|ing)|had|has|having|"
    r"with|possession\s+of|recovered|seized|found|reach(?:ed|ing)\s+for|fir(?:ed|ing)|shoot(?:ing)?|"
    r"shot\s+(?:[\w-]+\s+){0,3}?with|stabb(?:ed|ing)\s+(?:[\w-]+\s+){0,3}?with|"
    r"attack(?:ed|ing)\s+(?:[\w-]+\s+){0,3}?with|us(?:ed|ing)|allegedly\s+had|threw|throwing)\s+"
    r"(?:(?:a|an|the|his|her|their|two|three|several|what\s+(?:appeared|looked|seemed)\s+to\s+be"
    r"(?:\s+an?)?|what\s+turned\s+out\s+to\s+be(?:\s+an?)?|[\w.-]+)\s+){0,3}$"
)
CUE_AFTER = (
    r"(?:\s+(?:was|were|has\s+been|had\s+been)\s+(?:later\s+)?(?:found|recovered|seized|located)"
    r"|-wielding|\s+in\s+(?:his|her|their)\s+hands?"
    r"|[^.;]{0,40}?\b(?:recovered|seized|found)\s+(?:from|on|near|beside)\s+(?:him|her|the\s+"
    r"(?:man|woman|suspect|accused|deceased|scene|body|vehicle|car))"
    r"|[^.;]{0,30}?\bfrom\s+(?:his|her|their)\s+possession)"
)
# A police noun, then an officer's verb, right before the weapon word ("the deputy fired his").
POLICE_NOUN = (
    r"\b(?:police(?:m[ae]n|wom[ae]n)?|officers?|cops?|constables?|troopers?|deput(?:y|ies)|"
    r"gardaí|garda|sergeants?|detectives?|agents?|marshals?|swat|handlers?|tactical\s+\w+|"
    r"armed\s+response|inspectors?|sub-inspectors?)\b"
)
POLICE_VERB = (
    r"\b(?:fir(?:e|ed|ing|es)|discharg(?:e|ed|ing)|dr(?:aw|ew|awn|awing)|unholster(?:ed|ing)|us(?:e|ed|ing)|"
    r"aim(?:ed|ing)?|point(?:ed|ing)?|rais(?:e|ed|ing)|deploy(?:ed|ing)?|carr(?:y|ied|ying)|armed\s+with|"
    r"hold(?:ing)?|held|(?P<with>with)|holster(?:ed)?|reach(?:ed|ing)?\s+for|pull(?:ed|ing)?|from|"
    r"shot\s+(?:[\w-]+\s+){0,3}?with)\b"
)
POLICE_OWNED = (
    r"(?:police|officers?|garda|gardaí|deput(?:y|ies)|cops?|troopers?)(?:['’]s|s['’])?\s+$"
    r"|(?:service|official|police-issued?|duty|department-issued|issued?)\s+(?:[\w-]+\s+)?$"
)
SUBJECT_BETWEEN = (
    r"\b(?:man|woman|boy|girl|teen(?:ager)?|youth|suspects?|accused|driver|gunman|he|they|"
    r"criminal|gangster|robbers?|attacker|offender|intruder|person|male|female)\b"
)
FIRE_WORDS = r"\b(?:fired|firing|fire|shot|shots|shooting|discharged|bullets?|rounds?)\b"
POLICE_TARGET = (
    r"(?:the\s+|a\s+|an\s+|two\s+|several\s+|responding\s+|approaching\s+)?(?:[\w-]+\s+)?"
    r"(?:police|officers?|cops?|deput(?:y|ies)|troopers?|gardaí|constables?|agents?|"
    r"(?:police\s+)?(?:team|party|personnel|squad))\b"
)
# The subject fired at police: a gun of unknown type.
FIRED_AT_POLICE = (
    rf"\b(?:opened\s+fire|fired|shot|shooting|firing)\s+(?:[\w-]+\s+){{0,3}}?(?:at|on|upon|towards?)\s+"
    rf"{POLICE_TARGET}"
    r"|\bexchange\s+of\s+(?:gun)?fire\b|\bexchanged\s+(?:gun)?fire\b|\bshoot-?outs?\b|\bgun\s*fights?\b"
    r"|\bgun\s+battles?\b|\bretaliatory\s+fir(?:e|ing)\b|\breturned\s+fire\b|\bcross-?fire\b"
    r"|\bopened\s+fire\b"
)
# Verbs of attack before an officer: "threatened police with a knife" is the subject's knife.
HOSTILE_BEFORE = (
    r"\b(?:threaten\w*|attack\w*|assault\w*|confront\w*|charg\w*|lung\w*|c[ao]me?\s+at|menac\w*|"
    r"advanc\w*|approach\w*|chas\w*|stabb?\w*|hit|struck|strik\w*|injur\w*|swung|swing\w*|went\s+for|"
    r"rush\w*)\s+(?:at\s+|towards?\s+|on\s+)?(?:the\s+|an?\s+|two\s+|several\s+)?(?:[\w-]+\s+)?$"
)
# The subject used a vehicle against officers.
VEHICLE_AT_POLICE = (
    rf"\b(?:drove|driving|drive|accelerated|accelerating|reversed|reversing|swerved|steered)\s+"
    rf"(?:[\w-]+\s+){{0,3}}?(?:at|towards?|into)\s+{POLICE_TARGET}"
    r"|\brammed\s+(?:[\w-]+\s+){0,2}?(?:police|patrol|squad|officers?|cruiser|garda|deput(?:y|ies))"
    r"|\b(?:tried|attempted|trying|attempting)\s+to\s+run\s+(?:over|down)\s+"
    + POLICE_TARGET
    + r"|\bused\s+(?:his|her|their|the|a)\s+(?:car|vehicle|truck|van|ute|suv)\s+as\s+a\s+weapon"
    r"|\b(?:struck|hit|ran\s+over|ran\s+down|dragged)\s+(?:an?\s+|the\s+|two\s+)?(?:officer|deputy|"
    r"trooper|constable|garda|cop)s?\s+with\s+(?:his|her|their|the|a)\s+(?:car|vehicle|truck|van|suv)"
    r"|\b(?:sped|drove|reversed|accelerated|took)\s+(?:off|away|forwards?|backwards?)\s*(?:,\s*|and\s+)"
    r"(?:struck|hit|knocked|dragged|ran\s+over|knocking|striking|hitting|dragging)\s+"
    + POLICE_TARGET
    + r"|\b(?:car|vehicle|jeep|truck|van|suv|ute|door)\s+(?:[\w-]+\s+){0,3}?(?:struck|hit|knocked|"
    r"knocking|dragged|dragging|ran\s+over|pinned|pinning)\s+" + POLICE_TARGET
)
# The subject had no weapon.
UNARMED = (
    r"\bunarmed\b(?!\s+(?:police|officers?|gardaí|garda|deput(?:y|ies)|cops?|constables?|"
    r"troopers?|members|guards?|staff|security))"
    r"|\bno\s+weapons?\s+(?:was|were|had\s+been)\s+(?:found|recovered|located)\b"
    r"|\b(?:was|were)\s+not\s+armed\b|\bdid\s+not\s+have\s+a\s+(?:weapon|gun|knife|firearm)\b"
    r"|\b(?:had|carried|carrying|with)\s+no\s+weapons?\b"
)
