"""Oversight bodies, inquiries and the words of their findings, as data.

`BODIES` rows: (regex, body name or None to keep the words as written, kind,
needs_verb). A body with `needs_verb` counts only when an investigation word is
near it ("Michigan State Police is investigating"); the others are there to
investigate, so a mention is enough. Used by `forcewatch.extract.investigations`.
"""

from __future__ import annotations

_ORG_WORDS = (
    r"(?!(?:The|A|An|After|When|If|As|But|While|Independent)\b)[A-Z][\w'’.&-]*\s+"
    r"(?:(?:[A-Z][\w'’.&-]*|of|and)\s+){0,4}"
)
_NOT_ORG_AFTER = (
    r"(?!\s+(?:Conduct|Complaints?|Investigative|Ombudsman|Union|Association|Federation|Act)\b)"
)

BODIES: tuple[tuple[str, str | None, str, bool], ...] = (
    # oversight agencies
    (r"Independent\s+Police\s+Conduct\s+Authority|IPCA", "IPCA", "oversight", False),
    (r"Police\s+Complaints\s+Authority", "Police Complaints Authority", "oversight", False),
    (r"Independent\s+Office\s+for\s+Police\s+Conduct|IOPC", "IOPC", "oversight", False),
    (r"Independent\s+Police\s+Complaints\s+Commission|IPCC", "IPCC", "oversight", False),
    (r"Special\s+Investigations\s+Unit|SIU", "SIU", "oversight", False),
    (
        r"Independent\s+Investigations?\s+Unit(?:\s+of\s+Manitoba)?|IIU",
        "IIU",
        "oversight",
        False,
    ),
    (
        r"Independent\s+Investigations\s+Office(?:\s+of\s+(?:B\.?C|British\s+Columbia))?|IIO",
        "Independent Investigations Office",
        "oversight",
        False,
    ),
    (r"Alberta\s+Serious\s+Incident\s+Response\s+Team|ASIRT", "ASIRT", "oversight", False),
    (r"Serious\s+Incident\s+Response\s+Team|SIRT", "SIRT", "oversight", False),
    (r"Bureau\s+des\s+enqu[êe]tes\s+ind[ée]pendantes|BEI", "BEI", "oversight", False),
    (
        r"Garda\s+S[ií]och[aá]na\s+Ombudsman(?:\s+Commission)?|Garda\s+Ombudsman|GSOC|G[Ss]oc",
        "GSOC",
        "oversight",
        False,
    ),
    (r"Fiosr[úu]", "Fiosrú", "oversight", False),
    (r"Police\s+Ombudsman(?:\s+for\s+Northern\s+Ireland)?", "Police Ombudsman", "oversight", False),
    (
        r"Independent\s+Police\s+Investigative\s+Directorate|IPID|Ipid",
        "IPID",
        "oversight",
        False,
    ),
    (
        r"Crime\s+and\s+Corruption\s+Commission|CCC",
        "Crime and Corruption Commission",
        "oversight",
        False,
    ),
    (
        r"Corruption\s+and\s+Crime\s+Commission",
        "Corruption and Crime Commission",
        "oversight",
        False,
    ),
    (
        r"Law\s+Enforcement\s+Conduct\s+Commission|LECC",
        "Law Enforcement Conduct Commission",
        "oversight",
        False,
    ),
    (r"Independent\s+Broad-based\s+Anti-corruption\s+Commission|IBAC", "IBAC", "oversight", False),
    (
        r"Police\s+Investigations\s+(?:and|&)\s+Review\s+Commissioner|PIRC",
        "PIRC",
        "oversight",
        False,
    ),
    (
        r"(?:Civilian\s+)?(?:Office\s+of\s+Police\s+Accountability|Complaint\s+Review\s+Board|"
        r"Civilian\s+Review\s+Board|Police\s+Review\s+Board)|CCRB|COPA",
        None,
        "oversight",
        False,
    ),
    (
        r"(?:National|State|[A-Z][a-z]+)\s+Human\s+Rights\s+Commission|NHRC",
        None,
        "oversight",
        False,
    ),
    (
        r"[Mm]agisterial\s+(?:inquiry|enquiry|probe)|[Jj]udicial\s+(?:inquiry|enquiry|probe|commission)"
        r"|[Ii]nquiry\s+[Cc]ommission|[Cc]ommission\s+of\s+[Ii]nquiry",
        None,
        "oversight",
        False,
    ),
    (
        r"(?:(?:[A-Z][a-z]+\s+){1,2})?Attorney\s+General(?:['’]s\s+Office)?"
        r"|[Aa]ttorney\s+[Gg]eneral(?:['’]s\s+[Oo]ffice)?",
        None,
        "oversight",
        True,
    ),
    (
        r"(?:[A-Z][a-z]+\s+)?(?:Department\s+of\s+Justice|Justice\s+Department)",
        None,
        "oversight",
        True,
    ),
    (
        r"(?:state['’]s\s+|the\s+)?police\s+watchdog|[Ww]atchdog",
        "police watchdog",
        "oversight",
        True,
    ),
    # police investigations (internal, criminal, state bureaus)
    (
        r"Ethical\s+Standards\s+(?:Command|Unit|Branch)|ethical\s+standards\s+(?:command|unit|"
        r"investigation|branch)",
        "Ethical Standards Command",
        "police",
        False,
    ),
    (
        r"Professional\s+Standards\s+(?:Command|Department|Unit|Bureau|Division|Branch)",
        None,
        "police",
        False,
    ),
    (
        r"[Ii]nternal\s+[Aa]ffairs(?:\s+(?:[Uu]nit|[Dd]ivision|[Bb]ureau))?",
        "Internal Affairs",
        "police",
        False,
    ),
    (
        r"(?:(?:State\s+Crime\s+Command(?:['’]s)?|NSW\s+[Pp]olice|[A-Z][a-z]+\s+[Pp]olice)\s+)?"
        r"[Hh]omicide\s+(?:[Ss]quad|[Dd]etectives|[Uu]nit)",
        None,
        "police",
        True,
    ),
    (
        r"[Cc]ritical\s+[Ii]ncident\s+[Ii]nvestigation",
        "Critical incident investigation",
        "police",
        True,
    ),
    (
        r"(?:[A-Z][a-z]+\s+){1,2}Bureau\s+of\s+Investigation|TBI|GBI|SBI|OSBI|KBI",
        None,
        "police",
        False,
    ),
    (r"(?:Minnesota\s+)?Bureau\s+of\s+Criminal\s+Apprehension|BCA", "BCA", "police", False),
    (r"Florida\s+Department\s+of\s+Law\s+Enforcement|FDLE", "FDLE", "police", False),
    (r"FBI|Federal\s+Bureau\s+of\s+Investigation", "FBI", "police", True),
    (r"Texas\s+Rangers", "Texas Rangers", "police", True),
    (r"Central\s+Bureau\s+of\s+Investigation|CBI|CB-CID|Crime\s+Branch", None, "police", True),
    (
        r"(?:(?:force|police|[A-Z][\w-]+\s+Police)\s+)?(?:disciplinary|misconduct)\s+(?:hearing|panel|"
        r"tribunal|proceedings)",
        None,
        "police",
        False,
    ),
    # coroners and inquests
    (r"(?:(?:[A-Z][\w-]+\s+){0,3})Coroners?(?:['’]s?)?\s+[Cc]ourt", None, "coroner", False),
    (r"(?:(?:[A-Z][\w-]+\s+){0,3})[Cc]oroners?['’]?s?\s+[Cc]ourt", None, "coroner", False),
    (r"(?:[Cc]oronial\s+)?[Ii]nquest(?!\s+docket)|INQUEST", "Inquest", "coroner", False),
    (r"[Cc]oroner(?:s|['’]s)?|[Cc]oronial", "Coroner", "coroner", False),
    # prosecutors
    (r"Crown\s+Prosecution\s+Service", "Crown Prosecution Service", "prosecutor", False),
    (r"CPS", "Crown Prosecution Service", "prosecutor", True),
    (
        r"(?:Office\s+of\s+the\s+)?Director\s+of\s+Public\s+Prosecutions|O?DPP",
        "DPP",
        "prosecutor",
        False,
    ),
    (r"National\s+Prosecuting\s+Authority|NPA", "NPA", "prosecutor", True),
    (
        r"(?:(?:[A-Z][a-z.]+\s+){1,3})?(?:County\s+|District\s+|State['’]s\s+|Commonwealth['’]s\s+|"
        r"Prosecuting\s+)Attorney(?:['’]s\s+Office)?|[Dd]istrict\s+[Aa]ttorney(?:['’]s\s+office)?",
        None,
        "prosecutor",
        False,
    ),
    (r"U\.?S\.?\s+Attorney(?:['’]s\s+Office)?", None, "prosecutor", True),
    (r"[Gg]rand\s+[Jj]ury", "Grand jury", "prosecutor", False),
    (
        r"Crown\s+[Pp]rosecutors?|[Pp]rosecutors?|[Pp]rosecuting\s+authorit(?:y|ies)|"
        r"[Pp]rocurator\s+[Ff]iscal|Crown\s+Office",
        "prosecutor",
        "prosecutor",
        True,
    ),
    # courts
    (r"(?:[A-Z][a-z]+\s+)?High\s+Court", None, "other", True),
)

