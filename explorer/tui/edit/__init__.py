"""Edit screens: the inline field editor, the save diff, the create form and bulk edit."""
