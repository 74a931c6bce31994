"""OAuth client-credentials tokens: the three request shapes API.md documents, real expiry."""

from __future__ import annotations

import base64
import binascii
import json
import secrets
import time
from dataclasses import dataclass

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request

from explorer.sandbox.errors import ApiError
from explorer.sandbox.options import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET


@dataclass(frozen=True)
class Credentials:
    grant_type: str | None
    client_id: str | None
    client_secret: str | None
    # The request's shape as API.md numbers them: "json", "basic" (a Basic header) or "form".
    shape: str = "json"


async def read_form(request: Request, *, error: str | None = None) -> FormData:
    """The request's form, or a 400 that says why a multipart body cannot be read."""
    try:
        return await request.form()
    except (HTTPException, MultiPartException) as failure:
        reason = getattr(failure, "detail", None) or getattr(failure, "message", "")
        raise ApiError(
            400, f"the form body cannot be read: {reason}".rstrip(": "), error=error
        ) from failure


async def read_token_request(request: Request) -> Credentials:
    """Credentials from a JSON body, a form body with Basic auth, or a form body alone."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    fields: dict[str, str] = {}
    if content_type == "application/json":
        try:
            body = json.loads(await request.body() or b"{}")
        except (ValueError, UnicodeDecodeError) as error:
            raise ApiError(400, "the body is not valid JSON", error="invalid_request") from error
        if not isinstance(body, dict):
            raise ApiError(400, "the body must be a JSON object", error="invalid_request")
        fields = {str(k): v for k, v in body.items() if isinstance(v, str)}
    elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await read_form(request, error="invalid_request")
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
    client_id = fields.get("client_id")
    client_secret = fields.get("client_secret")
    authorization = request.headers.get("authorization", "")
    shape = "json" if content_type == "application/json" else "form"
    if authorization[:6].lower() == "basic ":
        shape = "basic"
        try:
            pair = base64.b64decode(authorization[6:].strip(), validate=True).decode()
            client_id, _, client_secret = pair.partition(":")
        except (binascii.Error, UnicodeDecodeError) as error:
            raise ApiError(
                400, "the Basic authorization header is malformed", error="invalid_request"
            ) from error
    return Credentials(fields.get("grant_type"), client_id, client_secret, shape)


class Tokens:
    """Issued bearer tokens and when each expires (monotonic clock)."""

    def __init__(self) -> None:
        self._expiry: dict[str, float] = {}

    def issue(self, credentials: Credentials, ttl: float, only_shape: str | None = None) -> str:
        """A new token, unless the request is refused; `only_shape` refuses the other shapes
        as a server that takes just one would (400 invalid_request)."""
        if only_shape is not None and credentials.shape != only_shape:
            raise ApiError(
                400,
                f"this server takes {only_shape} token requests only, not {credentials.shape}",
                error="invalid_request",
            )
        if credentials.grant_type is None:
            raise ApiError(400, "grant_type is missing", error="invalid_request")
        if credentials.grant_type != "client_credentials":
            raise ApiError(
                400,
                f"grant_type must be client_credentials, not {credentials.grant_type!r}",
                error="unsupported_grant_type",
            )
        known = secrets.compare_digest(
            (credentials.client_id or "").encode(), DEMO_CLIENT_ID.encode()
        ) and secrets.compare_digest(
            (credentials.client_secret or "").encode(), DEMO_CLIENT_SECRET.encode()
        )
        if not known:
            raise ApiError(401, "unknown client id or secret", error="invalid_client")
        token = secrets.token_urlsafe(32)
        now = time.monotonic()
        self._expiry = {t: e for t, e in self._expiry.items() if e > now}
        self._expiry[token] = now + ttl
        return token

    def check(self, request: Request, *, reject: bool = False) -> str:
        """The request's valid bearer token; raises a 401 when missing, unknown or expired,
        or for every token when `reject` is set."""
        authorization = request.headers.get("authorization", "")
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(
                401,
                "a bearer token is required: POST /oauth/token first",
                headers={"WWW-Authenticate": "Bearer"},
            )
        expiry = self._expiry.get(token.strip())
        if expiry is None or reject:
            raise ApiError(
                401, "the access token is not valid", headers={"WWW-Authenticate": "Bearer"}
            )
        if time.monotonic() >= expiry:
            raise ApiError(
                401,
                "the access token has expired",
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )
        return token.strip()
