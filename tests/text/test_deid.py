from __future__ import annotations

import dataclasses

import pytest
from casebook.text.deid import KINDS, Finding, find_identifiers, line_col

# Ordinary clinical and bibliographic text: every one must give no finding at all.
QUIET = [
    # doses, units and laboratory values
    "4 mg/d",
    "2 mg every other day",
    "0.8 ×10^9/L",
    "0.8 x10^9/L",
    "99 kU/L",
    "IgE 99 kU/L",
    "120/80 mmHg",
    "BP 140/90",
    "pH 7.4",
    "pH 7.35 and PaO2 12.5 kPa",
    "BMI 23.4",
    "1:100 dilution",
    "ANA 1:160",
    "1:1000 epinephrine",
    "HbA1c 6.5%",
    "CRP 12 mg/L",
    "2 × 10^9/L",
    "5 x 10^6",
    "platelets 250 000/µL",
    "10,000 IU",
    "1 in 10 000",
    "0.5-1.0 mg/kg",
    "1-2 mg/kg/day",
    "100 mg twice daily",
    "40 mg daily for 12 weeks",
    "0.05% clobetasol",
    "NB-UVB 3 times weekly",
    "UVB 311 nm",
    "IVIG 2 g/kg",
    "30 Gy in 10 fractions",
    "2.5 × 3 cm",
    "every 12 h",
    "SpO2 98%",
    "HR 72",
    # figures, scores, statistics
    "Figure 1a",
    "Figures 1c, 1d",
    "Fig. 1B",
    "Table 1",
    "H&E, 40x",
    "×100",
    "EASI-75",
    "EASI 90",
    "PASI 90 response",
    "PPPASI",
    "SCORAD 45",
    "DLQI 12",
    "Ki-67 20%",
    "phase II",
    "CI 95%",
    "95% CI 1.2-3.4",
    "p < 0.05",
    "p = 0.001",
    "n = 12",
    "n = 1,234",
    "grade 3/4",
    "pain 10/10",
    "3/4 of patients",
    "ratio 2:1",
    "stage IIIA",
    "T2 N0 M0",
    "ranges 0-72 and 1-3",
    # time without dates
    "week 4",
    "month 3",
    "day 3",
    "on day 14",
    "at 6 months",
    "3 months later",
    "at 12:30",
    "for the last five years",
    "in 2024",
    "from 2015 to 2020",
    "2019-2021",
    "in the 1990s",
    "hospital day 3",
    # ages that may stay
    "a 20-year-old man",
    "aged 89",
    "age 45",
    "aged 20-29",
    "aged 90 or older",
    "90 years or older",
    "aged 90 years or older",
    "aged over 89",
    "≥90 years",
    "over the age of 90",
    "in her 90s",
    "a 90-year history",
    "for 90 years",
    # citations and identifiers of publications
    "2019;80(4):913-921.e9",
    "doi:10.1016/j.jaad.2018.01.018",
    "doi:10.1001/jamadermatol.2019.1234",
    "PMID 29410014",
    "PMID: 29410014",
    "PMCID PMC6123456",
    "NCT02277743",
    "ISBN 978-3-16-148410-0",
    "ORCID 0000-0002-1825-0097",
    "https://doi.org/10.1111/bjd.19039",
    "https://orcid.org/0000-0002-1825-0097",
    "https://pubmed.ncbi.nlm.nih.gov/29410014/",
    "Lancet. 2020;395(10223):497-506",
    "J Dermatol. 2021 Jun;48(6):750-760. Epub 2021 Apr 3.",
    "Curr Opin Immunol. 2017 Oct;48:68-73.",
    "Br J Dermatol 2020; 183: 628–37.",
    "Vol 12, No 3",
    # immunology, genetics, microbiology
    "JAK1 and JAK2",
    "Th1/Th2",
    "Th17",
    "IL-17",
    "IL-4 and IL-13",
    "IL-23/IL-17 axis",
    "TNF-α",
    "CD4+",
    "CD30+",
    "CD4/CD8 ratio 2.1",
    "HLA-B27",
    "HLA-C*06:02",
    "HLA-DRB1*15:01",
    "ICD-10 L40.3",
    "JAK2 V617F",
    "BRAF V600E",
    "c.1234G>A",
    "p.Arg412Ter",
    "rs12345678",
    "CARD14 mutation",
    "EC 3.4.21.4",
    "COVID-19",
    "SARS-CoV-2",
    "H1N1",
    "HPV-16",
    "HIV-1",
    "5-HT",
    "S. aureus and C. albicans",
    # eponyms, authors and drugs
    "Koebner phenomenon",
    "Kaposi sarcoma",
    "Hashimoto thyroiditis",
    "Crohn disease",
    "Parkinson disease",
    "Stevens-Johnson syndrome",
    "Auspitz sign",
    "Guttman-Yassky et al.",
    "Koumaki et al.",
    "Yamamoto considered",
    "baricitinib, dupilumab, methotrexate and cyclosporine",
    "a drug named Dupixent",
    "a rash called Sweet syndrome",
    "St John's wort",
    "J.S. Bach",
    "in the U.S., a study",
    # people and places that are not identifiers
    "Patient A",
    "patient 3",
    "Patient 1 and Patient 2",
    "Case 2",
    "case no. 2",
    "the patient's mother",
    "Department of Dermatology, University Hospital",
    "NHS England",
    # words near biometric ones
    "fingerprint-like structures",
    "loss of fingerprints",
    "CT scan",
    "it may be",
    "march hemoglobinuria",
]

