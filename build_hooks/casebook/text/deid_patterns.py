"""Regular expressions for HIPAA Safe Harbor identifiers: one named pattern per kind, or a few."""

from __future__ import annotations

import re

from casebook.text.deid_names import NAME as _NAME
from casebook.text.deid_names import after as _after

# Digits standing alone: not inside a word, decimal, page range, DOI or fraction.
_NUM_START = r"(?<![\w./-])"
_NUM_END = r"(?![\w/-]|[.,:]\d)"
_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
# Spelled as a tree so that re rejects a capital that starts no month in one step.
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?"
    r"|Jul(?:y|\.)?|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?"
    r"|Dec(?:ember|\.)?)"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
# A labelled identifier's value: capitals and digits with - / . inside, or digit groups
# separated by spaces (NHS 943 476 5919). A lowercase word ends it, and it needs three digits
# ("case no. 2" and "patient 3" number the patients of a case series).
_VALUE = r"(?=(?:[A-Z./-]*\d){3})[A-Z0-9]+(?:[-/.][A-Z0-9]+)*(?:[ ]\d{3,})*"
_NUMBER_WORD = r"(?:number|no\.?|nr\.?|num\.?|#)"


def _labelled(labels: str) -> str:
    """Label (any case), optional ':' or '#' or 'is', then a value in capitals and digits."""
    return rf"(?i:{labels})(?!\w)\s*[:#]?\s*(?:(?i:is|was)\s+)?{_VALUE}"


def plausible_date(text: str) -> bool:
    """Day 1-31, month 1-12 and year 1900-2099 in some order, with one kind of separator."""
    parts = re.split(r"[-/.]", text)
    if len(set(re.findall(r"[-/.]", text))) != 1:
        return False
    numbers = [int(part) for part in parts]
    if len(parts) == 2:
        return len(parts[0]) == 2 and 1 <= numbers[0] <= 12 and 1900 <= numbers[1] <= 2099
    if len(parts[0]) == 4:
        year, month, day = numbers
    elif len(parts[2]) == 4 or "/" in text:
        day, month, year = [*sorted(numbers[:2], reverse=True), numbers[2]]
        year = year if len(parts[2]) == 4 else 2000
    else:
        return False
    return 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31


def octets_in_range(text: str) -> bool:
    return all(int(part) <= 255 for part in text.split("."))


def birth_year_over_89(text: str, as_of: int) -> bool:
    """A birth year in `text` that makes the patient 90 or older in the year `as_of`."""
    return as_of - int(re.findall(r"\d{4}", text)[-1]) >= 90


def age_over_89(text: str) -> bool:
    return 90 <= int(re.match(r"\d+", text)[0]) <= 149  # type: ignore[index]


