"""Fixtures of the editing-core tests."""

from __future__ import annotations

import pytest

from explorer.sandbox import RunningSandbox


@pytest.fixture(scope="session")
def sandbox(writable_sandbox: RunningSandbox) -> RunningSandbox:
    """These tests write records, so they use the writable session sandbox."""
    return writable_sandbox
