from marshmallow import Schema, fields


class ProblemSchema(Schema):
    """RFC 9457 problem details, the body of every non-2xx response."""

    type = fields.String(required=True, metadata={"example": "about:blank"})
    title = fields.String(required=True, metadata={"example": "Unprocessable Content"})
    status = fields.Integer(required=True, metadata={"example": 422})
    detail = fields.String(required=True)
    errors = fields.Dict(
        keys=fields.String(),
        values=fields.Raw(),
        metadata={"description": "Validation messages keyed by field (validation failures only)."},
    )
    request_id = fields.String(metadata={"description": "Echo of the request's X-Request-ID."})