# Tried where a token starts with a digit, '+' or '(' (see deid.py).
# Must not catch "120/80 mmHg", "1:100", "0-72", "2019;80(4):913-921.e9", "1.3" or "2.1.3".
DATE_NUMERIC = rf"{_NUM_START}(?:\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|\d\d/\d{{4}}){_NUM_END}"
# "12 March 2023", "3rd of March", "12-Mar-2023". Must not catch "week 4" or "4 mg".
DATE_DAY_FIRST = rf"{_NUM_START}{_DAY}[-\s]+(?:of\s+)?{_MONTH}(?:[-\s,]+{_YEAR})?\b"
# "93-year-old", "93 y/o", "95 years of age". Must not catch "a 20-year-old man", "aged 89" or
# "90 years or older", the Safe Harbor wording.
_NOT_AGGREGATED = (
    r"(?!\s*(?:years?\s*)?(?:\+|or\s+(?:older|over|above|more)|and\s+(?:older|over|above)))"
)
AGE_NUMERIC = (
    rf"(?<![\w.,])\d{{2,3}}(?:\s?-?\s?(?:years?|yrs?)[-\s]old\b|\s?(?:y/o|yo)\b"
    rf"|\s+years?\s+of\s+age\b){_NOT_AGGREGATED}"
)
# "+44 20 7946 0958", "(555) 123-4567", "555.123.4567", "020 7946 0958". Must not catch
# "CD4+ 450", "0.8 ×10^9/L", page ranges "913-921" or "platelets 250 000/µL".
PHONE = (
    r"\+\d{1,3}(?:[ .-]?(?:\(\d{1,4}\)|\d{1,4})){2,5}(?!\w)"
    rf"|\(\d{{3}}\)\s?\d{{3}}[-. ]\d{{4}}{_NUM_END}"
    rf"|{_NUM_START}\d{{3}}(?:-\d{{3}}-|\.\d{{3}}\.| \d{{3}} )\d{{4}}{_NUM_END}"
    rf"|{_NUM_START}0\d{{2,4}}[ -]?\d{{3,4}}[ -]?\d{{3,4}}{_NUM_END}"
)
# Must not catch dates "1.3.2024", section numbers "2.1.3" or enzyme numbers "EC 3.4.21.4".
IPV4 = r"(?<![\w.])(?<!EC )\d{1,3}(?:\.\d{1,3}){3}(?!\w|\.\d)"
# "123-45-6789" in exactly that shape. Must not catch CAS numbers (50-00-0).
SSN = r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])(?<!000-\d\d-\d{4})(?<!-00-\d{4})(?<!-0000)"
# Four groups of four. ORCID iDs (0000-0002-1825-0097) have that shape but start with 0.
CARD_NUMBER = r"(?<![\w-])[1-9]\d{3}(?:[ -]\d{4}){3}(?![\w-])"
# 17 characters, at least three letters and three digits. A VIN has no I, O or Q; a DNA
# sequence has no digits.
VIN = (
    r"[A-HJ-NPR-Z0-9]{17}(?![\w-])(?<![\w-].{17})"
    r"(?<=(?=(?:[A-HJ-NPR-Z]*\d){3})(?=(?:\d*[A-HJ-NPR-Z]){3}).{17})"
)
_STREET = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Place|Pl|Way"
    r"|Terrace|Close|Crescent|Square|Highway|Hwy|Parkway|Gardens|Mews|Strasse|Straße)"
)
# "12 Baker Street", "221B Baker Street". Must not catch "2 Crohn Disease" or "Figure 3 A".
ADDRESS_NUMBERED = rf"{_NUM_START}\d{{1,5}}[A-Za-z]?\s+(?:{_NAME}\s+){{1,3}}{_STREET}\b"

# Tried where a token starts with a capital.
# "March 3, 2024", "March 2024". Must not catch "2019 Apr 3;" in a Vancouver citation.
DATE_MONTH_FIRST = (
    rf"(?<!\d\d\d\d\s){_MONTH}\s+{_DAY}(?![\d:.]\d|\d)(?:,?\s+{_YEAR})?\b"
    rf"|{_MONTH},?\s+(?:of\s+)?{_YEAR}\b"
)
# "in March", "mid-May": a month alone is still an element of a date. "May" the verb is
# lowercase after these words.
DATE_MONTH_ALONE = (
    rf"(?={_MONTH_FULL}\b)"
    + _after(
        "in|on|since|during|until|till|by|from|through|before|after|early|late|last|next|this"
        "|mid|end of|beginning of"
    )
    + rf"(?P<id>{_MONTH_FULL})"
)
# "Apt 4", "Suite 200", "PO Box 12". Must not catch "Flat 3 mm papules".
ADDRESS_UNIT = (
    r"(?:Apt|Apartment|Suite|Flat)\.?\s*#?\s*\d+[A-Z]?\b"
    r"(?![\s-]*(?:mm|cm|µm|um|m|x|×|%)(?!\w)|\s*[-–]\s*\d)|P\.?\s?O\.?\s+Box\s+\d+\b"
)
_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV"
    "|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
