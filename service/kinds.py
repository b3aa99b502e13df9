"""What a request may ask for, shared by the annotator and the wire schemas (which must
not import spaCy)."""

KINDS = ("people", "organizations", "places", "dates", "quotes")
SUPPORTED_LANGUAGES = ("sw",)
