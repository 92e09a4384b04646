"""Read an author's file: YAML with the line and column of every value, hardened."""
