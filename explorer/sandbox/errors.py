"""The sandbox's error answers: `{"status", "error", "message"}` plus optional extra members."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from starlette.responses import JSONResponse


class ApiError(Exception):
    """An error answer; `error` defaults to the status's reason phrase."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        error: str | None = None,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.error = error or HTTPStatus(status).phrase
        self.extra = extra or {}
        self.headers = headers or {}

    def response(self) -> JSONResponse:
        body: dict[str, Any] = {"status": self.status, "error": self.error, "message": self.message}
        body.update(self.extra)
        return JSONResponse(body, status_code=self.status, headers=self.headers)