# UK "NW1 6XE", Canadian "K1A 0B1", US ZIP after "City, ST". UK inward letters never include
# CIKMOV, which keeps out "T2 5MG". Must not catch "HLA-B27", "L40.3", "JAK2 V617F", "H1N1",
# or a bare five-digit count or PMID.
POSTCODE = (
    r"[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s\d[ABD-HJLNP-UW-Z]{2}(?![\w-])"
    r"|[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s?\d[ABCEGHJ-NPRSTV-Z]\d(?![\w-])"
    rf"|(?=[A-Z][A-Z]\s+\d{{5}})(?<=, )(?:{_US_STATES})\s+(?P<id>\d{{5}}(?:-\d{{4}})?){_NUM_END}"
)

# Tried near a trigger word.
# "lives on Abbey Road". Must not catch "On Baker Street" as a name of three words.
ADDRESS_NAMED = (
    rf"\b(?!(?:On|In|At|The|From|Near|To|Of|Off)\b)(?:{_NAME}\s+){{1,2}}"
    r"(?:Street|Road|Avenue|Lane|Boulevard)\b"
)
# "ZIP code 12345", "postcode: 2000".
POSTCODE_LABELLED = (
    r"(?i:\b(?:zip(?:\s*code)?|post\s*code|postal\s+code))\s*:?\s*"
    r"(?=[A-Z0-9 -]*\d)[A-Z0-9]{2,5}(?:[ -][A-Z0-9]{3,4})?\b"
)
# "aged 91", "age: 90", "at the age of 92", "ninety-two-year-old". Must not catch "aged 89",
# "aged 90 or older", "over the age of 90" or "aged 95 days".
AGE_WORDS = (
    r"(?<!over the )(?<!above the )\b(?i:aged|age(?:\s+of)?)\s*:?\s*(?:9\d|1[0-4]\d)"
    rf"{_NOT_AGGREGATED}(?!\s*(?:days?|d|weeks?|wks?|months?|mos?|hours?|h|%)\b|[.,]\d|\d)"
    r"|(?i:\bninety(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
    rf"|\b(?:one\s+)?hundred)[-\s]years?[-\s]old\b{_NOT_AGGREGATED}"
)
# "born in 1930", "(b. 1929)", "year of birth 1931", "YOB: 1925": a year that, with the date
# of publication, gives an age (deid.py keeps those over 89). Must not catch "born at 32
# weeks" or "born in the 1930s".
BIRTH_YEAR = (
    r"(?i:\bborn\s+(?:in\s+)?|(?<![\w.])b\.\s?|\b(?:year\s+of\s+birth|birth\s*year|YOB|D\.?O\.?B\.?)"
    r"\s*:?\s*)(?P<year>1[89]\d\d|20\d\d)(?![\w/.-]\d|\w)"
)
# "Tel: 01632 960123", "call 555 0199 22". Must not catch "pH 7.4" (no 'ph' label).
PHONE_LABELLED = (
    r"(?i:\b(?:tel(?:ephone)?|phone|fax|mobile|cell\s?phone|pager|bleep|call|contact\s+number))"
    r"\b\.?\s*(?:(?i:no|number)\.?\s*)?[:#]?\s*(?P<id>\+?\(?\d[\d ().-]{5,}\d)"
)
# Each pattern found near a trigger starts with a character or a literal, so that re skips ahead
# fast, and checks what comes before it only then.
EMAIL = (
    r"[A-Za-z0-9](?<![\w.%+-][A-Za-z0-9])[\w.%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
    r"\.[A-Za-z]{2,}\b"
)
# Must not catch "doi:10.1016/j.jaad.2018.01.018"; see is_patient_url for reference links.
URL = (
    r"(?:http(?<!\whttp)s?://|ftp(?<!\wftp)://|www(?<!\wwww)\.)"
    r"[^\s<>\"'`\]]*[^\s<>\"'`\].,;:!?)]"
)
_SCHOLARLY_HOSTS = re.compile(
    r"(?i)^(?:https?://)?(?:www\.|dx\.)?(?:doi\.org|orcid\.org|pubmed\.ncbi\.nlm\.nih\.gov"
    r"|ncbi\.nlm\.nih\.gov|clinicaltrials\.gov)(?:/|$)"
)


