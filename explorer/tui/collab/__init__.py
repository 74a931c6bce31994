"""The detail pane's collaboration tabs: comments, attachments, watchers, related items."""
