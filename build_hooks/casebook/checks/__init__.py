"""Validating a case: schema errors, references, consent, author text, figures, CARE, limits."""