def is_patient_url(url: str) -> bool:
    """Links to a publication, a trial registry or an author's ORCID identify no patient."""
    return _SCHOLARLY_HOSTS.match(url) is None


_HEX = r"[0-9A-Fa-f]{1,4}"
# Must not catch times "12:30:45" or ratios "1:100".
IPV6 = (
    rf"(?<![\w:])(?:{_HEX}:){{7}}{_HEX}(?![\w:])"
    rf"|(?<![\w:])(?:{_HEX}:){{1,6}}:{_HEX}(?::{_HEX}){{0,5}}(?![\w:])"
)
SSN_LABELLED = (
    r"(?i:\b(?:SSN|social\s+security(?:\s+(?:number|no\.?|#))?))\s*[:#]?\s*"
    r"\d{3}[- ]?\d{2}[- ]?\d{4}\b"
)
# "MRN: 00123456", "record no. 45-678", "hospital number 4455667", "accession no. S23-1234".
# Must not catch "patient 3", "case 2", "hospital day 3", "ICD-10 L40.3".
# Abbreviated: "hosp no 123456", "MR# 0012345", "pt ID 778899", "med rec no 5566778".
RECORD_NUMBER = _labelled(
    rf"\bMRN|\bMR\s*{_NUMBER_WORD}|\bmed(?:ical|\.)?\s*rec(?:ord|\.)?(?:\s*{_NUMBER_WORD})?"
    r"|\b(?:hospital|hosp\.?|record|rec\.|chart|case|unit|admission|adm\.?|encounter|accession"
    rf"|episode|clinic|UR|CHI|NHI)\s*{_NUMBER_WORD}|\b(?:hospital|hosp\.?|patient|pt\.?)\s+"
    r"(?:ID|identifier)"
)
# "Medicare number 1EG4-TE5-MK72", "NHS number 943 476 5919", "policy no. 77-1234".
HEALTH_PLAN_NUMBER = _labelled(
    r"\b(?:Medicare|Medicaid|Medi-Cal|NHS|health\s+(?:plan|insurance|card)|insurance|insurer"
    rf"|member(?:ship)?|policy|beneficiary|subscriber)\s+(?:ID\s+)?(?:{_NUMBER_WORD}|ID)"
)
ACCOUNT_NUMBER = _labelled(
    rf"\b(?:bank\s+)?account\s+{_NUMBER_WORD}|\bacct\.?(?:\s+{_NUMBER_WORD})?|\bIBAN"
    rf"|\b(?:billing|invoice|(?:credit|debit)\s+card|card)\s+{_NUMBER_WORD}"
)
LICENCE_NUMBER = _labelled(
    r"\b(?:(?:driver['’]?s|driving|medical|professional|nursing|firearms?)\s+)?licen[cs]e\s+"
    rf"{_NUMBER_WORD}|\b(?:certificate|permit|DEA)\s+{_NUMBER_WORD}"
)
# "licence plate AB12 CDE", "vehicle registration: KA-01-1234".
PLATE = (
    r"(?i:\b(?:licen[cs]e\s+plate|number\s+plate|registration\s+plate|plate\s+(?:number|no\.?)"
    r"|vehicle\s+registration(?:\s+number)?))\s*[:#]?\s*"
    r"(?=[A-Z0-9 -]*\d)[A-Z0-9]{1,8}(?:[ -][A-Z0-9]{1,4}){0,2}\b"
)
# "serial number SN-44821", "S/N 123456", "pacemaker ID 12-3456". A make and model may stay.
DEVICE_ID = _labelled(
    rf"\bserial\s+{_NUMBER_WORD}|\bS/N|\bUDI|\bIMEI|\b(?:device|implant|pacemaker|defibrillator"
    rf"|pump|hearing\s+aid|prosthesis)\s+(?:serial|ID|identifier|{_NUMBER_WORD})"
    rf"(?:\s+{_NUMBER_WORD})?"
)
# Any other labelled unique number. Must not catch "PMID 29410014" or "NCT02277743".
ID_NUMBER = _labelled(
    r"\b(?:passport|national\s+insurance|NI|national\s+ID|national\s+identity|identity\s+card"
    r"|ID\s+card|identification|employee|staff|student|social\s+insurance|tax|subject"
    r"|participant|study|trial|biobank|sample|specimen|registry|reference|registration)"
    rf"\s+(?:{_NUMBER_WORD}|ID)|\bID\s+{_NUMBER_WORD}"
)
# A mention, not the identifier: the author must check that no biometric data or identifiable
# face image is published. Must not catch "fingerprint-like structures" (dermoscopy), "loss of
# fingerprints" (adermatoglyphia) or "CT scan".
BIOMETRIC = (
    r"(?i:\b(?:finger|thumb|palm)\s?prints?\s+(?:scans?|records?|data|images?|samples?|taken)"
    r"|\b(?:retina|retinal|iris)\s+scans?|\bvoice\s?prints?|\bfacial\s+recognition"
    r"|\bfull[-\s]face\s+(?:photo(?:graph)?s?|images?|pictures?|views?))\b"
)

