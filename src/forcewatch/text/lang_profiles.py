"""Language profiles as data: frequent function words and script ranges."""

from __future__ import annotations

#: frequent words of each language (lowercase); shared words count for each, weighted down
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the and of to in is was that for on with as it at by from he she his her said "
        "they were have has had be this which after been are not but who their would "
        "will its an or there when than into been we our about one also".split()
    ),
    "fr": frozenset(
        "le la les de des du une un et est dans pour que qui sur par au aux il elle pas "
        "avec ce cette sont ont selon mais plus ses leur où lors son sa été était "
        "nous vous ils après aussi être fait ne".split()
    ),
    "de": frozenset(
        "der die das und ist nicht ein eine einen dem den des mit von zu auf für sich "
        "wurde auch im bei nach sie er es hat war wie aus noch dass über wird sind "
        "einem einer durch am zum zur worden".split()
    ),
    "es": frozenset(
        "el la los las de del una y en que por con para se su al es fue como más pero sus "
        "le ha este esta lo según entre sin desde muy también hasta donde cuando "
        "había han fueron".split()
    ),
    "pt": frozenset(
        "o os as de do da dos das um uma e em que com para não por se foi mais ao na no "
        "pelo pela é são à também seu sua após disse nos nas foram estava ele ela "
        "isso mas".split()
    ),
    "it": frozenset(
        "il lo la gli le di del della dei delle che e è un una per con non si sono "
        "alla al nel nella ha da ma anche più dopo come stato stata era questo questa "
        "hanno essere sul sulla".split()
    ),
    "nl": frozenset(
        "de het een en van is dat die niet op te met zijn voor aan er ook bij werd "
        "door naar om maar nog wordt heeft uit als dan deze tegen hij zij waren "
        "hebben was".split()
    ),
}

#: (first code point, last code point, language) for scripts that mostly mean one language
SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0370, 0x03FF, "el"),
    (0x0400, 0x04FF, "ru"),
    (0x0590, 0x05FF, "he"),
    (0x0600, 0x06FF, "ar"),
    (0x0900, 0x097F, "hi"),
    (0x0980, 0x09FF, "bn"),
    (0x0B80, 0x0BFF, "ta"),
    (0x0E00, 0x0E7F, "th"),
    (0x1100, 0x11FF, "ko"),
    (0x3040, 0x30FF, "ja"),
    (0x4E00, 0x9FFF, "zh"),
    (0xAC00, 0xD7AF, "ko"),
)
