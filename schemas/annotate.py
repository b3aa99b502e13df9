import datetime as dt
import json
from pathlib import Path

from marshmallow import Schema, ValidationError, fields, validate, validates, validates_schema

from service.kinds import KINDS, SUPPORTED_LANGUAGES

_DEFAULT_MAX_TEXT_CHARS = 100_000


class _TextLimitMixin:
    """Carries the configurable text limit into `text` validation."""

    def __init__(self, *args, max_text_chars: int = _DEFAULT_MAX_TEXT_CHARS, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_text_chars = max_text_chars


def _check_text(text: str, max_text_chars: int) -> None:
    if not text.strip():
        raise ValidationError("Text must contain non-whitespace characters.")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        # JSON can escape lone surrogates ("\\ud800"); they are not characters.
        raise ValidationError(f"Text holds an unpaired surrogate at offset {error.start}.") from None
    if len(text) > max_text_chars:
        raise ValidationError(
            f"Text has {len(text)} characters; the limit is {max_text_chars}."
        )


def _language_field():
    return fields.String(
        load_default="sw",
        validate=validate.OneOf(
            SUPPORTED_LANGUAGES,
            error="Unsupported language {input!r}; supported: " + ", ".join(SUPPORTED_LANGUAGES) + ".",
        ),
        metadata={"description": "Language of the text.", "example": "sw"},
    )


def _include_field():
    return fields.List(
        fields.String(validate=validate.OneOf(KINDS)),
        load_default=list(KINDS),
        metadata={"description": "Kinds to return (default all)."},
    )


class PublishedDate(fields.String):
    """A date as `YYYY-MM-DD`, or an ISO 8601 datetime whose date is used as written (its
    offset is not converted: an article stamped 2024-06-19T23:30:00+03:00 appeared on
    the 19th where it was published). CMS exports send either, or null.

    Declared as a string in /openapi.json: `format: date` would make generated clients
    and schema-driven fuzzers refuse the datetime form this field accepts.
    """

    # "invalid" is also what fields.String says to a non-string (a number such as 20240619).
    default_error_messages = {
        "invalid": "Not a valid date: send YYYY-MM-DD (2024-06-19) or an ISO 8601 datetime (2024-06-19T10:00:00Z).",
    }

    def _deserialize(self, value, attr, data, **kwargs) -> dt.date:
        text = super()._deserialize(value, attr, data, **kwargs).strip()
        try:
            if len(text) == 10:
                return dt.date.fromisoformat(text)
            if len(text) > 10 and text[10] in "Tt ":
                return dt.datetime.fromisoformat(text).date()
        except ValueError:
            pass
        raise self.make_error("invalid")


def _published_field():
    return PublishedDate(
        allow_none=True,
        metadata={
            "description": "Publication date, the anchor for relative dates such as \"jana\": YYYY-MM-DD, or an "
            "ISO 8601 datetime (its date is used, in its own offset); null or absent for none.",
            "example": "2024-06-19",
        },
    )


# Written for the documentation (the interactive /docs fills its forms from these).
EXAMPLE_TEXT = (
    "Waziri wa Afya Ummy Mwalimu alizungumza na wanahabari mjini Dodoma Jumatatu. "
    "\u201cTutaanza kampeni ya chanjo mwezi ujao,\u201d alisema Bi. Mwalimu."
)


# The response of the bundled model to EXAMPLE_TEXT with published 2024-06-19 (kept as
# measured; tests/test_api.py checks it against the schema and the text's offsets).
EXAMPLE_RESPONSE = json.loads((Path(__file__).parent / "example_response.json").read_text(encoding="utf-8"))


def _text_field():
    return fields.String(
        required=True, metadata={"description": "The article, plain text.", "example": EXAMPLE_TEXT}
    )


class AnnotateRequestSchema(_TextLimitMixin, Schema):
    text = _text_field()
    language = _language_field()
    published = _published_field()
    include = _include_field()

    @validates("text")
    def _validate_text(self, text, **_):
        _check_text(text, self.max_text_chars)


class BatchDocumentSchema(_TextLimitMixin, Schema):
    id = fields.String(required=True, validate=validate.Length(min=1), metadata={"example": "makala-1"})
    text = _text_field()
    published = _published_field()

    @validates("text")
    def _validate_text(self, text, **_):
        _check_text(text, self.max_text_chars)


class BatchRequestSchema(_TextLimitMixin, Schema):
    documents = fields.List(
        fields.Nested(BatchDocumentSchema), required=True, validate=validate.Length(min=1)
    )
    language = _language_field()
    include = _include_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each document checks its own text, so a fault in one document's `id` does not
        # hide a fault in another's `text`: every faulty field is reported at once.
        self.fields["documents"].inner.schema.max_text_chars = self.max_text_chars

    @validates_schema(skip_on_field_errors=False)
    def _validate_unique_ids(self, data, **_):
        first_index: dict[str, int] = {}
        duplicates = {}
        for index, document in enumerate(data.get("documents") or []):
            identifier = document.get("id") if isinstance(document, dict) else None
            if identifier is None:
                continue
            if identifier in first_index:
                duplicates[index] = {"id": [f"Document ids must be unique: same as document {first_index[identifier]}."]}
            else:
                first_index[identifier] = index
        if duplicates:
            raise ValidationError({"documents": duplicates})


class MentionSchema(Schema):
    text = fields.String(required=True)
    start = fields.Integer(required=True, metadata={"description": "Code-point offset, inclusive."})
    end = fields.Integer(required=True, metadata={"description": "Code-point offset, exclusive."})


class EntitySchema(Schema):
    id = fields.String(required=True, metadata={"example": "per-1"})
    name = fields.String(required=True, metadata={"description": "Canonical (fullest) name."})
    mentions = fields.List(fields.Nested(MentionSchema), required=True)
    country_code = fields.String(allow_none=True, metadata={"description": "ISO 3166-1 alpha-2, places only."})
    salience = fields.Float(allow_none=True, validate=validate.Range(0, 1))
    kb_id = fields.String(allow_none=True, metadata={
        "description": "The deployment's own id (HABARI_KNOWN_ENTITIES), or null."})


class DateSchema(MentionSchema):
    value = fields.String(required=True, allow_none=True, metadata={"description": "ISO 8601, or null."})
    granularity = fields.String(required=True, allow_none=True)


class SpeakerSchema(Schema):
    name = fields.String(required=True)
    entity = fields.String(required=True, allow_none=True)
    mention = fields.Nested(MentionSchema, required=True, allow_none=True)
    # An extra field SPEC allows; absent where rules alone named the speaker.
    confidence = fields.Float(validate=validate.Range(0, 1), metadata={
        "description": "Probability (learned speaker model) that this is the speaker; "
                       "keep only attributions at or above a threshold, e.g. 0.9."})


class QuoteSchema(MentionSchema):
    kind = fields.String(required=True, validate=validate.OneOf(["direct", "partial", "indirect"]))
    speaker = fields.Nested(SpeakerSchema, required=True, allow_none=True)
    cue = fields.Nested(MentionSchema, required=True, allow_none=True)


class ModelInfoSchema(Schema):
    name = fields.String(required=True)
    version = fields.String(required=True)


class DocumentDateSchema(Schema):
    value = fields.String(required=True)
    source = fields.String(required=True, validate=validate.OneOf(["request", "text"]))


class AnnotateResponseSchema(Schema):
    language = fields.String(required=True)
    model = fields.Nested(ModelInfoSchema, required=True)
    document_date = fields.Nested(DocumentDateSchema, required=True, allow_none=True)
    people = fields.List(fields.Nested(EntitySchema))
    organizations = fields.List(fields.Nested(EntitySchema))
    places = fields.List(fields.Nested(EntitySchema))
    dates = fields.List(fields.Nested(DateSchema))
    quotes = fields.List(fields.Nested(QuoteSchema))



class BatchResultSchema(AnnotateResponseSchema):
    id = fields.String(required=True)


class BatchResponseSchema(Schema):
    results = fields.List(fields.Nested(BatchResultSchema), required=True)