# Organisations named by their kind of unit, matched only where no body above matches.
GENERIC_BODIES: tuple[tuple[str, str | None, str, bool], ...] = (
    (
        _ORG_WORDS
        + r"(?:Investigation\s+Team|Investigations?\s+Unit|Major\s+Crimes?\s+(?:Unit|Task\s+"
        r"Force)|Task\s+Force|Crime\s+Squad)",
        None,
        "police",
        True,
    ),
    (
        _ORG_WORDS + r"(?:Police\s+Department|Police\s+Service|Police|Sheriff['’]s\s+(?:Office|"
        r"Department)|State\s+Police|State\s+Patrol|Highway\s+Patrol|RCMP)" + _NOT_ORG_AFTER,
        None,
        "police",
        True,
    ),
)

# Words that say an investigation is going on or announced (finding "pending").
PENDING = (
    r"\b(?:is|are|was|were|been|being|be)\s+(?:now\s+|currently\s+|also\s+|still\s+)?"
    r"(?:investigating|reviewing|examining|probing|looking\s+into|assessing|overseeing|leading|hearing)"
    r"|\binvestigat(?:e|es|ing)\b|\bprobing\b"
    r"|\b(?:will|to|would|shall)\s+(?:now\s+|also\s+|then\s+|be\s+)?(?:investigate|review|reviewed|"
    r"examine|examined|probe|oversee|overseen|lead|conduct|look\s+into|assess|determine|decide|"
    r"consider|begin|held|handed|referred)"
    r"|\b(?:launched|launch|opened|began|begun|started|initiated|instituted|ordered|commenced)\s+"
    r"(?:an?\s+|its\s+|the\s+|in\s+)?(?:[\w-]+\s+){0,3}?(?:investigation|inquiry|enquiry|probe|review|"
    r"examination|inquest)"
    r"|\b(?:investigation|inquiry|enquiry|probe|inquest)\s+(?:has\s+been\s+|was\s+|had\s+been\s+)?"
    r"(?:launched|opened|ordered|instituted|begun|started)"
    r"|\bnotified\b|\binformed\b|\breferred\b|\bcalled\s+in\b|\bbrought\s+in\b|\bstep(?:s|ped)?\s+in\b"
    r"|\bunder\s+(?:investigation|review|way)\b|\bunderway\b|\bongoing\b|\bpending\b|\bawait(?:s|ing)?\b"
    r"|\bwith\s+oversight\b|\boversight\s+(?:from|by)\b|\boverseen\s+by\b|\boverseeing\b"
    r"|\bset\s+to\s+(?:investigate|probe|review)\b|\bassumed\s+responsibility\b|\bmandated\s+to\b"
    r"|\bexpected\s+(?:investigation|inquiry|inquest)\b|\bon\s+behalf\s+of\s+the\s+coroner\b"
    r"|\bprovided\s+to\s+the\s+coroner\b|\badjourned\b|\bsent\s+investigators\b"
    r"|\binvestigators\s+(?:are|were)\s+(?:at|on)\b|\bwas\s+told\b|\bheard\s+(?:that|how)\b"
    r"|\bhas\s+(?:been\s+)?(?:asked|tasked|assigned)\b|\bfresh\s+FIR\b|\b(?:began|begins|resumed|resumes)\b"
)
# Words that say the body ended its work without a finding in these words.
CLOSED = (
    r"\bdeclined\s+to\s+(?:investigate|review|probe)\b|\bruled\s+out\s+investigating\b"
    r"|\b(?:will|would)\s+not\s+(?:be\s+)?investigat\w*|\bnot\s+to\s+investigate\b"
    r"|\bdecided\s+against\s+(?:investigating|an\s+investigation)\b|\b(?:is|was)\s+not\s+necessary\b"
    r"|(?<!will\s)(?<!to\s)(?<!have\s)\b(?:concluded|completed|finali[sz]ed)\s+(?:its\s+|their\s+|the\s+|an?\s+)"
    r"(?:[\w-]+\s+){0,2}?(?:investigation|inquiry|enquiry|probe|review|report)"
    r"|(?<!to\s)\b(?:has|have|had)\s+(?:now\s+)?(?:concluded|completed|finali[sz]ed)\b"
    r"|\bconcludes\s+(?:its\s+|the\s+)?(?:investigation|inquiry|probe|review)|\bfinal\s+report\b"
    r"|\bnarrative\s+(?:conclusion|verdict)\b|\bopen\s+(?:conclusion|verdict)\b"
    r"|\bcontributed\s+to\b|\bmisadventure\b|\baccidental\s+death\b"
)
# An investigation word right after a body that needs one ("FBI is investigating").
VERB_AFTER = (
    r"\b(?:investigat(?:e|es|ed|ing)|prob(?:e|es|ing)|review(?:s|ing)?|examin(?:e|es|ing)|looking\s+into|"
    r"lead(?:s|ing)?\s+the\s+(?:investigation|probe|inquiry)|take\s+over\s+the\s+(?:case|investigation)|"
    r"(?:will|to)\s+decide|weigh(?:s|ing)?\s+charges|hearing|ordered|sought\s+a\s+report)\b"
)
# An investigation word right before a body that needs one ("investigation by the FBI").
VERB_BEFORE = (
    r"(?:investigat\w*|inquiry|probe|review\w*|oversight|overseen|referred|handed\s+over)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:by|from|to)\s+(?:the\s+)?$"
)
CHARGED = (
    r"\bcharged\s+with\b|\b(?:was|were|been|being|be)\s+charged\b|\bindicted\b|\bface\s+charges\s+of\b"
    r"|\bbooked\b|\bFIR\s+(?:was\s+|has\s+been\s+|had\s+been\s+)?(?:registered|lodged|filed)\s+against\b"
    r"|\bcase\s+(?:was\s+|has\s+been\s+)?(?:registered|filed)\s+against\b|\bcharges\s+(?:were|have\s+"
    r"been)\s+(?:laid|filed)\s+against\b|\bcommitted\s+(?:to|for)\s+trial\b|\bconvicted\b|\bfound\s+guilty\b"
)
CLEARED = (
    r"\bno\s+(?:criminal\s+)?charges\b|\bnot\s+(?:be\s+)?fac(?:e|ing)\s+(?:any\s+)?(?:criminal\s+)?charges\b"
    r"|\bwon['’]t\s+face\s+(?:any\s+)?charges\b|\b(?:will|would|should)\s+not\s+be\s+(?:charged|"
    r"prosecuted)\b|\bdeclined\s+to\s+(?:prosecute|charge|file\s+charges|press\s+charges)\b"
    r"|\b(?:decided|directed|decision)\s+not\s+to\s+(?:prosecute|charge|file)\b|\bno\s+(?:criminal\s+)?"
    r"prosecution\b|\bnot\s+to\s+prosecute\b|\bcleared\b|\bexonerated\b|\bno\s+further\s+action\b"
    r"|\bno\s+(?:criminal\s+)?wrongdoing\b|\bno\s+reasonable\s+grounds\b|\bacquitted\b|\bnot\s+guilty\b"
    r"|\bno\s+(?:criminal\s+)?offen[cs]e\s+(?:was|had\s+been)\s+committed\b|\bno\s+misconduct\b"
    r"|\bdeclined\s+to\s+indict\b|\bnot\s+to\s+indict\b|\bno\s+true\s+bill\b|\bdid\s+not\s+indict\b"
    r"|\bno\s+case\s+to\s+answer\b|\bclosed\s+the\s+(?:case|file)\b"
    r"|\b(?:not|no)\s+(?:\w+\s+){0,2}(?:recommend|lay|file|bring|pursue)\w*\s+(?:any\s+)?(?:criminal\s+)?charges\b"
    r"|\bno\s+grounds\s+(?:to|for)\s+(?:lay\s+)?(?:any\s+)?(?:criminal\s+)?charges\b"
    r"|\bno\s+(?:indication|evidence)\b[^.]{0,80}?\b(?:misconduct|disciplinary|criminal|offen[cs]e)"
)
JUSTIFIED = (
    r"(?<!un)(?<!not\s)\bjustified\b|\blawful(?:ly)?\s+(?:killing|killed|act(?:ion)?s?)\b"
    r"|\bacted\s+(?:lawfully|appropriately|reasonably|in\s+self[- ]defen[cs]e|within\s+the\s+law)\b"
    r"|\b(?:was|were)\s+(?:reasonable|proportionate|necessary|lawful|legally\s+justified)\b"
    r"|\bin\s+self[- ]defen[cs]e\b|\breasonable\s+in\s+the\s+circumstances\b|\bonly\s+realistic\b"
    r"|\blawful\s+killing\b"
)
UNJUSTIFIED = (
    r"\bunlawful(?:ly)?\s+kill(?:ed|ing)\b|\bunjustified\b|\bnot\s+justified\b|\bunlawful\b"
    r"|\b(?:was|were)\s+not\s+(?:reasonable|proportionate|lawful|necessary)\b|\bunreasonable\b"
    r"|\bexcessive\s+force\s+was\s+used\b|\bused\s+excessive\s+force\b(?=.*\b(?:found|concluded|ruled)\b)"
)
# "whether ... justified / charged": still to be decided.
OPEN_QUESTION = r"\b(?:whether|if)\b"
# Before a body: the body is asked for, not at work ("called for the IPCA to investigate").
HYPOTHETICAL = (
    r"\b(?:call(?:s|ed|ing)?\s+for|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?|want(?:s|ed)?|should|"
    r"ought\s+to|petition(?:s|ed)?|ask(?:s|ed)\s+for|push(?:es|ed)?\s+for|unless|instead\s+of|"
    r"rather\s+than|no\s+longer|unlike)\b"
)
# Officer nouns, to tell a charged officer from a charged suspect.
OFFICER_NOUNS = (
    r"\b(?:officers?|policem[ae]n|policewom[ae]n|cops?|constables?|troopers?|deput(?:y|ies)|"
    r"gardaí|garda|sergeants?|inspectors?|sub-inspectors?|SHO|SI|head\s+constables?|"
    r"detectives?|agents?|jailers?|police\s+personnel|policemen)\b"
)
SUBJECT_NOUNS = (
    r"\b(?:man|woman|boy|girl|teen(?:ager)?|youth|suspects?|accused|driver|gunman|he|she|"
    r"criminal|gangster|robbers?|attacker|offender|intruder)\b"
)
# Plain police as the investigating body ("police have launched an investigation").
POLICE_INVESTIGATING = (
    r"\b(?:police|detectives|cops)\s+(?:have|has|are|is|were|will|had)?\s*(?:now\s+|also\s+)?"
    r"(?:launched|opened|begun|began|started|investigating|investigate|probing|registered)\b"
    r"|\b(?:opened|registered)\s+an?\s+inquest\s+docket\b"
)
# Officers disciplined or booked, Indian news style: the body is the police.
OFFICERS_ACTION = (
    r"\b(?:suspended|removed\s+from\s+duty|line[- ]attached|sent\s+to\s+(?:the\s+)?police\s+lines|"
    r"booked|FIR\s+(?:was\s+|has\s+been\s+)?(?:registered|lodged|filed)\s+against)\b"
)
# Short names for the police as an investigating body, by country.
POLICE_BODY_BY_COUNTRY = {"ZA": "SAPS", "NZ": "New Zealand Police", "IE": "Garda Síochána"}
ABBREVIATIONS = {
    "TBI": "Tennessee Bureau of Investigation",
    "GBI": "Georgia Bureau of Investigation",
    "SBI": "State Bureau of Investigation",
    "OSBI": "Oklahoma State Bureau of Investigation",
    "KBI": "Kansas Bureau of Investigation",
    "CBI": "CBI",
    "CCRB": "Civilian Complaint Review Board",
    "COPA": "Civilian Office of Police Accountability",
    "NHRC": "National Human Rights Commission",
}
