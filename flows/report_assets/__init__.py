"""Files the report inlines into its page (see PROVENANCE.md)."""
