"""Pattern data for extraction and detection (lexicons, gazetteers)."""
