"""Names of law-enforcement forces: formal names, abbreviations and place tables.

Keys of the place tables are lower case; values are the formal name as news
and official lists write it. Used by `forcewatch.extract.agency`.
"""

from __future__ import annotations

# Forces written by a name of their own (regex alternation -> formal name).
# Order matters: longer, more specific names first.
NAMED_FORCES: tuple[tuple[str, str], ...] = (
    (r"Royal Canadian Mounted Police|RCMP|Mounties|Mountie", "RCMP"),
    (
        r"(?:An\s+)?Garda\s+S[ií]och[aá]na(?!\s+(?:Ombudsman|Act|Inspectorate))"
        r"|[Gg]arda[ií]|GARDA[IÍ]"
        r"|[Gg]arda(?![ií])(?!\s+(?:S[ií]och[aá]na\s+)?(?:Ombudsman|Inspectorate)|\s+S[ií]och[aá]na)",
        "Garda Síochána",
    ),
    (r"South\s+African\s+Police\s+Services?|SAPS", "South African Police Service"),
    (
        r"Johannesburg\s+Metro(?:politan)?\s+Police(?:\s+Department)?",
        "Johannesburg Metro Police Department",
    ),
    (r"JMPD", "JMPD"),
    (r"Tshwane\s+Metro(?:politan)?\s+Police(?:\s+Department)?", "Tshwane Metro Police Department"),
    (r"TMPD", "TMPD"),
    (
        r"Ekurhuleni\s+Metro(?:politan)?\s+Police(?:\s+Department)?",
        "Ekurhuleni Metro Police Department",
    ),
    (r"EMPD", "EMPD"),
    (r"New\s+Zealand\s+Police|NZ\s+Police|Armed\s+Offenders\s+Squad", "New Zealand Police"),
    (
        r"Indianapolis\s+Metropolitan\s+Police(?:\s+Department)?|IMPD",
        "Indianapolis Metropolitan Police Department",
    ),
    (
        r"Las\s+Vegas\s+Metropolitan\s+Police(?:\s+Department)?|LVMPD|Metro\s+police\s+in\s+Las\s+Vegas",
        "Las Vegas Metropolitan Police Department",
    ),
    (r"New\s+York\s+(?:City\s+)?Police\s+Department|NYPD", "New York Police Department"),
    (r"Los\s+Angeles\s+Police\s+Department|LAPD", "Los Angeles Police Department"),
    (
        r"Los\s+Angeles\s+County\s+Sheriff'?s\s+Department|LASD",
        "Los Angeles County Sheriff's Department",
    ),
    (r"Metropolitan\s+Police\s+Department", "Metropolitan Police Department"),
    (
        r"Metropolitan\s+Police(?:\s+Service)?|Scotland\s+Yard"
        r"|(?<=[Tt]he\s)Met\b(?!\s+(?:Office|Gala|Opera|Museum|Éireann))",
        "Metropolitan Police",
    ),
    (r"Police\s+Scotland", "Police Scotland"),
    (r"Police\s+Service\s+of\s+Northern\s+Ireland|PSNI", "Police Service of Northern Ireland"),
    (r"British\s+Transport\s+Police", "British Transport Police"),
    (r"Ontario\s+Provincial\s+Police|OPP", "Ontario Provincial Police"),
    (r"S[uû]ret[eé]\s+du\s+Qu[eé]bec", "Sûreté du Québec"),
    (r"SPVM|Montreal\s+police", "SPVM"),
    (r"Australian\s+Federal\s+Police", "Australian Federal Police"),
    (r"NSW\s+Police\s+Force|New\s+South\s+Wales\s+Police(?:\s+Force)?", "NSW Police Force"),
    (r"Queensland\s+Police\s+Service|QPS", "Queensland Police Service"),
    (
        r"Western\s+Australia(?:n)?\s+Police(?:\s+Force)?|WA\s+Police(?:\s+Force)?",
        "Western Australia Police Force",
    ),
    (r"South\s+Australia(?:n)?\s+Police|SAPOL|SA\s+Police", "South Australia Police"),
    (r"Northern\s+Territory\s+Police(?:\s+Force)?|NT\s+Police", "Northern Territory Police"),
    (r"Special\s+Task\s+Force|STF", "Special Task Force"),
    (r"Texas\s+Department\s+of\s+Public\s+Safety|Texas\s+DPS", "Texas Department of Public Safety"),
    (r"Border\s+Patrol", "US Border Patrol"),
    (r"FBI|Federal\s+Bureau\s+of\s+Investigation", "FBI"),
    (r"U\.?S\.?\s+Marshals?(?:\s+Service)?", "US Marshals Service"),
)