# A paragraph of a real-looking case report: a build runs over text like this every time.
CASE_TEXT = """\
A 20-year-old man presented with a 5-year history of pruritic plaques on the palms and soles.
He had atopic dermatitis since early childhood, treated for the last five years with courses of
cyclosporine (3-5 mg/kg/d). Examination showed sterile pustules (Figures 1a, 1b) and fissuring
(Figures 1c, 1d); EASI was 18.4 and PPPASI 24.6. Total IgE was 99 kU/L, eosinophils
0.8 ×10^9/L, and HLA-B27 was negative. Biopsy showed subcorneal pustules (H&E, 40x; inset ×100)
with CD4+ cells. Dupilumab 300 mg every other week improved the eczema (EASI-75 by week 16), but
PPPASI rose to 31.2 at month 3. Baricitinib 4 mg/d, a JAK1 and JAK2 inhibitor, cleared both by
week 12 and was reduced to 2 mg every other day. Koumaki et al. described psoriasiform eruptions
on dupilumab in 4 of 127 patients (95% CI 0.9-7.9; p < 0.05), and Guttman-Yassky et al. a Th17
shift in IL-17 and IL-22. J Am Acad Dermatol. 2019;80(4):913-921.e9.
doi:10.1016/j.jaad.2018.01.018. PMID 29410014. We report this case in 2024.
"""


@pytest.mark.parametrize("text", QUIET)
def test_clinical_text_gives_no_finding(text: str) -> None:
    assert find_identifiers(text) == []


def test_a_case_report_paragraph_gives_no_finding() -> None:
    assert find_identifiers(CASE_TEXT) == []


