"""Read a news report and propose the archive records it supports (see pipeline.extract)."""
