"""Fixtures for client tests."""

from __future__ import annotations

import pytest
from api_helpers import WireRecorder


@pytest.fixture
def wire() -> WireRecorder:
    """A recorder of every attempt that goes over the socket."""
    return WireRecorder()