POSITIVE = [
    # names and initials
    ("Mr Smith", "name", "Mr Smith"),
    ("Mrs. Jane Doe was admitted", "name", "Mrs. Jane Doe"),
    ("reviewed by Mr. J. Smith", "name", "Mr. J. Smith"),
    ("Mr J.S. attended", "name", "Mr J.S."),
    ("seen by Dr Jones", "name", "Dr Jones"),
    ("Ms O'Brien", "name", "Ms O'Brien"),
    ("Prof. Müller", "name", "Prof. Müller"),
    ("a woman named Jane Doe", "name", "Jane Doe"),
    ("her name is Mary", "name", "Mary"),
    ("patient J.S. presented", "initials", "J.S."),
    ("J.S., a 45-year-old man", "initials", "J.S."),
    # dates
    ("seen on 12 March 2023", "date", "12 March 2023"),
    ("on 2023-03-12", "date", "2023-03-12"),
    ("on 03/12/2023", "date", "03/12/2023"),
    ("on 3/12/24", "date", "3/12/24"),
    ("on 1.3.2024", "date", "1.3.2024"),
    ("in March 2023", "date", "March 2023"),
    ("on March 3, 2024", "date", "March 3, 2024"),
    ("on the 3rd of March", "date", "3rd of March"),
    ("on 12-Mar-2023", "date", "12-Mar-2023"),
    ("on Sept. 5", "date", "Sept. 5"),
    ("on June 3rd", "date", "June 3rd"),
    ("since 03/2024", "date", "03/2024"),
    ("admitted in May", "date", "May"),
    ("by mid-June", "date", "June"),
    ("DOB 01/02/1950", "date", "01/02/1950"),
    # ages over 89
    ("a 93-year-old woman", "age-over-89", "93-year-old"),
    ("aged 91", "age-over-89", "aged 91"),
    ("age: 90", "age-over-89", "age: 90"),
    ("at the age of 102", "age-over-89", "age of 102"),
    ("95 years of age", "age-over-89", "95 years of age"),
    ("a 90 y/o man", "age-over-89", "90 y/o"),
    ("a ninety-two-year-old woman", "age-over-89", "ninety-two-year-old"),
    # contact details
    ("call 555-123-4567", "phone", "555-123-4567"),
    ("+44 20 7946 0958", "phone", "+44 20 7946 0958"),
    ("(555) 123-4567", "phone", "(555) 123-4567"),
    ("555.123.4567", "phone", "555.123.4567"),
    ("020 7946 0958", "phone", "020 7946 0958"),
    ("Tel: 01632 960123", "phone", "01632 960123"),
    ("fax +1 212 555 0100", "phone", "+1 212 555 0100"),
    ("jane.doe@example.com", "email", "jane.doe@example.com"),
    ("write to jane@example.co.uk.", "email", "jane@example.co.uk"),
    ("https://example.org/patient/12", "url", "https://example.org/patient/12"),
    ("see www.example.com/patient.", "url", "www.example.com/patient"),
    ("192.168.1.20", "ip-address", "192.168.1.20"),
    ("fe80::1ff:fe23:4567:890a", "ip-address", "fe80::1ff:fe23:4567:890a"),
    # places
    ("lives at 221B Baker Street", "address", "221B Baker Street"),
    ("lives on Abbey Road", "address", "Abbey Road"),
    ("Apt 4B", "address", "Apt 4B"),
    ("PO Box 123", "address", "PO Box 123"),
    ("London NW1 6XE", "postcode", "NW1 6XE"),
    ("Ottawa K1A 0B1", "postcode", "K1A 0B1"),
    ("Springfield, IL 62701", "postcode", "62701"),
    ("ZIP code 90210", "postcode", "ZIP code 90210"),
    # numbers
    ("SSN 123-45-6789", "ssn", "SSN 123-45-6789"),
    ("SSN: 123 45 6789", "ssn", "SSN: 123 45 6789"),
    ("123-45-6789", "ssn", "123-45-6789"),
    ("MRN: 00123456", "record-number", "MRN: 00123456"),
    ("hospital number 4455667", "record-number", "hospital number 4455667"),
    ("Hospital number: 4455667.", "record-number", "Hospital number: 4455667"),
    ("record no. 45-678", "record-number", "record no. 45-678"),
    ("accession no. S23-1234", "record-number", "accession no. S23-1234"),
    ("patient ID 778899", "record-number", "patient ID 778899"),
    ("Medicare number 1EG4-TE5-MK72", "health-plan-number", "Medicare number 1EG4-TE5-MK72"),
    ("NHS number 943 476 5919", "health-plan-number", "NHS number 943 476 5919"),
    ("policy number 77-1234", "health-plan-number", "policy number 77-1234"),
    ("account no. 12345678", "account-number", "account no. 12345678"),
    ("IBAN GB29NWBK60161331926819", "account-number", "IBAN GB29NWBK60161331926819"),
    ("4111 1111 1111 1111", "account-number", "4111 1111 1111 1111"),
    (
        "driver's licence number D1234567",
        "licence-number",
        "driver's licence number D1234567",
    ),
    ("certificate no. 2019/0042", "licence-number", "certificate no. 2019/0042"),
    ("licence plate AB12 CDE", "vehicle-id", "licence plate AB12 CDE"),
    ("vehicle registration KA-01-1234", "vehicle-id", "vehicle registration KA-01-1234"),
    ("VIN 1HGCM82633A004352", "vehicle-id", "1HGCM82633A004352"),
    ("serial number SN-44821", "device-id", "serial number SN-44821"),
    ("S/N 123456", "device-id", "S/N 123456"),
    (
        "pacemaker serial number PJN123456",
        "device-id",
        "pacemaker serial number PJN123456",
    ),
    ("passport number 123456789", "id-number", "passport number 123456789"),
    ("study ID 0042", "id-number", "study ID 0042"),
    # biometrics, mentioned
    ("fingerprint scans were taken", "biometric", "fingerprint scans"),
    ("a full-face photograph", "biometric", "full-face photograph"),
]


@pytest.mark.parametrize(("text", "kind", "matched"), POSITIVE)
def test_identifier_is_found_with_its_kind_and_span(text: str, kind: str, matched: str) -> None:
    findings = find_identifiers(text)
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
}


def test_every_kind_has_an_exact_message_test() -> None:
    assert set(MESSAGES) == set(KINDS)


@pytest.mark.parametrize("kind", sorted(MESSAGES))
def test_message_says_what_was_found_and_what_to_do(kind: str) -> None:
    text, message = MESSAGES[kind]
    assert [(f.kind, f.message) for f in find_identifiers(text)] == [(kind, message)]


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