# Triggers: searched for in the lowercased text, each starting with a literal character.
# A value with a digit follows the label word, or the rest of it ('num' also finds 'number').
_DIGIT_AHEAD = r"(?=\s*[:#.]?\s*(?:is\s+|was\s+)?[(+]?[a-z0-9/-]*\d)"
_VALUE_AHEAD = rf"[a-z]*{_DIGIT_AHEAD}"


def triggers(*words: str, then: str = _VALUE_AHEAD) -> tuple[str, ...]:
    """Words that start a word in the lowercased text, each a pattern with a literal start."""
    return tuple(rf"{re.escape(w)}(?<![a-z0-9]{re.escape(w)}){then}" for w in words)


# 'no' never runs on into a longer label word, as 'num' does into 'number'.
NUMBER_TRIGGERS = (*triggers("num", "nr", "id"), *triggers("no", then=_DIGIT_AHEAD), "#")
SSN_TRIGGERS = (*triggers("ssn"), *NUMBER_TRIGGERS)
RECORD_TRIGGERS = (*triggers("mrn", "record", "rec", "mr"), *NUMBER_TRIGGERS)
ACCOUNT_TRIGGERS = (*triggers("iban", "acct"), *NUMBER_TRIGGERS)
PLATE_TRIGGERS = (*triggers("plate", "registration"), *NUMBER_TRIGGERS)
DEVICE_TRIGGERS = (*triggers("s/n", "udi", "imei"), *NUMBER_TRIGGERS)
AGE_TRIGGERS = (
    *triggers("age", then=r"d?\s*:?\s*(?:of\s+)?(?:9\d|1[0-4]\d)"),
    *triggers("ninety", "hundred", then=""),
)
STREET_TRIGGERS = triggers("street", "road", "avenue", "lane", "boulevard", then="")
NAMED_TRIGGERS = (r"name(?=d\s|\s+(?:is|was)\s)", *triggers("called", then=""))
BIRTH_TRIGGERS = (
    *triggers("born", "birth", "yob", "dob", then=""),
    r"b\.(?<![a-z0-9]b\.)(?=\s?\d)",
)
PHONE_TRIGGERS = triggers("tel", "phone", "fax", "mobile", "call")
# No start of word: 'postcode' ends in 'code', 'fingerprint' in 'print'.
POSTCODE_TRIGGERS = (*triggers("zip"), r"code(?=\s*:?\s*\w*\d)")
BIOMETRIC_TRIGGERS = ("print", "scan", "recognition", r"full[- ]face")
