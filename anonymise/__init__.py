"""Replace names and other direct identifiers in transcripts with consistent pseudonyms (Presidio)."""
