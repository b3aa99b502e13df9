from marshmallow import Schema, ValidationError, fields, validate, validates, validates_schema

from service.annotator import KINDS, SUPPORTED_LANGUAGES

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


def _published_field():
    return fields.Date(
        format="%Y-%m-%d",
        metadata={"description": "Publication date, the anchor for relative dates.", "example": "2024-06-19"},
    )


class AnnotateRequestSchema(_TextLimitMixin, Schema):
    text = fields.String(required=True, metadata={"description": "The article, plain text."})
    language = _language_field()
    published = _published_field()
    include = _include_field()

    @validates("text")
    def _validate_text(self, text, **_):
        _check_text(text, self.max_text_chars)


class BatchDocumentSchema(Schema):
    id = fields.String(required=True, validate=validate.Length(min=1))
    text = fields.String(required=True, metadata={"description": "The article, plain text."})
    published = _published_field()


class BatchRequestSchema(_TextLimitMixin, Schema):
    documents = fields.List(
        fields.Nested(BatchDocumentSchema), required=True, validate=validate.Length(min=1)
    )
    language = _language_field()
    include = _include_field()

    @validates_schema
    def _validate_documents(self, data, **_):
        errors = {}
        for index, document in enumerate(data.get("documents", [])):
            try:
                _check_text(document["text"], self.max_text_chars)
            except ValidationError as error:
                errors[index] = {"text": error.messages}
        if errors:
            raise ValidationError({"documents": errors})
        ids = [document["id"] for document in data.get("documents", [])]
        if len(ids) != len(set(ids)):
            raise ValidationError("Document ids must be unique.", "documents")


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