# Words after "<Place> Police" that make it something other than a force.
NOT_FORCE_AFTER = (
    r"Union|Association|Federation|Benevolent|Foundation|Academy|College|Act|Acts|Services\s+Act|"
    r"Conduct|Complaints?|Ombudsman|Investigative|Authority|Commission|Directorate|Watchdog|"
    r"Museum|Memorial|Chiefs|Minister|Ministry|Board|Review|Accountability|Oversight|Legacy|Council"
)

# Capitalised words that cannot be part of a place before "police".
PLACE_STOPWORDS = frozenset(
    """the a an when after before as while once if but or so then fortunately unfortunately
    meanwhile however local armed unarmed plainclothes plain-clothes uniformed our their his her its
    two three four five six several many some off-duty on-duty federal national provincial
    senior junior state municipal metro metropolitan by at
    says said say shot shoots shooting shootings kills killed kill man woman watchdog investigating
    in on for with from to
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december police officers officer cops cop where
    why how what who whom which that this these those there here now today yesterday also both
    all any no not only even just still yet traffic tactical specialist firearms emergency riot
    transit
    military secret auxiliary special reserve volunteer community neighbouring neighboring nearby
    other's one another every each""".split()
)
# Words that are not a place on their own but may start one ("British" in "British Columbia").
WHOLE_PLACE_STOPWORDS = frozenset(
    """indian australian american british canadian irish african zealand us u.s. uk english
    welsh scottish new south north west east central greater upper lower""".split()
)

US_STATES: dict[str, str] = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
    "colorado": "CO", "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA",
    "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA",
    "kansas": "KS", "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD",
    "massachusetts": "MA", "michigan": "MI", "minnesota": "MN", "mississippi": "MS",
    "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV", "new hampshire": "NH",
    "new jersey": "NJ", "new mexico": "NM", "new york state": "NY", "north carolina": "NC",
    "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA",
    "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", "tennessee": "TN",
    "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA", "washington state": "WA",
    "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY",
}  # fmt: skip

# The state force whose officers are called troopers, by state code.
STATE_TROOPER_FORCES: dict[str, str] = {
    "AK": "Alaska State Troopers", "AL": "Alabama Law Enforcement Agency",
    "AR": "Arkansas State Police", "AZ": "Arizona Department of Public Safety",
    "CA": "California Highway Patrol", "CO": "Colorado State Patrol",
    "CT": "Connecticut State Police", "DE": "Delaware State Police",
    "FL": "Florida Highway Patrol", "GA": "Georgia State Patrol", "IA": "Iowa State Patrol",
    "ID": "Idaho State Police", "IL": "Illinois State Police", "IN": "Indiana State Police",
    "KS": "Kansas Highway Patrol", "KY": "Kentucky State Police", "LA": "Louisiana State Police",
    "MA": "Massachusetts State Police", "MD": "Maryland State Police", "ME": "Maine State Police",
    "MI": "Michigan State Police", "MN": "Minnesota State Patrol",
    "MO": "Missouri State Highway Patrol", "MS": "Mississippi Highway Patrol",
    "MT": "Montana Highway Patrol", "NC": "North Carolina State Highway Patrol",
    "ND": "North Dakota Highway Patrol", "NE": "Nebraska State Patrol",
    "NH": "New Hampshire State Police", "NJ": "New Jersey State Police",
    "NM": "New Mexico State Police", "NV": "Nevada Highway Patrol", "NY": "New York State Police",
    "OH": "Ohio State Highway Patrol", "OK": "Oklahoma Highway Patrol",
    "OR": "Oregon State Police", "PA": "Pennsylvania State Police",
    "RI": "Rhode Island State Police",
    "SC": "South Carolina Highway Patrol", "SD": "South Dakota Highway Patrol",
    "TN": "Tennessee Highway Patrol", "TX": "Texas Department of Public Safety",
    "UT": "Utah Highway Patrol", "VA": "Virginia State Police", "VT": "Vermont State Police",
    "WA": "Washington State Patrol", "WI": "Wisconsin State Patrol",
    "WV": "West Virginia State Police", "WY": "Wyoming Highway Patrol",
}  # fmt: skip

