"""Records: get, create (201), partial PUT, and the 403/404/422 answers around them."""

from __future__ import annotations

import pytest

from explorer.sandbox.schema import BY_ALIAS

from .conftest import Api

NEW_TICKET = {
    "Title": "Projector in room 4.12 hums",
    "Status": "Open",
    "Priority": 2,
    "Reporter": "ana.garcia@example.com",
}


async def test_get_a_record_by_handle(api: Api) -> None:
    answer = await api.http.get("/v1/tasks/ittickets/ITM-42")
    assert answer.status_code == 200
    record = answer.json()
    assert record["Handle"] == "ITM-42"
    assert set(record) >= {"Title", "Status", "Priority", "Due Date", "Created At", "Updated At"}
    assert record["Created At"].endswith("Z") and len(record["Created At"]) == 24
    assert isinstance(record["Priority"], int)
    assert isinstance(record["Escalated"], bool)


async def test_seed_data_is_the_same_every_time(api: Api) -> None:
    first = (await api.http.get("/v1/elements/vendors/VEN-7")).json()
    assert first["Handle"] == "VEN-7"
    assert first["Created At"].startswith("2023-")
    again = (await api.http.get("/v1/elements/vendors/VEN-7")).json()
    assert first == again


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/v1/things/ittickets", 404, "record type"),
        ("/v1/tasks/nosuchalias", 404, "alias"),
        ("/v1/apps/ittickets", 404, "alias"),
        ("/v1/tasks/ittickets/ITM-999999", 404, "ITM-999999"),
        ("/v1/tasks/ittickets/PREQ-1", 404, "PREQ-1"),
        ("/v1/transactions/payroll", 403, "no access"),
        ("/v1/transactions/payroll/PAY-1", 403, "no access"),
    ],
)
async def test_unknown_and_forbidden_paths(api: Api, path: str, status: int, words: str) -> None:
    answer = await api.http.get(path)
    assert answer.status_code == status
    body = answer.json()
    assert body["status"] == status
    assert words in body["message"]


async def test_create_assigns_the_next_handle_and_timestamps(api: Api) -> None:
    answer = await api.http.post("/v1/tasks/ittickets", json=NEW_TICKET)
    assert answer.status_code == 201
    record = answer.json()
    assert record["Handle"] == "ITM-251"
    assert record["Title"] == NEW_TICKET["Title"]
    assert record["Created At"] == record["Updated At"]
    assert record["Assignee"] is None
    fetched = (await api.http.get("/v1/tasks/ittickets/ITM-251")).json()
    assert fetched == record
    listed = (await api.http.get("/v1/tasks/ittickets", params={"last": 1})).json()
    assert listed["total"] == 251
    assert listed["items"][0]["data"]["Handle"] == "ITM-251"


async def test_create_accepts_values_as_strings(api: Api) -> None:
    body = {
        **NEW_TICKET,
        "Priority": "4",
        "Escalated": "true",
        "Estimate Hours": "2.5",
        "Labels": ["vip", "remote"],
        "Resolved At": "2024-03-15T09:30:00+01:00",
    }
    record = (await api.http.post("/v1/tasks/ittickets", json=body)).json()
    assert record["Priority"] == 4
    assert record["Escalated"] is True
    assert record["Estimate Hours"] == 2.5
    assert record["Labels"] == ["vip", "remote"]
    assert record["Resolved At"] == "2024-03-15T08:30:00.000Z"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"Title": None}, "'Title' is required"),
        ({"Priority": "high"}, "'Priority' expects a whole number"),
        ({"Priority": 2.5}, "'Priority' expects a whole number"),
        ({"Status": "Someday"}, "'Status' expects one of Open"),
        ({"Due Date": "next week"}, "'Due Date' expects an ISO date"),
        ({"Reporter": "not an email"}, "'Reporter' expects a user's e-mail"),
        ({"Escalated": "maybe"}, "'Escalated' expects true or false"),
        ({"Labels": ["nope"]}, "'Labels' expects a list of values"),
        ({"Colour": "red"}, "unknown field 'Colour'"),
        ({"Handle": "ITM-1"}, "'Handle' is set by the server"),
    ],
)
async def test_create_refuses_bad_values_with_422(
    api: Api, change: dict[str, object], words: str
) -> None:
    answer = await api.http.post("/v1/tasks/ittickets", json={**NEW_TICKET, **change})
    assert answer.status_code == 422
    assert words in answer.json()["message"]


async def test_create_missing_a_required_field_is_422(api: Api) -> None:
    body = {k: v for k, v in NEW_TICKET.items() if k != "Reporter"}
    answer = await api.http.post("/v1/tasks/ittickets", json=body)
    assert answer.status_code == 422
    assert answer.json()["message"] == "required field 'Reporter' is missing"


