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

# How many records of each collection get seeded comments and watchers.
DISCUSSED_RECORDS = 40


def record_rows(collection: Collection, count: int, seed: int) -> Iterator[tuple[Stored, ...]]:
    """Rows `(id, created_at, updated_at, c0, c1, ...)` in creation order."""
    rng = random.Random(f"{seed}:{collection.key}")
    random_ = rng.random
    generators = [spec.generate or _empty for spec in collection.fields]
    step = SEED_SPAN.total_seconds() / max(count, 1)
    start = int(SEED_START.timestamp())
    for index in range(1, count + 1):
        created = start + int((index - 1) * step + random_() * step * 0.5)
        updated = created + int(random_() * 30 * 86400)
        yield (
            index,
            instant_text(created),
            instant_text(updated),
            *[generate(rng, created) for generate in generators],
        )


def _empty(_rng: random.Random, _created: int) -> Stored:
    return None


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
