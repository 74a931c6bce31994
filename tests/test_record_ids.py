"""Which key holds a record's id: the profile's `id_key`, else detected per alias."""

from __future__ import annotations

from explorer.record_ids import IdResolver, detect_id_key


def test_a_key_named_like_an_id_is_found_first() -> None:
    assert detect_id_key([{"Title": "a", "Handle": "T-1"}, {"Handle": "T-2"}]) == "Handle"
    assert detect_id_key([{"Ref": "ITM-1", "id": "7"}, {"Ref": "ITM-2", "id": "8"}]) == "id"
    assert detect_id_key([{"Key": "x"}, {"Key": "y"}]) == "Key"


def test_else_a_field_whose_values_all_read_as_handles_and_differ() -> None:
    page = [{"Title": "a", "Ticket": "ITM-42"}, {"Title": "b", "Ticket": "ITM-43"}]
    assert detect_id_key(page) == "Ticket"
    same_parent = [{"Parent": "ITM-1"}, {"Parent": "ITM-1"}]
    assert detect_id_key(same_parent) is None
    assert detect_id_key([{"Ticket": "ITM-1"}, {"Ticket": "pending"}]) is None
    assert detect_id_key([{"Title": "a"}]) is None and detect_id_key([]) is None


def test_a_key_is_remembered_per_alias_and_the_profile_wins() -> None:
    ids = IdResolver()
    assert ids.learn("tasks/a", [{"id": "A-1"}]) == "id"
    assert ids.learn("tasks/a", [{"Title": "no id here"}]) == "id"
    assert ids.id_of("tasks/a", {"id": "A-9"}) == "A-9"
    assert ids.learn("tasks/b", [{"Title": "x"}]) is None
    assert ids.known_missing("tasks/b") and not ids.known_missing("tasks/c")
    assert ids.id_of("tasks/b", {"Title": "x"}) is None
    assert 'id_key = "Field name" under [profiles.NAME]' in ids.hint("tasks/b")
    configured = IdResolver("Ticket No", "work")
    assert configured.learn("tasks/a", [{"id": "A-1"}]) == "Ticket No"
    assert configured.id_of("tasks/a", {"id": "A-1"}) is None
    assert "no 'Ticket No' field" in configured.hint("tasks/a")
