"""Invented news stories as HTML pages, shared by the feed and web archive tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    paragraphs: tuple[str, ...]
    published: dt.date | None


STORIES = (
    Story(
        "harbour-shooting",
        "Man shot dead by police at Penrose wharf",
        (
            "A 34-year-old man was shot dead by police at Penrose wharf early on Tuesday "
            "after officers were called to reports of a man firing a rifle at parked trucks.",
            "Police said the man, Corin Haldane, pointed the rifle at two constables who had "
            "asked him to put it down, and one of them fired three shots.",
            "Haldane died at the scene despite first aid from the officers and ambulance staff.",
            "The Independent Police Conduct Authority has been told and will review the "
            "shooting, as it does whenever police use a firearm against a person.",
        ),
        dt.date(2024, 2, 13),
    ),
    Story(
        "motorway-taser",
        "Woman wounded after officer opens fire on motorway shoulder",
        (
            "A woman is in a stable condition in hospital after a police officer shot her "
            "on the shoulder of the northern motorway near Silverdale on Friday evening.",
            "Officers had stopped a stolen car, and police say the driver, 29, came at them "
            "with a knife after a taser failed to stop her.",
            "She was taken to North Shore Hospital with a gunshot wound to the leg.",
            "A critical incident investigation has begun and the officer has been stood down "
            "while the shooting is examined by senior detectives.",
        ),
        dt.date(2024, 3, 1),
    ),
    Story(
        "standoff-farm",
        "Armed offenders squad kills gunman after farm standoff",
        (
            "A gunman who held police at bay for six hours on a farm outside Marton was shot "
            "and killed by the armed offenders squad on Sunday afternoon.",
            "Police named him as Brenton Aldous, 51, a local contractor who had fired at a "
            "neighbour's house before barricading himself in a shearing shed.",
            "Negotiators spoke with him through the morning before he walked out carrying a "
            "shotgun and raised it towards officers, police said.",
            "The coroner and the police conduct authority have both been notified.",
        ),
        None,
    ),
    Story(
        "library-reopens",
        "Library reopens after two years of earthquake strengthening",
        (
            "The central library reopened to readers on Saturday after two years of "
            "earthquake strengthening work that cost the city council fourteen million dollars.",
            "Queues formed along the street before the doors opened at nine, and staff handed "
            "out bookmarks and free coffee to the first hundred visitors.",
            "The building now has a children's floor, a makerspace with three printers and a "
            "rooftop reading garden planted with native grasses.",
            "Council staff said the old returns chute had been kept because readers asked for it.",
        ),
        dt.date(2024, 2, 20),
    ),
    Story(
        "netball-final",
        "Late goal wins the regional netball final for Ashby",
        (
            "Ashby won the regional netball final by a single goal on Saturday, with their "
            "goal shoot landing the winner eight seconds before the final whistle.",
            "The visitors from Torbay had led for most of the match, pulling ahead by five "
            "goals in the third quarter before Ashby changed their defensive pairing.",
            "Coach Mereana Tipoki said the team had trained for exactly that kind of finish "
            "and praised her bench for the energy they brought on.",
            "Ashby now go to the national tournament in Dunedin in September.",
        ),
        dt.date(2024, 3, 9),
    ),
)


def page(story: Story, *, date_in_page: bool = True) -> bytes:
    """Return the story as an article page (UTF-8), with or without a publication date."""
    meta = ""
    if date_in_page and story.published is not None:
        meta = (
            f'<meta property="article:published_time" '
            f'content="{story.published.isoformat()}T08:00:00+13:00">'
        )
    body = "\n".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    html = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(story.title)}</title>{meta}</head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{escape(story.title)}</h1>
{body}
</article><footer>Copyright Example Daily</footer></body></html>"""
    return html.encode("utf-8")


INDEX_PAGE = b"""<!DOCTYPE html><html><head><title>Latest</title></head>
<body><ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul></body></html>"""
