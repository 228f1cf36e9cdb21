"""A synthetic news corpus for the batch benchmark and the crash and concurrency tests.

Every sentence is generated here from our own templates: ordinary news (council,
sport, weather, business, courts, science) with a small share of police
shooting stories, each padded with body sentences from a small grammar to a
few hundred words, the length of a news article. Each shooting is told by two articles (a first report and a
follow-up) so linking has something to join, and a few stories are reprinted
with a changed last line (near-duplicates). Seeded, so a corpus is the same on
every machine.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FIRST = (
    "Aroha", "Brent", "Callum", "Deon", "Eli", "Farrah", "Garth", "Hemi", "Isla", "Jarrod",
    "Kobi", "Lachlan", "Marnie", "Nikau", "Owen", "Priya", "Quinn", "Rewi", "Shona", "Tane",
    "Ulla", "Vaughan", "Wiremu", "Xavier", "Yusuf", "Zane", "Corey", "Dallas", "Mitchell",
)  # fmt: skip
LAST = (
    "Ashdown", "Brackley", "Carrow", "Dunmore", "Elsdon", "Fenwick", "Galbraith", "Hollis",
    "Ingram", "Jessop", "Kerslake", "Lomax", "Marchetti", "Norwood", "Oakes", "Penhallow",
    "Quarrie", "Rutter", "Stanmore", "Tregear", "Upshall", "Varley", "Whitlock", "Yardley",
)  # fmt: skip
TOWNS = (
    "Hamilton", "Rotorua", "Napier", "Nelson", "Whanganui", "Invercargill", "Toowoomba",
    "Ballarat", "Bendigo", "Cairns", "Townsville", "Leeds", "Coventry", "Swindon", "Regina",
    "Kelowna", "Moncton", "Dayton", "Tulsa", "Spokane", "Fresno", "Boise", "Wichita",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TOPICS = ("council", "sport", "weather", "business", "court", "science", "arts")

ORDINARY = {
    "council": (
        "{town} councillors voted {n} to {m} on {day} to widen the cycle lane on {street}.",
        "The mayor said the {item} budget would rise by {pct} per cent next year.",
        "Residents of {street} have asked for a pedestrian crossing near the school.",
        "A public meeting about the new {item} will be held in the town hall on {day}.",
        "Rates are expected to increase after the council approved its long-term plan.",
    ),
    "sport": (
        "{town} beat their neighbours {n}-{m} on {day} in front of a home crowd.",
        "The coach praised the defence after a tense second half.",
        "{first} {last} scored twice in the final ten minutes to seal the win.",
        "The club will travel north next week for the semi-final.",
        "Ticket sales for the {item} final have already passed {n} thousand.",
    ),
    "weather": (
        "Heavy rain is forecast for {town} from {day}, with {n} millimetres possible.",
        "Forecasters warned drivers about surface flooding on {street}.",
        "Temperatures will drop to {m} degrees overnight before a sunny weekend.",
        "Farmers welcomed the rain after a dry month on the plains.",
        "A strong wind watch covers the coast until {day} evening.",
    ),
    "business": (
        "Shares in the {item} maker rose {pct} per cent on {day} after strong sales.",
        "The company said it would open a new store on {street} in {town}.",
        "Analysts expect interest rates to stay on hold until the spring.",
        "{first} {last}, the chief executive, said demand for {item} had recovered.",
        "The firm employs {n} people across the region.",
    ),
    "court": (
        "A {town} man was fined {n} hundred dollars on {day} for careless driving.",
        "The judge said the {item} theft had caused real harm to a small business.",
        "{first} {last}, {age}, pleaded guilty to burglary and will be sentenced in May.",
        "The case was adjourned after the defence asked for more time.",
        "A jury will be chosen next week for the fraud trial.",
    ),
    "science": (
        "Researchers in {town} have found a new species of {item} in the wetlands.",
        "The study, published on {day}, followed {n} birds over three winters.",
        "{first} {last}, who led the project, said the results were surprising.",
        "Volunteers counted the nests along {street} at dawn.",
        "The university will share its data with other museums.",
    ),
    "arts": (
        "The {town} festival opens on {day} with {n} shows across the city.",
        "{first} {last} will read from her new novel at the library.",
        "Tickets for the {item} exhibition sold out within an hour.",
        "The gallery on {street} has extended its opening hours for summer.",
        "A local choir will perform at the cathedral next month.",
    ),
}
ITEMS = ("beetle", "library", "netball", "dairy", "solar panel", "bus", "wool", "pottery")
STREETS = ("Queen Street", "Victoria Avenue", "Mill Road", "Harbour Parade", "Church Lane")


#: a small grammar for the body sentences news stories are mostly made of; its random
#: combinations keep two stories on one topic far apart in word shingles
AGENTS = (
    "The local business association", "A spokeswoman for the district health board",
    "Organisers of the weekend market", "The regional tourism office", "A group of parents",
    "The head of the chamber of commerce", "Staff at the community centre",
    "A long-time resident", "The school principal", "Members of the rowing club",
    "The owner of a nearby cafe", "A transport planner",
)  # fmt: skip
ACTIONS = (
    "said the changes were overdue", "welcomed the announcement", "raised concerns about",
    "called for more consultation on", "expected a busy season for", "praised volunteers for",
    "asked the government to fund", "published a report on", "plans to survey people about",
    "warned about the cost of", "has written to the minister about", "is collecting views on",
)  # fmt: skip
OBJECTS = (
    "parking near the waterfront", "the new bus timetable", "summer water restrictions",
    "the library's opening hours", "rising rents in the centre", "the youth sports grants",
    "a planned cycle bridge", "the hospital car park", "recycling collections",
    "the heritage walking trail", "broadband in rural areas", "the farmers market",
)  # fmt: skip
WHENS = (
    "last month", "earlier this year", "on Tuesday", "at a meeting on Thursday",
    "in a statement", "before the holidays", "for the third year running", "this week",
)  # fmt: skip


def _body(rnd: random.Random, n: int) -> list[str]:
    """Return `n` generated body sentences."""
    return [
        f"{rnd.choice(AGENTS)} {rnd.choice(ACTIONS)} {rnd.choice(OBJECTS)} "
        f"{rnd.choice(WHENS)}, {rnd.choice(('in', 'around', 'outside'))} {rnd.choice(TOWNS)}."
        for _ in range(n)
    ]


@dataclass(frozen=True)
class Shooting:
    """One invented incident: who, where, when, how it ended."""

    first: str
    last: str
    age: int
    town: str
    date: dt.date
    fatal: bool


def _shooting_first_report(s: Shooting, rnd: random.Random) -> tuple[str, str]:
    day = WEEKDAYS[s.date.weekday()]
    verb = "shot and killed" if s.fatal else "shot and wounded"
    lines = [
        f"Police {verb} {s.first} {s.last}, {s.age}, in {s.town} on {day} night.",
        f"Officers were called to a house in {s.town} after reports of a man with a knife.",
        f"Police said {s.last} had walked towards officers holding the knife before one "
        "officer fired.",
        "The police watchdog has begun an independent investigation into the shooting.",
        f"Neighbours said they heard {rnd.choice(('two', 'three', 'four'))} shots.",
    ]
    title = f"Man {'killed' if s.fatal else 'wounded'} in police shooting in {s.town}"
    return title, " ".join(lines + _body(rnd, rnd.randint(8, 14)))


def _shooting_follow_up(s: Shooting, rnd: random.Random) -> tuple[str, str]:
    outcome = "died" if s.fatal else "was taken to hospital with a gunshot wound"
    lines = [
        f"The man shot by police in {s.town} last week has been named as {s.first} "
        f"{s.last}, {s.age}.",
        f"{s.last} {outcome} after an officer fired at him outside a house.",
        f"Family members said {s.last} had been unwell for several months.",
        "The watchdog said its investigation would take several months.",
        f"A vigil was held in {s.town} on {rnd.choice(WEEKDAYS)} evening.",
    ]
    return f"Man shot by {s.town} police named", " ".join(lines + _body(rnd, rnd.randint(8, 14)))


def _ordinary(rnd: random.Random, serial: int) -> tuple[str, str]:
    topic = rnd.choice(TOPICS)
    values = {
        "town": rnd.choice(TOWNS),
        "day": rnd.choice(WEEKDAYS),
        "n": rnd.randint(2, 90),
        "m": rnd.randint(1, 30),
        "pct": rnd.randint(2, 15),
        "item": rnd.choice(ITEMS),
        "street": rnd.choice(STREETS),
        "first": rnd.choice(FIRST),
        "last": rnd.choice(LAST),
        "age": rnd.randint(19, 80),
    }
    lines = [t.format(**values) for t in rnd.sample(ORDINARY[topic], 4)]
    lines += _body(rnd, rnd.randint(10, 22))  # news articles run to several hundred words
    lines.append(f"Reference {serial} of the {topic} desk.")  # keeps each text distinct
    title = f"{values['town']} {topic} news {serial}"
    return title, " ".join(lines)


def generate(n: int, *, relevant_share: float = 0.03, seed: int = 7) -> Iterator[dict]:
    """Yield `n` gold-format JSONL objects (no `gold` field), about `relevant_share` relevant.

    Shootings come as a first report and a follow-up some documents later; one
    shooting in five is also reprinted with a different last sentence.
    """
    rnd = random.Random(seed)
    base = dt.date(2024, 1, 1)
    pending: list[tuple[int, str, str, dt.date]] = []  # (due index, title, text, published)
    serial = 0
    for i in range(n):
        if pending and pending[0][0] <= i:
            _, title, text, published = pending.pop(0)
        elif rnd.random() < relevant_share / 2.2:
            s = Shooting(
                rnd.choice(FIRST),
                rnd.choice(LAST),
                rnd.randint(18, 70),
                rnd.choice(TOWNS),
                base + dt.timedelta(days=rnd.randint(0, 360)),
                rnd.random() < 0.6,
            )
            published = s.date + dt.timedelta(days=1)
            title, text = _shooting_first_report(s, rnd)
            later = published + dt.timedelta(days=6)
            pending.append((i + rnd.randint(3, 40), *_shooting_follow_up(s, rnd), later))
            if rnd.random() < 0.2:
                reprint = text.rsplit(".", 2)[0] + ". Police asked witnesses to come forward."
                pending.append((i + rnd.randint(1, 20), title, reprint, published))
            pending.sort(key=lambda p: p[0])
        else:
            serial += 1
            title, text = _ordinary(rnd, serial)
            published = base + dt.timedelta(days=rnd.randint(0, 365))
        yield {
            "id": f"synthetic-{i:06d}",
            "url": f"https://news.example/{i:06d}",
            "source": "Synthetic Times",
            "published": published.isoformat(),
            "lang": "en",
            "title": title,
            "text": text,
        }


def write_corpus(path: Path, n: int, *, seed: int = 7, relevant_share: float = 0.03) -> Path:
    """Write `n` generated documents to `path` as JSON Lines; return the path."""
    with path.open("w", encoding="utf-8") as fh:
        for obj in generate(n, seed=seed, relevant_share=relevant_share):
            fh.write(json.dumps(obj) + "\n")
    return path
