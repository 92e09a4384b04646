"""Regular expressions for people and places: names, honorifics, initials, and the indirect
identifiers (a one-of-a-kind occupation at a named organisation, a small named place)."""

from __future__ import annotations

import re
import unicodedata


def _letters(category: str) -> str:
    """A character class body of the Latin letters of one case, accents included: ASCII,
    Latin-1, Latin Extended-A and B (Łukasz, Şahin, Dvořák) and Vietnamese (Nguyễn)."""
    codes = [
        code
        for block in (range(0x41, 0x250), range(0x1E00, 0x1F00))
        for code in block
        if unicodedata.category(chr(code)) == category
    ]
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


UPPER = _letters("Lu")
LOWER = _letters("Ll")


def after(words: str) -> str:
    """Preceded by one of these |-separated words (first letter in either case) and a space
    or a hyphen, each a fixed-width lookbehind."""
    return (
        "(?:"
        + "|".join(rf"(?<=[{w[0].upper()}{w[0]}]{re.escape(w[1:])}[ -])" for w in words.split("|"))
        + ")"
    )


# A capitalised name word: Smith, O'Brien, McDonald, Smith-Jones, Müller, Łukasiewicz.
NAME = (
    rf"[{UPPER}](?:['’][{UPPER}])?[{LOWER}]+(?:[{UPPER}][{LOWER}]+)?(?:-[{UPPER}][{LOWER}]+)?"
    r"(?!\w)"
)
# Lower-case words inside a name: Marie de la Cruz, Ludwig van der Berg, Ahmed bin Saleh.
_PARTICLE = r"(?:de|del|della|der|den|di|da|das|do|dos|du|la|le|van|von|ten|ter|y|bin|ibn|al)"
_FULL_NAME = rf"{NAME}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{NAME}){{0,2}}"
INITIALS_DOTTED = rf"[{UPPER}]\.(?:\s?[{UPPER}]\.){{1,2}}"
# An eponym names a sign or a disease after a person who is not the patient.
_NOT_EPONYM = (
    r"(?!\s+(?:syndrome|disease|sign|nodule|phenomenon|reaction|test|reflex|triad|lesions?"
    r"|sarcoma|thyroiditis|palsy|ulcers?|classification|criteria)\b)"
)

