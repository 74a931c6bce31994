"""ExportWriter: files appear under their final name only when complete."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from explorer.api import ExportWriter


def test_csv_keeps_fields_first_seen_later_and_writes_values_readably(tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    with ExportWriter(out, "csv") as writer:
        writer.write([{"Handle": "A-1", "Title": "one"}])
        writer.write([{"Handle": "A-2", "Labels": ["vip", "onsite"], "Done": True, "N": None}])
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Handle", "Title", "Labels", "Done", "N"]
    assert rows[1] == ["A-1", "one", "", "", ""]
    assert rows[2] == ["A-2", "", '["vip","onsite"]', "true", ""]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_an_empty_export_is_still_a_valid_file(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"empty.{fmt}"
    with ExportWriter(out, fmt):  # type: ignore[arg-type]
        pass
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text) == []
    else:
        assert text == ""


def test_an_interrupted_export_keeps_only_the_partial_file(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    with pytest.raises(KeyboardInterrupt), ExportWriter(out, "json") as writer:
        writer.write([{"Handle": "A-1"}])
        raise KeyboardInterrupt
    assert not out.exists()
    assert '"A-1"' in (tmp_path / "x.json.partial").read_text(encoding="utf-8")
    with ExportWriter(out, "json") as writer:
        writer.write([{"Handle": "A-1"}, {"Handle": "A-2"}])
    assert [r["Handle"] for r in json.loads(out.read_text(encoding="utf-8"))] == ["A-1", "A-2"]
    assert not (tmp_path / "x.json.partial").exists()