async def test_create_names_every_missing_required_field_at_once(api: Api) -> None:
    answer = await api.http.post("/v1/tasks/ittickets", json={"Title": "Printer jam"})
    assert answer.status_code == 422
    body = answer.json()
    assert body["message"] == "required fields 'Status', 'Priority', 'Reporter' are missing"
    assert body["missing"] == ["Status", "Priority", "Reporter"]


async def test_malformed_bodies_are_400(api: Api) -> None:
    broken = await api.http.post(
        "/v1/tasks/ittickets", content=b"{nope", headers={"Content-Type": "application/json"}
    )
    assert broken.status_code == 400
    listed = await api.http.post("/v1/tasks/ittickets", json=["Title"])
    assert listed.status_code == 400


async def test_put_changes_only_the_given_fields(api: Api) -> None:
    created = (await api.http.post("/v1/tasks/ittickets", json=NEW_TICKET)).json()
    path = f"/v1/tasks/ittickets/{created['Handle']}"
    answer = await api.http.put(path, json={"Status": "Resolved", "Priority": "5"})
    assert answer.status_code == 200
    updated = answer.json()
    assert updated["Status"] == "Resolved"
    assert updated["Priority"] == 5
    assert updated["Updated At"] > created["Updated At"]
    unchanged = {k for k in created if k not in ("Status", "Priority", "Updated At")}
    assert {k: updated[k] for k in unchanged} == {k: created[k] for k in unchanged}
    again = (await api.http.put(path, json={"Status": "Resolved", "Priority": "5"})).json()
    assert {k: v for k, v in again.items() if k != "Updated At"} == {
        k: v for k, v in updated.items() if k != "Updated At"
    }


async def test_put_can_send_back_the_whole_record(api: Api) -> None:
    created = (await api.http.post("/v1/tasks/ittickets", json=NEW_TICKET)).json()
    path = f"/v1/tasks/ittickets/{created['Handle']}"
    answer = await api.http.put(path, json={**created, "Title": "Renamed"})
    assert answer.status_code == 200
    assert answer.json()["Title"] == "Renamed"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"Colour": "red"}, "unknown field 'Colour'"),
        ({"Priority": "urgent"}, "'Priority' expects a whole number"),
        ({"Title": ""}, "'Title' is required"),
        ({"Handle": "ITM-1"}, "'Handle' is set by the server"),
    ],
)
async def test_put_refuses_bad_changes_with_422(
    api: Api, change: dict[str, object], words: str
) -> None:
    created = (await api.http.post("/v1/tasks/ittickets", json=NEW_TICKET)).json()
    answer = await api.http.put(f"/v1/tasks/ittickets/{created['Handle']}", json=change)
    assert answer.status_code == 422
    assert words in answer.json()["message"]
    after = (await api.http.get(f"/v1/tasks/ittickets/{created['Handle']}")).json()
    assert after == created


async def test_put_on_a_missing_record_is_404(api: Api) -> None:
    answer = await api.http.put("/v1/tasks/ittickets/ITM-9999", json={"Status": "Open"})
    assert answer.status_code == 404


async def test_every_alias_has_realistic_fields(api: Api) -> None:
    for key in (
        "apps/purchaserequests",
        "elements/incidents",
        "elements/vendors",
        "tasks/onboarding",
        "transactions/invoices",
    ):
        page = (await api.http.get(f"/v1/{key}", params={"first": 50})).json()
        records = [item["data"] for item in page["items"]]
        fields = set(records[0])
        assert 8 + 3 <= len(fields) <= 20 + 3, key
        assert {"Handle", "Created At", "Updated At"} <= fields
        assert any(value is None for record in records for value in record.values()), key
        assert any(isinstance(v, list) for record in records for v in record.values()), key
        assert any(isinstance(v, bool) for record in records for v in record.values()), key


async def test_unknown_paths_answer_json_404(api: Api) -> None:
    answer = await api.http.get("/v1/tasks/ittickets/ITM-1/nothing-here")
    assert answer.status_code == 404
    assert answer.json()["status"] == 404


async def test_an_objects_uuid_works_in_place_of_its_alias(api: Api) -> None:
    uuid = BY_ALIAS["vendors"].uuid
    by_uuid = (await api.http.get(f"/v1/elements/{uuid}/VEN-2")).json()
    by_alias = (await api.http.get("/v1/elements/vendors/VEN-2")).json()
    assert by_uuid == by_alias
    page = (await api.http.get(f"/v1/elements/{uuid}", params={"first": 1})).json()
    after = await api.http.get(
        "/v1/elements/vendors", params={"after": page["paging"]["end_cursor"], "first": 1}
    )
    assert after.json()["items"][0]["data"]["Handle"] == "VEN-2"
