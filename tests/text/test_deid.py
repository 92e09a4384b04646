from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from casebook.text.deid import Finding, find_identifiers, line_col
from casebook.text.deid_kinds import KINDS

CORPUS = Path(__file__).parent / "deid_corpus"
# The corpus's birth years are written for this year.
AS_OF = 2026


def _lines(name: str) -> list[str]:
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def _rows(name: str) -> list[tuple[str, str, str]]:
    return [(text, kind, matched) for text, kind, matched in (r.split("\t") for r in _lines(name))]


# Ordinary clinical and bibliographic text: every one must give no finding at all.
QUIET = _lines("lookalikes.txt") + _lines("lookalikes_issue17.txt")

# A paragraph of a real-looking case report: a build runs over text like this every time.
CASE_TEXT = (CORPUS / "case_paragraph.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("text", QUIET)
def test_clinical_text_gives_no_finding(text: str) -> None:
    assert find_identifiers(text, as_of=AS_OF) == []


def test_a_case_report_paragraph_gives_no_finding() -> None:
    assert find_identifiers(CASE_TEXT) == []


POSITIVE = _rows("identifiers.tsv") + _rows("identifiers_issue17.tsv")


@pytest.mark.parametrize(("text", "kind", "matched"), POSITIVE)
def test_identifier_is_found_with_its_kind_and_span(text: str, kind: str, matched: str) -> None:
    findings = find_identifiers(text, as_of=AS_OF)
    assert [(f.kind, f.matched) for f in findings] == [(kind, matched)]
    finding = findings[0]
    assert text[finding.start : finding.end] == matched
    assert finding.start == text.index(matched)


def test_every_kind_has_a_positive_example() -> None:
    assert {kind for _, kind, _ in POSITIVE} == set(KINDS)


MESSAGES = {
    "name": (
        "Mr Smith",
        "possible patient name 'Mr Smith': remove names, or record a reviewed exception"
        " under deidentification.allow",
    ),
    "initials": (
        "patient J.S.",
        "possible patient initials 'J.S.': remove initials and write 'the patient', or record"
        " a reviewed exception under deidentification.allow",
    ),
    "date": (
        "12 March 2023",
        "date more precise than a year '12 March 2023': give the year only, or a relative time"
        " such as 'two weeks later', or record a reviewed exception under"
        " deidentification.allow",
    ),
    "age-over-89": (
        "aged 91",
        "age over 89 'aged 91': write '90 years or older', or record a reviewed exception"
        " under deidentification.allow",
    ),
    "address": (
        "221B Baker Street",
        "possible street address '221B Baker Street': remove it (a state or country may"
        " stay), or record a reviewed exception under deidentification.allow",
    ),
    "postcode": (
        "NW1 6XE",
        "possible postcode 'NW1 6XE': remove it (a state or country may stay), or record a"
        " reviewed exception under deidentification.allow",
    ),
    "phone": (
        "555-123-4567",
        "possible telephone or fax number '555-123-4567': remove it, or record a reviewed"
        " exception under deidentification.allow",
    ),
    "email": (
        "jane.doe@example.com",
        "e-mail address 'jane.doe@example.com': remove it, or record a reviewed exception"
        " under deidentification.allow",
    ),
    "url": (
        "https://example.org/p/12",
        "web address 'https://example.org/p/12': remove it, or cite the source under"
        " references, or record a reviewed exception under deidentification.allow",
    ),
    "ip-address": (
        "192.168.1.20",
        "IP address '192.168.1.20': remove it, or record a reviewed exception under"
        " deidentification.allow",
    ),
    "ssn": (
        "123-45-6789",
        "possible social security number '123-45-6789': remove it, or record a reviewed"
        " exception under deidentification.allow",
    ),
    "record-number": (
        "MRN 00123456",
        "possible medical record number 'MRN 00123456': remove it, or record a reviewed"
        " exception under deidentification.allow",
    ),
    "health-plan-number": (
        "Medicare number 1EG4-TE5-MK72",
        "possible health plan or insurance number 'Medicare number 1EG4-TE5-MK72': remove"
        " it, or record a reviewed exception under deidentification.allow",
    ),
    "account-number": (
        "account no. 12345678",
        "possible account or card number 'account no. 12345678': remove it, or record a"
        " reviewed exception under deidentification.allow",
    ),
    "licence-number": (
        "licence number D1234567",
        "possible licence or certificate number 'licence number D1234567': remove it, or"
        " record a reviewed exception under deidentification.allow",
    ),
    "vehicle-id": (
        "licence plate AB12 CDE",
        "possible vehicle identifier or licence plate 'licence plate AB12 CDE': remove it,"
        " or record a reviewed exception under deidentification.allow",
    ),
    "device-id": (
        "serial number SN-44821",
        "possible device identifier or serial number 'serial number SN-44821': remove it"
        " (the make and model may stay), or record a reviewed exception under"
        " deidentification.allow",
    ),
    "id-number": (
        "passport number 123456789",
        "possible identifying number 'passport number 123456789': remove it, or record a"
        " reviewed exception under deidentification.allow",
    ),
    "biometric": (
        "fingerprint scans",
        "mention of a biometric identifier or full-face photograph 'fingerprint scans':"
        " publish no biometric data or identifiable face image, or record a reviewed"
        " exception under deidentification.allow",
    ),
    "patient-name": (
        "The patient, John Smith, improved",
        "possible patient name beside a word for the patient 'John Smith': remove it and write"
        " 'the patient', or record a reviewed exception under deidentification.allow",
    ),
    "birth-year": (
        "born in 1930",
        "birth year that makes the patient older than 89 'born in 1930': give no birth year;"
        " write '90 years or older', or record a reviewed exception under"
        " deidentification.allow",
    ),
    "occupation": (
        "the mayor of Springfield",
        "possible indirect identifier, a one-of-a-kind role at a named organisation 'mayor of"
        " Springfield': describe the work without naming the organisation, or record a reviewed"
        " exception under deidentification.allow",
    ),
    "small-place": (
        "the village of Foula",
        "possible indirect identifier, a small named place 'village of Foula': name no place"
        " smaller than a region (fewer than 20,000 people identify), or record a reviewed"
        " exception under deidentification.allow",
    ),
}


def test_every_kind_has_an_exact_message_test() -> None:
    assert set(MESSAGES) == set(KINDS)


@pytest.mark.parametrize("kind", sorted(MESSAGES))
def test_message_says_what_was_found_and_what_to_do(kind: str) -> None:
    text, message = MESSAGES[kind]
    assert [(f.kind, f.message) for f in find_identifiers(text, as_of=AS_OF)] == [(kind, message)]


def test_findings_come_in_order_with_offsets_into_the_text() -> None:
    text = "Mrs. Jane Doe (MRN 00123456) was seen on 2023-03-12 at 12 High Street, London NW1 6XE."
    findings = find_identifiers(text)
    assert [(f.kind, f.matched) for f in findings] == [
        ("name", "Mrs. Jane Doe"),
        ("record-number", "MRN 00123456"),
        ("date", "2023-03-12"),
        ("address", "12 High Street"),
        ("postcode", "NW1 6XE"),
    ]
    assert all(text[f.start : f.end] == f.matched for f in findings)


def test_one_identifier_seen_by_two_patterns_is_one_finding() -> None:
    # A labelled SSN is also a bare one; the longer match wins.
    assert [(f.kind, f.matched) for f in find_identifiers("SSN 123-45-6789.")] == [
        ("ssn", "SSN 123-45-6789")
    ]


def test_allowed_strings_drop_exactly_the_reviewed_findings() -> None:
    text = "Seen by Dr Jones and Mr Smith."
    assert [f.matched for f in find_identifiers(text, allowed=["Dr Jones"])] == ["Mr Smith"]
    assert find_identifiers(text, allowed={"Dr Jones", "Mr Smith"}) == []
    assert len(find_identifiers(text, allowed=["Jones", "dr jones"])) == 2


def test_a_match_over_a_line_break_keeps_its_message_on_one_line() -> None:
    text = "seen with Mrs.\nJane Doe"
    (finding,) = find_identifiers(text)
    assert finding.matched == "Mrs.\nJane Doe"
    assert "'Mrs. Jane Doe'" in finding.message
    assert "\n" not in finding.message
    assert find_identifiers(text, allowed=["Mrs. Jane Doe"]) == []


def test_scholarly_links_may_stay_and_other_links_may_not() -> None:
    text = "See https://doi.org/10.1111/bjd.19039 and https://clinic.example.org/case"
    assert [f.matched for f in find_identifiers(text)] == ["https://clinic.example.org/case"]


def test_offsets_hold_when_a_character_lowercases_to_two() -> None:
    text = "İİİ note: MRN 1234567"
    (finding,) = find_identifiers(text)
    assert text[finding.start : finding.end] == "MRN 1234567"


def test_identifiers_far_into_a_long_text_are_found() -> None:
    text = CASE_TEXT * 20 + "Discharged on 12 March 2023; phone 020 7946 0958."
    assert [(f.kind, f.matched) for f in find_identifiers(text)] == [
        ("date", "12 March 2023"),
        ("phone", "020 7946 0958"),
    ]


def test_text_dense_with_label_words_gives_no_finding() -> None:
    assert find_identifiers("number 1 no 2 id 3 # 4 " * 200) == []


def test_finding_is_frozen() -> None:
    finding = Finding(0, 2, "name", "Mr", "m")
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.start = 1  # type: ignore[misc]


def test_line_col_is_one_based() -> None:
    text = "first line\nsecond MRN 1234567\n"
    (finding,) = find_identifiers(text)
    assert line_col(text, finding.start) == (2, 8)
    assert line_col(text, 0) == (1, 1)
    assert line_col(text, 10) == (1, 11)
    assert line_col(text, 11) == (2, 1)
    assert line_col(text, len(text)) == (3, 1)


@pytest.mark.parametrize("offset", [-1, 31])
def test_line_col_rejects_an_offset_outside_the_text(offset: int) -> None:
    with pytest.raises(ValueError, match="outside a text of 30 characters"):
        line_col("first line\nsecond MRN 1234567\n", offset)


def test_a_birth_year_counts_from_the_year_given() -> None:
    assert [f.kind for f in find_identifiers("born in 1936", as_of=2026)] == ["birth-year"]
    assert find_identifiers("born in 1937", as_of=2026) == []
    assert find_identifiers("born in 1936", as_of=2025) == []


def test_skipped_kinds_give_no_finding_and_hide_no_other() -> None:
    text = "Title, 12 March 2023, tel 020 7946 0958"
    assert [f.kind for f in find_identifiers(text, skip={"date"})] == ["phone"]
    assert [f.kind for f in find_identifiers(text)] == ["date", "phone"]


def test_a_reviewed_exception_silences_a_new_kind_too() -> None:
    text = "The patient, John Smith, improved"
    assert find_identifiers(text, allowed=["John Smith"]) == []
