"""Deterministic seed data: the same `seed` always yields the same records, dates included."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import timedelta

from explorer.sandbox.schema import (
    NOTES,
    SEED_SPAN,
    SEED_START,
    USERS,
    Collection,
    Stored,
    instant_text,
)

# Records are generated this many at a time.
CHUNK = 20_000
# How many records of each collection get seeded comments and watchers.
DISCUSSED_RECORDS = 40


def record_rows(collection: Collection, count: int, seed: int) -> Iterator[tuple[Stored, ...]]:
    """Rows `(id, created_at, updated_at, c0, c1, ...)` in creation order, made a chunk of
    columns at a time (the chunk size is part of what the seed determines)."""
    rng = random.Random(f"{seed}:{collection.key}")
    draw = rng.random
    generators = [spec.generate or _empty for spec in collection.fields]
    step = SEED_SPAN.total_seconds() / max(count, 1)
    start = int(SEED_START.timestamp())
    for first in range(1, count + 1, CHUNK):
        ids = range(first, min(first + CHUNK, count + 1))
        created = [start + int((i - 1) * step + draw() * step * 0.5) for i in ids]
        updated = [instant_text(c + int(draw() * 30 * 86400)) for c in created]
        columns = [generate(rng, created) for generate in generators]
        yield from zip(ids, [instant_text(c) for c in created], updated, *columns, strict=True)


def _empty(_rng: random.Random, created: list[int]) -> list[Stored]:
    return [None] * len(created)


def comment_rows(
    collection: Collection, count: int, seed: int
) -> Iterator[tuple[str, str, str, str, str, str]]:
    """Rows `(uid, scope, created_at, source, contents, author)` for the first records."""
    rng = random.Random(f"{seed}:{collection.key}:comments")
    step = SEED_SPAN.total_seconds() / max(count, 1)
    for index in range(1, min(count, DISCUSSED_RECORDS) + 1):
        scope = f"{collection.key}/{collection.prefix}-{index}"
        created = SEED_START + timedelta(seconds=int((index - 1) * step))
        for number in range(rng.randint(0, 4)):
            moment = created + timedelta(hours=number * 5 + rng.randint(1, 4))
            yield (
                str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                scope,
                moment.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                rng.choice(("WEB", "API", "EMAIL", "WORKFLOW")),
                rng.choice(NOTES),
                rng.choice(USERS[:-1]).email,
            )


def watcher_rows(collection: Collection, count: int, seed: int) -> Iterator[tuple[str, str, str]]:
    """Rows `(uid, scope, email)` for the first records."""
    rng = random.Random(f"{seed}:{collection.key}:watchers")
    for index in range(1, min(count, DISCUSSED_RECORDS) + 1):
        scope = f"{collection.key}/{collection.prefix}-{index}"
        for person in rng.sample(USERS[:-1], rng.randint(0, 3)):
            yield (str(uuid.UUID(int=rng.getrandbits(128), version=4)), scope, person.email)
