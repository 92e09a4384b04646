"""The kinds of identifier the de-identification check finds, and what it tells the author."""

from __future__ import annotations

ALLOW_KEY = "deidentification.allow"

# Per kind: what was found, and what the author should do instead.
_DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "name": ("possible patient name", "remove names"),
    "patient-name": (
        "possible patient name beside a word for the patient",
        "remove it and write 'the patient'",
    ),
    "initials": ("possible patient initials", "remove initials and write 'the patient'"),
    "date": (
        "date more precise than a year",
        "give the year only, or a relative time such as 'two weeks later'",
    ),
    "age-over-89": ("age over 89", "write '90 years or older'"),
    "birth-year": (
        "birth year that makes the patient older than 89",
        "give no birth year; write '90 years or older'",
    ),
    "address": ("possible street address", "remove it (a state or country may stay)"),
    "postcode": ("possible postcode", "remove it (a state or country may stay)"),
    "phone": ("possible telephone or fax number", "remove it"),
    "email": ("e-mail address", "remove it"),
    "url": ("web address", "remove it, or cite the source under references"),
    "ip-address": ("IP address", "remove it"),
    "ssn": ("possible social security number", "remove it"),
    "record-number": ("possible medical record number", "remove it"),
    "health-plan-number": ("possible health plan or insurance number", "remove it"),
    "account-number": ("possible account or card number", "remove it"),
    "licence-number": ("possible licence or certificate number", "remove it"),
    "vehicle-id": ("possible vehicle identifier or licence plate", "remove it"),
    "device-id": (
        "possible device identifier or serial number",
        "remove it (the make and model may stay)",
    ),
    "id-number": ("possible identifying number", "remove it"),
    "biometric": (
        "mention of a biometric identifier or full-face photograph",
        "publish no biometric data or identifiable face image",
    ),
    "occupation": (
        "possible indirect identifier, a one-of-a-kind role at a named organisation",
        "describe the work without naming the organisation",
    ),
    "small-place": (
        "possible indirect identifier, a small named place",
        "name no place smaller than a region (fewer than 20,000 people identify)",
    ),
}
KINDS: tuple[str, ...] = tuple(_DESCRIPTIONS)


def message(kind: str, shown: str) -> str:
    found, remedy = _DESCRIPTIONS[kind]
    return f"{found} '{shown}': {remedy}, or record a reviewed exception under {ALLOW_KEY}"
