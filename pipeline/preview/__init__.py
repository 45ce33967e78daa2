"""The offline preview: drafts overlaid on content, bannered, summarised, zipped with a manifest."""