# Australian state and territory forces, by any name or code of the state.
AU_STATE_FORCES: dict[str, str] = {
    "queensland": "Queensland Police Service", "qld": "Queensland Police Service",
    "nsw": "NSW Police Force", "new south wales": "NSW Police Force",
    "victoria": "Victoria Police", "victorian": "Victoria Police", "vic": "Victoria Police",
    "south australia": "South Australia Police", "south australian": "South Australia Police",
    "sa": "South Australia Police",
    "western australia": "Western Australia Police Force",
    "western australian": "Western Australia Police Force", "wa": "Western Australia Police Force",
    "tasmania": "Tasmania Police", "tasmanian": "Tasmania Police", "tas": "Tasmania Police",
    "northern territory": "Northern Territory Police", "nt": "Northern Territory Police",
    "act": "ACT Policing", "australian capital territory": "ACT Policing",
    "brisbane": "Queensland Police Service", "gold coast": "Queensland Police Service",
    "townsville": "Queensland Police Service", "cairns": "Queensland Police Service",
    "sydney": "NSW Police Force", "melbourne": "Victoria Police",
    "perth": "Western Australia Police Force",
    "adelaide": "South Australia Police", "hobart": "Tasmania Police",
    "darwin": "Northern Territory Police", "canberra": "ACT Policing",
}  # fmt: skip

# UK territorial forces by area (lower case) -> formal name.
UK_FORCES: dict[str, str] = {
    "avon and somerset": "Avon and Somerset Police", "avon & somerset": "Avon and Somerset Police",
    "bedfordshire": "Bedfordshire Police", "cambridgeshire": "Cambridgeshire Constabulary",
    "cheshire": "Cheshire Constabulary", "cleveland": "Cleveland Police",
    "cumbria": "Cumbria Constabulary", "derbyshire": "Derbyshire Constabulary",
    "devon and cornwall": "Devon and Cornwall Police", "dorset": "Dorset Police",
    "durham": "Durham Constabulary", "dyfed-powys": "Dyfed-Powys Police", "essex": "Essex Police",
    "gloucestershire": "Gloucestershire Constabulary",
    "greater manchester": "Greater Manchester Police",
    "gwent": "Gwent Police", "hampshire": "Hampshire Constabulary",
    "hertfordshire": "Hertfordshire Constabulary", "humberside": "Humberside Police",
    "kent": "Kent Police", "lancashire": "Lancashire Constabulary",
    "leicestershire": "Leicestershire Police", "lincolnshire": "Lincolnshire Police",
    "merseyside": "Merseyside Police", "norfolk": "Norfolk Constabulary",
    "north wales": "North Wales Police", "north yorkshire": "North Yorkshire Police",
    "northamptonshire": "Northamptonshire Police", "northumbria": "Northumbria Police",
    "nottinghamshire": "Nottinghamshire Police", "south wales": "South Wales Police",
    "south yorkshire": "South Yorkshire Police", "staffordshire": "Staffordshire Police",
    "suffolk": "Suffolk Constabulary", "surrey": "Surrey Police", "sussex": "Sussex Police",
    "thames valley": "Thames Valley Police", "warwickshire": "Warwickshire Police",
    "west mercia": "West Mercia Police", "west midlands": "West Midlands Police",
    "west yorkshire": "West Yorkshire Police", "wiltshire": "Wiltshire Police",
    "city of london": "City of London Police", "london": "Metropolitan Police",
}  # fmt: skip