# Honorifics in English and the languages a clinic's patients may bring; each must start one
# of the "capital" leads in deid.py. Not taken, because they are words or eponyms too: Lady
# (Lady Windermere syndrome), Sister (Sister Mary Joseph nodule), Don (Don Juan), M. (an
# initial), Pan (Pan American), Sri (Sri Lanka), Fr (Father, or a German Frau).
_HONORIFIC = (
    r"Mrs|Mr|Ms|Miss|Mx|Dr|Doctor|Prof|Professor|Sir|Dame"
    r"|Sra|Srta|Sr|Señora|Señorita|Señor|Doña|Dña|Dra"
    r"|Mme|Mlle|Madame|Mademoiselle|Monsieur"
    r"|Herr|Frau|Fräulein"
    r"|Signora|Signorina|Signor|Sig\.ra|Sig\.na|Sig|Dott\.ssa|Dottoressa|Dott"
    r"|Mevrouw|Mevr|Dhr|Meneer"
    r"|Pani"
    r"|Shrimati|Shri|Smt|Kumari"
)
HONORIFIC_LEADS = (
    rf"M[rsxmlaoe]|Mis|D[roñh]|Pro|Sir|Dam|S[reimh]|Fr|He|Pa|Ku"
    rf"|[{UPPER}][{LOWER}]+-(?:san|sama|kun|chan)\b"
)
# Honorific + name, initials, or initials without dots. Must not catch eponyms or author names
# (Koebner, Koumaki et al.), which never carry an honorific in case text.
NAME_HONORIFIC = (
    rf"(?:{_HONORIFIC})\b\.?\s+(?:[{UPPER}]\.(?:\s?[{UPPER}]\.){{0,2}}(?:\s?{NAME})?"
    rf"|(?:{_PARTICLE}\s+)?{NAME}(?:\s+{NAME})?|[{UPPER}]{{2,3}}\b){_NOT_EPONYM}"
    # Japanese: Tanaka-san, Sato-sama.
    rf"|{NAME}-(?:san|sama|kun|chan)\b"
)
# Words for a person whom a case can be about.
PERSON = (
    r"(?:patient|man|woman|boy|girl|child|infant|baby|neonate|gentleman|lady|mother|father"
    r"|sister|brother|wife|husband|son|daughter|partner)"
)
# "a woman named Jane Doe", "her name is Jane". Must not catch "a drug named Dupixent" or
# "a rash called Sweet syndrome", so only after a word for a person or 'name is'.
NAME_CALLED = (
    rf"(?:\b{PERSON},?\s+(?:named|called)|\b(?:whose|his|her|their|patient['’]s)\s+name\s+"
    rf"(?:is|was))\s+(?P<id>{NAME}(?:\s+{NAME}){{0,2}})"
)
# Capitalised words that follow "patient" in titles and prose and are no name.
_NOT_A_NAME = (
    r"(?!(?:With|Who|Whose|Which|And|Or|But|Of|In|On|At|To|For|From|By|The|This|That|After"
    r"|Before|During|Treated|Was|Were|Is|Has|Had|However|Then|Also|Presented|Presenting"
    r"|Received|Receiving|Reported|Safety|Education|Information|Perspective|Care|Consent"
    r"|Outcomes?|Experience|Centred|Centered|Group|Groups|Characteristics|Demographics"
    r"|Selection|Recruitment|Population|Case|Cases|History|Record|Records)\b)"
)
# "The patient, John Smith, improved", "our patient Maria Garcia", "the patient, Jane,": a
# capitalised pair next to a word for the patient, or one name set off by commas.
NAME_BESIDE_PERSON = (
    rf"(?i:\b{PERSON})\b(?:\s*,\s*|\s+){_NOT_A_NAME}"
    rf"(?P<id>{NAME}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{NAME}){{1,2}}){_NOT_EPONYM}"
    rf"|(?i:\b{PERSON})\s*,\s*{_NOT_A_NAME}(?P<id2>{NAME})(?=\s*,)"
)
PERSON_TRIGGERS = tuple(
    rf"{word}(?<![a-z0-9]{word})(?![a-z])" for word in PERSON.strip("(?:)").split("|")
)
# "(John Smith, 43)", "John Smith, a 43-year-old man". Must not catch "(Koumaki et al., 2019)"
# or "(Crohn disease, 12%)".
NAME_WITH_AGE = (
    rf"(?<![\w'’-])(?P<id>{NAME}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{NAME}){{1,2}})"
    r"(?=,\s*(?:an?\s+|aged\s+)?\d{1,3}(?:\)|,|[-\s]*(?:years?|yrs?|y/?o)\b))"
)
# "patient J.S." or "J.S., a 45-year-old"; "patient JS" or "JS, a 45-year-old". Must not catch
# "Patient A", "U.S., a", or an abbreviation after "patient" ("patient MRI", "patient AD").
_ABBREVIATIONS = (
    r"AD|PPP|HIV|AIDS|MRI|CT|PET|ECG|EKG|EEG|EMG|BMI|BP|HR|RR|ICU|ED|ER|GP|OR|IV|IM|SC|PO|PRN"
    r"|RA|SLE|MS|ALS|COPD|CKD|AKI|IBD|UC|CD|GVHD|TB|HCV|HBV|HPV|CMV|EBV|HSV|VZV|MRSA|UTI|DVT"
    r"|PE|MI|CHF|CAD|DM|HTN|ANA|CRP|ESR|WBC|RBC|ADHD|ASD|OCD|PTSD|NHS|WHO|FDA|EMA|USA|UK|US"
    r"|EU|JAK|TNF|IL|IGA|NRS|VAS|AE|SAE|HS|PV|BCC|SCC|SJS|TEN|ID|NO|ALL|AML|CLL|CML|IS|AND"
)
INITIALS = (
    rf"(?={INITIALS_DOTTED}){after('patient|pt.|pt|case')}(?P<id>{INITIALS_DOTTED})"
    rf"|(?!U\.\s?[SK]\.){INITIALS_DOTTED}(?=,?\s+(?:an?|aged)\s)"
    rf"|(?=[{UPPER}]{{2,3}}\b){after('patient|pt.|pt|case')}(?!(?:{_ABBREVIATIONS})\b)"
    rf"(?P<id2>[{UPPER}]{{2,3}})(?![\w+/-]|\.\w|\s*\d)"
    rf"|(?!(?:{_ABBREVIATIONS})\b)[{UPPER}]{{2,3}}(?=,\s+(?:an?|aged)\s+\d)"
)

