"""Word lists and patterns of place names in news text, used by `extract.geo`."""

from __future__ import annotations

import re

TOKEN = re.compile(r"[^\W\d_][\w'’.&-]*")

GAP = re.compile(r"\s+|,\s+|\s*&\s*")

PREPS = frozenset(
    """in at near from outside of to around across into toward towards through throughout
    between and or north south east west central suburban rural downtown northern southern
    eastern western inner greater regional coastal nearby within""".split()
)

GEO_NEXT = re.compile(
    r"\s+(?:Police|police|state|State|County|county|Province|province|District|district"
    r"|region|Region|Constabulary|Territory|Mounted)\b"
)

CODE_NEXT = re.compile(r"\s+(?:Police|police|District|district|Police District)\b|\s+\d{5}\b")

ORG_NEXT = re.compile(
    r"\s+(?:Post|Times|Star|Herald|Morning|Tribune|Journal|Examiner|Gazette|Chronicle|Advertiser"
    r"|Courier|Sun|Mail|Record|Daily|University|College|FC|United|City|Rovers|Athletic|Storm"
    r"|Broncos|Cowboys|Tigers|Lions|Knights|Blues|Chiefs|Crusaders|Hurricanes|Highlanders|Reds"
    r"|Titans|Panthers|Eels|Sharks|Roosters|Dragons|Raiders|Warriors|Giants|Rangers|Mariners"
    r"|Capitals|Nationals|Commanders|Bulls|Jazz|Kings|Celtics|Express|Standard|Mirror)\b"
)

CAPITAL_NEXT = re.compile(r"\s+[A-Z][a-z]")

NOT_REGION_NEXT = re.compile(r"\s*(?:Police|police|['’]s\b|man\b|woman\b)")

STOP = frozenset(
    """The A An On In At And But He She They It His Her Their Police Officers Officer Sgt Sgt.
    Constable Detective Inspector Superintendent Chief Mr Mr. Mrs Ms Dr Dr. Const Const.
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Last This That When After Before
    Meanwhile However According Earlier Later Yesterday Today""".split()
)

STREET = frozenset(
    """Street St St. Road Rd Rd. Avenue Ave Ave. Drive Lane Highway Hwy Boulevard Blvd Way
    Place Court Crescent Terrace Parade Motorway Freeway Expressway""".split()
)

SETTLEMENT_OF = re.compile(
    r"\b(?:suburb|town|township|village|city|hamlet|community|settlement|locality|municipality"
    r"|neighbou?rhood)\s+of\s+(?P<a>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
)

A_SETTLEMENT_OF = re.compile(
    r"(?P<a>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}),\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}"
    r"(?:suburb|town|village|city|community|neighbou?rhood|area|hamlet)\s+"
    r"(?:of|in|near|outside|north of|south of|east of|west of)\s+"
)

NOT_PLACE_LABELS = ("PERSON", "ORG", "DATE", "TIME", "CARDINAL", "NORP")

NAME = r"(?P<a>[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’.-]*){0,2})"

#: where a name the gazetteer lacks is likely a town: "in X", "X police", "an X home"
UNLISTED = (
    re.compile(rf"\b(?:in|near|at|outside|of)\s+{NAME}(?!['’]s)\b"),
    re.compile(rf"\b{NAME}\s+(?:police|Police|cops)\b(?!\s+[A-Z])"),
    re.compile(
        rf"\b(?:a|an|the|his|her|their)\s+{NAME}\s+(?:home|house|residence|apartment|motel"
        r"|neighbou?rhood|store|business|gas station|parking lot)\b"
    ),
)

#: "at Creswick, north of Ballarat": a name placed by compass from a town is a place,
#: whatever the small model's entity label says (it often calls a small town a PERSON).
#: ("in the Hartstown area of Blanchardstown" is not here: labels name the larger place.)
PLACED = (
    re.compile(
        rf"\b(?:in|near|at|outside)\s+{NAME},\s+(?:just\s+|about\s+\d+\s*(?:km|miles)\s+)?"
        r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of\s+[A-Z]"
    ),
)

ENT_TAIL = re.compile(r"\s+(?:village|town|area|city|suburb|locality|township)$", re.I)

NON_PLACE_TAIL = frozenset(
    """County Sheriff Police Department Office Court Hospital Jail Prison Center Centre Mall
    Hotel Motel Church School Airport Station Taser Tasers Road Street Avenue Drive Lane
    Highway Apartments Inc Co Ltd Park-and-ride University College Division Unit Rs""".split()
)

QUALIFIER = re.compile(
    r"^(?:the\s+)?(?:state|province|county|district|region) of\s+|\s+(?:state|province|region"
    r"|district|police district|territory)$",
    re.I,
)
