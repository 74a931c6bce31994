"""What a PUT's answer tells of other writers: fields we did not send that changed."""

from __future__ import annotations

from explorer.edits.saving import changed_meanwhile

BEFORE = {"Handle": "ITM-1", "Status": "Open", "Priority": 2, "Updated At": "t1", "Tags": None}


def test_only_fields_we_did_not_send_and_the_server_does_not_keep_count() -> None:
    answer = {**BEFORE, "Status": "Closed", "Priority": 5, "Updated At": "t2"}
    assert changed_meanwhile(BEFORE, answer, {"Status"}) == {"Priority": (2, 5)}


def test_values_that_read_the_same_and_fields_left_out_when_empty_do_not() -> None:
    answer = {"Handle": "ITM-1", "Status": "Closed", "Priority": "2", "Updated At": "t2"}
    assert changed_meanwhile(BEFORE, answer, {"Status"}) == {}


def test_an_answer_that_echoes_only_what_was_sent_tells_nothing() -> None:
    assert changed_meanwhile(BEFORE, {"Status": "Closed", "Updated At": "t2"}, {"Status"}) == {}
