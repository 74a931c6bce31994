"""The export screen: a page or every matching record to CSV, JSON or JSONL."""
