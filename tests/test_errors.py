from __future__ import annotations

from casebook.errors import CaseDataError, Diagnostic, format_report, summary_line


def test_format_is_compiler_like_and_warnings_are_labelled() -> None:
    error = Diagnostic("c.yaml", 3, 7, "patient.sex", "unknown value 'mal'", "did you mean 'male'?")
    warning = Diagnostic("c.yaml", 1, 1, "abstract", "missing", "", severity="warning")
    assert error.format() == ("c.yaml:3:7: patient.sex: unknown value 'mal' (did you mean 'male'?)")
    assert warning.format() == "c.yaml:1:1: warning: abstract: missing"


def test_report_is_sorted_by_position_and_ends_with_a_summary() -> None:
    later = Diagnostic("b.yaml", 9, 1, "", "late")
    early = Diagnostic("a.yaml", 2, 1, "", "early")
    assert format_report([later, early], files=2) == (
        "a.yaml:2:1: early\nb.yaml:9:1: late\n2 errors in 2 case files"
    )
    assert summary_line([], files=1) == "0 errors in 1 case file"


def test_case_data_error_carries_every_diagnostic() -> None:
    items = [Diagnostic("a.yaml", 1, 1, "", "x"), Diagnostic("a.yaml", 2, 1, "", "y")]
    error = CaseDataError(items, files=1)
    assert error.diagnostics == items
    assert str(error).endswith("2 errors in 1 case file")


def test_control_characters_from_case_text_are_shown_escaped() -> None:
    # An escape code in a message would clear the terminal and print what it likes.
    diagnostic = Diagnostic(
        "c.yaml", 2, 5, "treatment[0].action", "unknown value '\x1b[2J\x1b[HOK\n\u202e'", "\x07"
    )
    assert diagnostic.format() == (
        "c.yaml:2:5: treatment[0].action: unknown value '\\x1b[2J\\x1b[HOK\\n\\u202e' (\\x07)"
    )
    assert format_report([diagnostic], files=1).count("\x1b") == 0
