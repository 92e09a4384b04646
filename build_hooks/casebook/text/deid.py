"""Find text that may identify a patient (HIPAA Safe Harbor identifiers) in author text."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Collection
from dataclasses import KW_ONLY, dataclass, field

from casebook.text import deid_names as n
from casebook.text import deid_patterns as p
from casebook.text.deid_kinds import message


@dataclass(frozen=True, slots=True)
class Finding:
    """A span of text that may identify a patient, with an author-facing message."""

    start: int
    end: int
    kind: str
    matched: str
    message: str


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset, to place a finding inside a text field."""
    if not 0 <= offset <= len(text):
        raise ValueError(f"offset {offset} is outside a text of {len(text)} characters")
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def find_identifiers(
    text: str,
    *,
    allowed: Collection[str] = (),
    skip: Collection[str] = (),
    as_of: int | None = None,
) -> list[Finding]:
    """Possible identifiers in text, in order and not overlapping, minus reviewed exceptions.

    `skip` names kinds that do not apply to the field (a cited work's title has its own
    dates); `as_of` is the year a birth year is counted from (the publication's; this year
    when not given). A match that runs over a line break is shown, and compared with the
    allowed strings, with its whitespace collapsed to single spaces, so that a message stays
    on one line.
    """
    reviewed = {" ".join(exception.split()) for exception in allowed}
    year = datetime.date.today().year if as_of is None else as_of
    findings: list[Finding] = []
    covered_to = 0
    # Sorted, the longest match at a position comes first, then the rule listed first.
    for start, neg_end, index in sorted(_candidates(text)):
        # Overlaps are one identifier seen by two patterns (a labelled SSN is also a bare one).
        if start < covered_to or RULES[index].kind in skip:
            continue
        if RULES[index].kind == "birth-year" and not p.birth_year_over_89(
            text[start:-neg_end], year
        ):
            continue
        covered_to = -neg_end
        matched = text[start:covered_to]
        shown = " ".join(matched.split())
        if shown not in reviewed:
            kind = RULES[index].kind
            findings.append(Finding(start, covered_to, kind, matched, message(kind, shown)))
    return findings


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern for one kind; the finding is the first group named id... that took part
    (id, id2: alternatives cannot share a name), else the whole match.

    Python's re scans fast only for a pattern that starts with a literal or a character class;
    a lookbehind, \\b or (?i) at the start makes it try every position, a millisecond a case.
    So "digit" and "capital" rules are tried together in one scan, where a token starting with
    a digit (or + or () or a capital starts; "words" rules are tried only near a trigger: a
    word with a literal start, searched for in the lowercased text.
    """

    kind: str
    pattern: str
    _: KW_ONLY
    lead: str = "words"
    triggers: tuple[str, ...] = ()
    window: tuple[int, int] = (40, 40)
    min_digits: int = 0
    accept: Callable[[str], bool] | None = None
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    spans: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(self.pattern))
        spans = tuple(name for name in self.regex.groupindex if name.startswith("id"))
        object.__setattr__(self, "spans", spans)


# Order breaks ties between findings with the same span: the more specific kind comes first.
RULES: tuple[Rule, ...] = (
    Rule("email", p.EMAIL, triggers=("@",), window=(70, 200)),
    Rule("url", p.URL, triggers=("://", "www."), window=(8, 600), accept=p.is_patient_url),
    Rule("ssn", p.SSN, lead="digit"),
    Rule("ssn", p.SSN_LABELLED, triggers=p.SSN_TRIGGERS),
    Rule("record-number", p.RECORD_NUMBER, triggers=p.RECORD_TRIGGERS),
    Rule("health-plan-number", p.HEALTH_PLAN_NUMBER, triggers=p.NUMBER_TRIGGERS),
    Rule("account-number", p.ACCOUNT_NUMBER, triggers=p.ACCOUNT_TRIGGERS),
    Rule("account-number", p.CARD_NUMBER, lead="digit"),
    Rule("licence-number", p.LICENCE_NUMBER, triggers=p.NUMBER_TRIGGERS),
    Rule("vehicle-id", p.PLATE, triggers=p.PLATE_TRIGGERS),
    Rule("vehicle-id", p.VIN, lead="digit"),
    Rule("vehicle-id", p.VIN, lead="capital"),
    Rule("device-id", p.DEVICE_ID, triggers=p.DEVICE_TRIGGERS),
    Rule("id-number", p.ID_NUMBER, triggers=p.NUMBER_TRIGGERS),
    Rule("phone", p.PHONE, lead="digit", min_digits=8),
    Rule("phone", p.PHONE_LABELLED, triggers=p.PHONE_TRIGGERS, min_digits=7),
    Rule("ip-address", p.IPV4, lead="digit", accept=p.octets_in_range),
    Rule("ip-address", p.IPV6, triggers=(r":[0-9a-f]{0,4}:",), window=(40, 60)),
    Rule("date", p.DATE_NUMERIC, lead="digit", accept=p.plausible_date),
    Rule("date", p.DATE_DAY_FIRST, lead="digit"),
    Rule("date", p.DATE_MONTH_FIRST, lead="capital"),
    Rule("date", p.DATE_MONTH_ALONE, lead="capital"),
    Rule("age-over-89", p.AGE_NUMERIC, lead="digit", accept=p.age_over_89),
    Rule("age-over-89", p.AGE_WORDS, triggers=p.AGE_TRIGGERS),
    Rule("address", p.ADDRESS_NUMBERED, lead="digit"),
    Rule("address", p.ADDRESS_UNIT, lead="capital"),
    Rule("address", p.ADDRESS_NAMED, triggers=p.STREET_TRIGGERS, window=(60, 12)),
    Rule("postcode", p.POSTCODE, lead="capital"),
    Rule("postcode", p.POSTCODE_LABELLED, triggers=p.POSTCODE_TRIGGERS),
    Rule("birth-year", p.BIRTH_YEAR, triggers=p.BIRTH_TRIGGERS, window=(25, 30)),
    Rule("name", n.NAME_HONORIFIC, lead="capital"),
    Rule("name", n.NAME_CALLED, triggers=p.NAMED_TRIGGERS),
    Rule("patient-name", n.NAME_BESIDE_PERSON, triggers=n.PERSON_TRIGGERS, window=(1, 90)),
    Rule("patient-name", n.NAME_WITH_AGE, triggers=n.NAME_WITH_AGE_TRIGGERS, window=(80, 40)),
    Rule("initials", n.INITIALS, lead="capital"),
    Rule("biometric", p.BIOMETRIC, triggers=p.BIOMETRIC_TRIGGERS, window=(20, 40)),
    Rule("occupation", n.OCCUPATION, triggers=n.OCCUPATION_TRIGGERS, window=(6, 120)),
    Rule(
        "small-place",
        n.SMALL_PLACE,
        triggers=n.SMALL_PLACE_TRIGGERS,
        window=(70, 80),
        accept=n.fewer_than_20000,
    ),
)

_Indexed = list[tuple[int, Rule]]
# Where a "digit" or "capital" rule may start, and what it needs there: cheap checks that turn
# away "4 mg", "2019;" and "The" before any rule is tried. A digit rule needs a separator and
# a digit, a letter, or a capitalised word (a month, a street) after its first digits; a
# capital rule needs a second capital, digit or dot (postcodes, VINs, initials, US states) or
# the start of a month, honorific or unit word. A new rule must fit these; the tests'
# positive examples check that it does.
_LEADS = {
    "digit": (
        "0-9+(",
        r"\+\d|\(\d{3}\)|0\d{6}|\d++(?:[-/. ]\d|[-\s]{0,2}(?:[A-Zy]|of\s)|[a-zA-Z])",
    ),
    "capital": (
        n.UPPER,
        rf"[{n.UPPER}][{n.UPPER}\d.]|Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec"
        rf"|{n.HONORIFIC_LEADS}|Ap[ta]|Sui|Fla|P\.",
    ),
}


def _token_search(rules: _Indexed) -> re.Pattern[str]:
    """One scan that stops wherever a "digit" or "capital" rule matches.

    re skips fast to a character class that starts a pattern, so the class comes first; a
    lookbehind then steps back onto that character to try each lead's rules from there. An
    empty group after each rule names the first rule that matched (its position in rules).
    """
    start = "[" + "".join(chars for chars, _ in _LEADS.values()) + "]"
    branches = []
    for lead, (_, needs) in _LEADS.items():
        # Each rule keeps its own group names; inside one pattern they must differ.
        ahead = "|".join(
            re.sub(r"\(\?P([<=])(\w+)", rf"(?P\1\2_{position}", rule.regex.pattern).join(
                ("(?:", f")(?P<r{position}>)")
            )
            for position, (_, rule) in enumerate(rules)
            if rule.lead == lead
        )
        branches.append(f"(?={needs})(?:{ahead})")
    return re.compile(rf"{start}(?<!\w{start})(?<=(?={'|'.join(branches)}){start})")


_TriggerGroup = list[tuple[re.Pattern[str], _Indexed]]


def _trigger_searches(triggers: dict[str, _Indexed]) -> list[tuple[re.Pattern[str], _TriggerGroup]]:
    """Triggers sharing a first character, in one search each that re finds by that character.

    The search has no groups (a group at the start of an alternative stops re from skipping
    it on the next character), so a hit is matched again against each trigger of the group.
    """
    by_first: dict[str, list[str]] = {}
    for trigger in triggers:
        by_first.setdefault(trigger[0], []).append(trigger)
    return [
        (
            re.compile(f"{re.escape(first)}(?:{'|'.join(t[1:] for t in group)})"),
            [(re.compile(t), triggers[t]) for t in group],
        )
        for first, group in by_first.items()
    ]


def _build_searches() -> tuple[
    tuple[re.Pattern[str], _Indexed], list[tuple[re.Pattern[str], _TriggerGroup]]
]:
    tokens: _Indexed = []
    triggers: dict[str, _Indexed] = {}
    for index, rule in enumerate(RULES):
        if rule.lead in _LEADS:
            tokens.append((index, rule))
        for trigger in rule.triggers:
            triggers.setdefault(trigger, []).append((index, rule))
    return (_token_search(tokens), tokens), _trigger_searches(triggers)


_TOKEN_SEARCH, _TRIGGER_SEARCHES = _build_searches()


def _lowercase(text: str) -> str:
    """Lowercase with offsets kept: a few characters ('İ') lowercase to two."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(char.lower()[0] for char in text)


def _candidates(text: str) -> set[tuple[int, int, int]]:
    """(start, -end, rule index) of every match that passes its rule's checks."""
    found: set[tuple[int, int, int]] = set()

    def keep(index: int, rule: Rule, match: re.Match[str]) -> None:
        start, end = next((match.span(g) for g in rule.spans if match.start(g) >= 0), match.span())
        matched = text[start:end]
        if rule.min_digits and sum(char.isdigit() for char in matched) < rule.min_digits:
            return
        if rule.accept is None or rule.accept(matched):
            found.add((start, -end, index))

    search, rules = _TOKEN_SEARCH
    for hit in search.finditer(text):
        # Rules before the first that matched did not; later ones of its lead still may.
        first = int(hit.lastgroup[1:])  # type: ignore[index]
        for index, rule in rules[first:]:
            if rule.lead == rules[first][1].lead:
                match = rule.regex.match(text, hit.start())
                if match is not None:
                    keep(index, rule, match)
    folded = _lowercase(text)
    windows: dict[int, list[tuple[int, int]]] = {}
    for search, group in _TRIGGER_SEARCHES:
        for hit in search.finditer(folded):
            for trigger, rules in group:
                trigger_hit = trigger.match(folded, hit.start())
                if trigger_hit is None:
                    continue
                for index, rule in rules:
                    before, after = rule.window
                    window = (max(0, hit.start() - before), trigger_hit.end() + after)
                    windows.setdefault(index, []).append(window)
    for index, rule_windows in windows.items():
        rule = RULES[index]
        # Overlapping windows merged: text dense with triggers is scanned once, not once a hit.
        merged: list[list[int]] = []
        for start, end in sorted(rule_windows):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        for start, end in merged:
            for match in rule.regex.finditer(text, start, end):
                keep(index, rule, match)
    return found
