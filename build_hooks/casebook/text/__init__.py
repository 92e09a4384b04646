"""Rules for author text that need no case model: Markdown subset, escapes, tokens, identifiers."""
