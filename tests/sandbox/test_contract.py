"""Every operation the sandbox serves answers in the shapes `openapi.json` gives.

The in-process clients validate every answer of the whole suite as it arrives (see
`conftest.py` and `contract.py` for the adaptations); this test makes sure each operation's
success shape is among them, and checks the error shape on its own.
"""

from __future__ import annotations

from .conftest import CHECKED, Api
from .contract import check_response

RECORD = "/v1/tasks/ittickets/ITM-5"


async def test_each_operation_matches_the_spec(api: Api) -> None:
    http = api.http
    await http.get("/v1/tasks/ittickets", params={"first": 2})
    created = (
        await http.post(
            "/v1/tasks/ittickets",
            json={"Title": "t", "Status": "Open", "Priority": 1, "Reporter": "a@example.com"},
        )
    ).json()
    await http.get(RECORD)
    await http.put(f"/v1/tasks/ittickets/{created['Handle']}", json={"Status": "Review"})
    await http.post(f"{RECORD}/comment", content=b"hello")
    await http.get(f"{RECORD}/comment")
    upload = (await http.post(f"{RECORD}/attachments", files={"file": ("a.txt", b"x")})).json()
    await http.post(f"{RECORD}/attachments/url-links", json={"url": "https://example.com"})
    await http.get(f"{RECORD}/attachments")
    await http.get(f"{RECORD}/attachments/{upload['id']}")
    await http.get(f"{RECORD}/attachments/{upload['id']}/content")
    await http.delete(f"{RECORD}/attachments/{upload['id']}")
    await http.post(f"{RECORD}/watchers", json={"users": ["ana.garcia@example.com"]})
    await http.get(f"{RECORD}/watchers")
    await http.request("DELETE", f"{RECORD}/watchers", json={"users": ["ana.garcia@example.com"]})
    await http.post(f"{RECORD}/related-items", json={"id": "ITM-6"})
    await http.get(f"{RECORD}/related-items")
    await http.delete(f"{RECORD}/related-items/ITM-6")
    await http.get("/v1/tasks/ittickets", params={"first": 0})
    expected = {
        "POST /oauth/token 200",
        "GET /{recordType}/{alias} 200",
        "POST /{recordType}/{alias} 201",
        "GET /{recordType}/{alias}/{id} 200",
        "PUT /{recordType}/{alias}/{id} 200",
        "POST /{recordType}/{alias}/{id}/comment 201",
        "GET /{recordType}/{alias}/{id}/comment 200",
        "POST /{recordType}/{alias}/{id}/attachments 202",
        "POST /{recordType}/{alias}/{id}/attachments/url-links 201",
        "GET /{recordType}/{alias}/{id}/attachments 200",
        "GET /{recordType}/{alias}/{id}/attachments/{attachmentId} 200",
        "GET /{recordType}/{alias}/{id}/attachments/{attachmentId}/content 200",
        "DELETE /{recordType}/{alias}/{id}/attachments/{attachmentId} 200",
        "POST /{recordType}/{alias}/{id}/watchers 201",
        "GET /{recordType}/{alias}/{id}/watchers 200",
        "DELETE /{recordType}/{alias}/{id}/watchers 200",
        "POST /{recordType}/{alias}/{id}/related-items 201",
        "GET /{recordType}/{alias}/{id}/related-items 200",
        "DELETE /{recordType}/{alias}/{id}/related-items/{itemId} 200",
        "GET /{recordType}/{alias} 400",
    }
    assert expected <= CHECKED


async def test_error_answers_have_status_error_and_message(api: Api) -> None:
    answer = await api.http.get("/v1/tasks/ittickets", params={"filter": "Status=="})
    assert check_response(answer) == "GET /{recordType}/{alias} 400"
    body = answer.json()
    assert set(body) == {"status", "error", "message", "diagnostic"}
    assert body["error"] == "Bad Request"