# Canadian municipal forces whose formal name is not "<City> Police Service".
CA_CITY_FORCES: dict[str, str] = {
    "vancouver": "Vancouver Police Department", "victoria": "Victoria Police Department",
    "delta": "Delta Police Department", "abbotsford": "Abbotsford Police Department",
    "saanich": "Saanich Police Department", "new westminster": "New Westminster Police Department",
    "halifax": "Halifax Regional Police", "peel": "Peel Regional Police",
    "york": "York Regional Police", "montreal": "SPVM", "kingston": "Kingston Police",
}  # fmt: skip
CA_CITIES = frozenset(
    (
        "winnipeg toronto calgary edmonton ottawa regina saskatoon hamilton london windsor "
        "peterborough brandon lethbridge guelph barrie sudbury waterloo niagara durham "
        "belleville cornwall brantford"
    ).split()
    + ["thunder bay", "medicine hat", "moose jaw", "prince albert", "greater sudbury"]
)

# Indian states and large cities whose force is "<Name> Police".
IN_FORCES: dict[str, str] = {
    "uttar pradesh": "Uttar Pradesh Police", "up": "Uttar Pradesh Police",
    "u.p.": "Uttar Pradesh Police", "delhi": "Delhi Police", "mumbai": "Mumbai Police",
    "bihar": "Bihar Police", "punjab": "Punjab Police", "haryana": "Haryana Police",
    "rajasthan": "Rajasthan Police", "maharashtra": "Maharashtra Police",
    "gujarat": "Gujarat Police", "tamil nadu": "Tamil Nadu Police", "kerala": "Kerala Police",
    "karnataka": "Karnataka Police", "telangana": "Telangana Police",
    "andhra pradesh": "Andhra Pradesh Police", "madhya pradesh": "Madhya Pradesh Police",
    "west bengal": "West Bengal Police", "assam": "Assam Police", "odisha": "Odisha Police",
    "jharkhand": "Jharkhand Police", "chhattisgarh": "Chhattisgarh Police",
    "uttarakhand": "Uttarakhand Police", "himachal pradesh": "Himachal Pradesh Police",
    "jammu and kashmir": "Jammu and Kashmir Police", "goa": "Goa Police",
    "kolkata": "Kolkata Police", "chennai": "Chennai Police", "hyderabad": "Hyderabad Police",
    "bengaluru": "Bengaluru Police", "bangalore": "Bengaluru Police", "noida": "Noida Police",
    "ghaziabad": "Ghaziabad Police", "gurugram": "Gurugram Police", "gurgaon": "Gurugram Police",
    "lucknow": "Lucknow Police", "pune": "Pune Police", "ahmedabad": "Ahmedabad Police",
    "jaipur": "Jaipur Police", "meerut": "Meerut Police",
}  # fmt: skip

# US cities whose department is not "<City> Police Department".
US_CITY_FORCES: dict[str, str] = {
    "new york": "New York Police Department", "new york city": "New York Police Department",
    "indianapolis": "Indianapolis Metropolitan Police Department",
    "las vegas": "Las Vegas Metropolitan Police Department",
    "louisville": "Louisville Metro Police Department",
    "nashville": "Metropolitan Nashville Police Department",
    "charlotte": "Charlotte-Mecklenburg Police Department",
    "washington, d.c.": "Metropolitan Police Department",
    "d.c.": "Metropolitan Police Department",
}  # fmt: skip

# New Zealand places, to tell "<place> police" is NZ Police when no country is known.
NZ_PLACES = frozenset(
    [
        "auckland", "wellington", "christchurch", "dunedin", "tauranga", "napier", "hastings",
        "rotorua", "whangarei", "whangārei", "palmerston north", "new plymouth", "invercargill",
        "gisborne", "waikato", "canterbury", "northland", "counties manukau", "bay of plenty",
        "hawke's bay", "taranaki", "manawatū", "manawatu", "otago", "southland", "tasman",
        "waitematā", "waitemata", "lower hutt", "upper hutt", "porirua", "whanganui", "timaru",
    ]
)  # fmt: skip

# National forces by ISO country code (country with one force for the whole country).
NATIONAL_FORCES: dict[str, str] = {
    "NZ": "New Zealand Police",
    "IE": "Garda Síochána",
    "ZA": "South African Police Service",
}