# "the mayor of Springfield", "a striker for Manchester United": a role that one person holds
# at a named organisation or place. Roles that many hold (nurse, professor) are not listed.
_ORG_WORD = rf"(?:[{UPPER}][{LOWER}]*(?:['’]s)?|[{UPPER}]{{2,5}})"
_ORGANISATION = rf"(?:the\s+)?{_ORG_WORD}(?:\s+(?:of\s+|and\s+|&\s+|for\s+)?{_ORG_WORD}){{0,5}}"
_ROLE = (
    r"mayor|governor|senator|congress(?:wo)?man|ambassador|president|chancellor"
    r"|chief\s+executive|CEO|chair(?:wo)?man|chairperson|founder|owner|head\s*teacher"
    r"|head(?:master|mistress)|principal|dean|provost|rector|vicar|bishop|archbishop|priest"
    r"|pastor|rabbi|imam|captain|coach|goalkeeper|striker|conductor|editor|sheriff|judge"
    r"|magistrate|police\s+chief|chief\s+of\s+police|fire\s+chief|postmaster|postmistress"
    r"|landlord|landlady|publican|abbot|abbess|lighthouse\s+keeper"
)
_PERSON_NOUN = (
    r"(?!(?:other|number|order|after|under|later|former|either|ever|never|over|year|center)\b)"
    r"[a-z]+(?:ist|er|or|ian|ant|ess|smith|wright|man|woman)"
)
OCCUPATION = (
    rf"(?i:\b(?:{_ROLE}))\s+(?:of|at|for)\s+{_ORGANISATION}"
    rf"|\b(?i:only|sole)\s+{_PERSON_NOUN}\s+(?:in|at|of|for)\s+{_ORGANISATION}"
)
_ROLE_WORDS = (
    "mayor governor senator congressman congresswoman ambassador president chancellor chief ceo"
    " chairman chairwoman chairperson founder owner head headteacher headmaster headmistress"
    " principal dean provost rector vicar bishop archbishop priest pastor rabbi imam captain"
    " coach goalkeeper striker conductor editor sheriff judge magistrate police fire postmaster"
    " postmistress landlord landlady publican abbot abbess lighthouse only sole"
)
# Whole words only: "sole" must not fire on every "soles".
OCCUPATION_TRIGGERS = tuple(rf"{w}(?<![a-z0-9]{w})(?![a-z])" for w in _ROLE_WORDS.split())
# "the village of Foula", "a hamlet called Little Snoring", "Ballymore (population 312)": a
# place small enough to identify (Safe Harbor: a unit of fewer than 20,000 people). Must not
# catch the islets of Langerhans or the island of Reil, which are anatomy.
_PLACE = rf"{NAME}(?:\s+{NAME}){{0,2}}|St\.?\s+{NAME}"
# Anatomy (the islets of Langerhans, the island of Reil), and islands that are countries or
# large regions, which may be named like a state or a country.
_NOT_SMALL = (
    r"Reil|Langerhans|Calleja|Ireland|Great\s+Britain|Britain|Sicily|Sardinia|Corsica|Crete"
    r"|Cyprus|Malta|Java|Sumatra|Borneo|Bali|Honshu|Hokkaido|Kyushu|Shikoku|Okinawa|Taiwan"
    r"|Hainan|Luzon|Mindanao|Tasmania|Newfoundland|Hawaii|Oahu|Cuba|Jamaica|Hispaniola"
    r"|Puerto\s+Rico|Trinidad|Sri\s+Lanka|Madagascar|Iceland|Greenland|Mauritius|Montreal"
    r"|Manhattan|Long\s+Island|Vancouver\s+Island|Zealand|Funen|Gotland|Mallorca|Majorca"
    r"|Tenerife|Gran\s+Canaria|Madeira|Singapore|Bahrain"
)
SMALL_PLACE = (
    r"(?i:\b(?:village|hamlet|island|settlement|township|commune|parish|croft|kibbutz|atoll))"
    rf"\s+(?:of|called|named)\s+(?!(?:{_NOT_SMALL})\b)(?:{_PLACE})"
    rf"|(?<![\w'’-])(?:{_PLACE})\s*\((?i:pop(?:\.|ulation))\s*:?\s*\d(?:[\d,. ]*\d)?\)"
)
_PLACE_WORDS = "village hamlet island settlement township commune parish croft kibbutz atoll"
SMALL_PLACE_TRIGGERS = (
    *(rf"{w}(?<![a-z]{w})(?=\s+(?:of|called|named)\s)" for w in _PLACE_WORDS.split()),
    # Each trigger starts with a literal character: "pop" of "(population 312)".
    r"pop(?<=\(pop)",
)


def fewer_than_20000(text: str) -> bool:
    """A place with its population: small enough to identify under Safe Harbor."""
    match = re.search(r"\((?i:pop\D*)([\d,. ]+)\)$", text)
    return match is None or int(re.sub(r"\D", "", match[1])) < 20_000


NAME_WITH_AGE_TRIGGERS = (
    r",(?=\s*(?:an?\s+|aged\s+)?\d{1,3}(?:\)|,|[-\s]*(?:years?|yrs?|y/?o)\b))",
)
