"""HTTP details at the edges: unreadable multipart bodies, 405 with Allow, trailing slashes."""

from __future__ import annotations

import pytest

from .conftest import Api

RECORD = "/v1/tasks/ittickets/ITM-5"


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("multipart/form-data", b"--x\r\nContent-Disposition: form-data; name=file\r\n\r\nhi"),
        ("multipart/form-data; boundary=zz", b"this is not a multipart body at all"),
        ("multipart/form-data; boundary=zz", b"--zz\r\nno headers end here"),
    ],
)
async def test_an_unreadable_upload_is_a_400_that_says_why(
    api: Api, content_type: str, body: bytes
) -> None:
    answer = await api.http.post(
        f"{RECORD}/attachments", content=body, headers={"Content-Type": content_type}
    )
    assert answer.status_code in (400, 422), answer.text
    message = answer.json()["message"]
    assert "multipart" in message or "'file'" in message
    assert "sandbox failed" not in message


async def test_an_upload_without_a_boundary_is_a_400(api: Api) -> None:
    answer = await api.http.post(
        f"{RECORD}/attachments", content=b"x", headers={"Content-Type": "multipart/form-data"}
    )
    assert answer.status_code == 400
    assert "boundary" in answer.json()["message"]


async def test_a_token_request_with_a_broken_form_is_a_400(api: Api) -> None:
    answer = await api.http.post(
        "/oauth/token", content=b"x", headers={"Content-Type": "multipart/form-data"}
    )
    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid_request"


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("DELETE", "/v1/tasks/ittickets", {"GET", "HEAD", "POST"}),
        ("PATCH", RECORD, {"GET", "HEAD", "PUT"}),
        ("PUT", f"{RECORD}/comment", {"GET", "HEAD", "POST"}),
        ("PUT", f"{RECORD}/watchers", {"GET", "HEAD", "POST", "DELETE"}),
        ("DELETE", f"{RECORD}/attachments", {"GET", "HEAD", "POST"}),
        ("GET", "/oauth/token", {"POST"}),
        ("POST", "/", {"GET", "HEAD"}),
    ],
)
async def test_every_405_says_which_methods_the_path_allows(
    api: Api, method: str, path: str, allowed: set[str]
) -> None:
    answer = await api.http.request(method, path)
    assert answer.status_code == 405
    assert {m.strip() for m in answer.headers["Allow"].split(",")} == allowed
    assert answer.json()["status"] == 405


@pytest.mark.parametrize(
    "path",
    ["/v1/tasks/ittickets/", f"{RECORD}/", f"{RECORD}/comment/", "/oauth/token/"],
)
async def test_a_trailing_slash_is_a_404_not_a_redirect(api: Api, path: str) -> None:
    method = "POST" if path.startswith("/oauth") else "GET"
    answer = await api.http.request(method, path)
    assert answer.status_code == 404
    assert "location" not in answer.headers
    assert "trailing slash" in answer.json()["message"]
