"""The demo workspace: which collections exist, their fields, kinds and seed-data generators.

Each collection (a `recordType/alias`) is stored in its own SQLite table whose columns have
generated names (`c0`, `c1`, ...), so no user text ever reaches SQL.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import combinations
from typing import Any

from explorer.kinds import FieldKind
from explorer.records import DEFAULT_ID_KEY
from explorer.records import RECORD_TYPES as RECORD_TYPES

# The related-items `type` for each record type.
RECORD_TYPE_NAMES = {
    "apps": "APP",
    "elements": "ELEMENT",
    "tasks": "TASK",
    "transactions": "TRANSACTION",
}

# Keys every record carries besides its own fields; the server sets them.
HANDLE = DEFAULT_ID_KEY
CREATED_AT = "Created At"
UPDATED_AT = "Updated At"
SYSTEM_FIELDS: tuple[str, ...] = (HANDLE, CREATED_AT, UPDATED_AT)

# Seed data is pinned to fixed dates so screens and snapshots are stable.
SEED_START = datetime(2023, 1, 2, 8, 0, tzinfo=UTC)
SEED_SPAN = timedelta(days=3 * 365)

# A stored value: what goes into a column (None is an empty value).
Stored = str | int | float | None
# A seed-column generator: (rng, creation times as Unix seconds) -> one value per record.
Generator = Callable[[random.Random, list[int]], list[Stored]]


@dataclass(frozen=True)
class User:
    first_name: str
    last_name: str
    email: str


USERS: tuple[User, ...] = (
    User("Ana", "García", "ana.garcia@example.com"),
    User("Bjørn", "Larsen", "bjorn.larsen@example.com"),
    User("Chloé", "Martin", "chloe.martin@example.com"),
    User("Dmitri", "Volkov", "dmitri.volkov@example.com"),
    User("Emeka", "Okafor", "emeka.okafor@example.com"),
    User("Fatima", "Zahra", "fatima.zahra@example.com"),
    User("Grace", "Hopper", "grace.hopper@example.com"),
    User("Hiroshi", "Tanaka", "hiroshi.tanaka@example.com"),
    User("Ingrid", "Svensson", "ingrid.svensson@example.com"),
    User("José", "Pereira", "jose.pereira@example.com"),
    User("Kavya", "Iyer", "kavya.iyer@example.com"),
    User("Liam", "O'Brien", "liam.obrien@example.com"),
    User("Demo", "User", "demo.user@example.com"),
)
USER_EMAILS: tuple[str, ...] = tuple(u.email for u in USERS)


@dataclass(frozen=True)
class FieldSpec:
    """One field of a collection: display name, kind, options and how seed values are made."""

    name: str
    kind: FieldKind
    required: bool = False
    options: tuple[str, ...] = ()
    generate: Generator | None = None
    indexed: bool = False


@dataclass(frozen=True)
class Collection:
    """A `recordType/alias` with its fields; `forbidden` ones answer 403 to the demo user."""

    record_type: str
    alias: str
    prefix: str
    title: str
    default_records: int
    fields: tuple[FieldSpec, ...]
    forbidden: bool = False
    table: str = field(default="")
    # Fields of one covering index: counting a filter over only these scans the index,
    # which is a fraction of the table's width (big aliases only).
    covering: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.record_type}/{self.alias}"

    @property
    def uuid(self) -> str:
        """The object's stable UUID, which paths accept in place of the alias."""
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"elementum-sandbox:{self.key}"))

    def field_named(self, name: str) -> FieldSpec | None:
        for spec in self.fields:
            if spec.name == name:
                return spec
        return None

    def column_of(self, name: str) -> str:
        """The generated column name of field `name` (`c0`, `c1`, ...)."""
        for index, spec in enumerate(self.fields):
            if spec.name == name:
                return f"c{index}"
        raise KeyError(name)


# --- value generators -------------------------------------------------------------------
# Seeding a million records must take under a minute, so generators make a whole column at
# once, drawing with `random.choices` from prepared pools and formatting dates from tables.

_EPOCH_DAY = date(1970, 1, 1)
_MINUTES = tuple(f"T{m // 60:02d}:{m % 60:02d}" for m in range(1440))
_SECONDS = tuple(f":{s:02d}.000Z" for s in range(60))
_DAYS: dict[int, str] = {}
# Pools repeat their options this often so an `empty` share can be mixed in finely.
_POOL_REPEAT = 20


def day_text(epoch: int) -> str:
    """`YYYY-MM-DD` of a Unix time (UTC)."""
    day = epoch // 86400
    text = _DAYS.get(day)
    if text is None:
        text = _DAYS[day] = (_EPOCH_DAY + timedelta(days=day)).isoformat()
    return text


def instant_text(epoch: int) -> str:
    """The canonical `YYYY-MM-DDTHH:MM:SS.000Z` of a Unix time (UTC)."""
    within = epoch % 86400
    return day_text(epoch) + _MINUTES[within // 60] + _SECONDS[within % 60]


def _pool(
    options: Sequence[Any], weights: Sequence[int] | None = None, empty: float = 0.0
) -> list[Any]:
    """Options repeated by weight, with about `empty` of the entries None."""
    weights = weights or [1] * len(options)
    pool: list[Any] = [
        option
        for option, weight in zip(options, weights, strict=True)
        for _ in range(weight * _POOL_REPEAT)
    ]
    pool += [None] * round(len(pool) * empty / (1.0 - empty))
    return pool


def pick(
    options: Sequence[str], weights: Sequence[int] | None = None, empty: float = 0.0
) -> Generator:
    pool = _pool(options, weights, empty)

    def gen(rng: random.Random, created: list[int]) -> list[Stored]:
        return rng.choices(pool, k=len(created))

    return gen


def integer(low: int, high: int, empty: float = 0.0) -> Generator:
    return pick(range(low, high + 1), empty=empty)  # type: ignore[arg-type]


def decimal(low: float, high: float, places: int = 2, empty: float = 0.0) -> Generator:
    span = high - low

    def gen(rng: random.Random, created: list[int]) -> list[Stored]:
        draw = rng.random
        return [
            None if r < empty else round(low + (r - empty) / (1.0 - empty) * span, places)
            for r in [draw() for _ in created]
        ]

    return gen


def boolean(true_share: float = 0.5) -> Generator:
    def gen(rng: random.Random, created: list[int]) -> list[Stored]:
        draw = rng.random
        return [1 if draw() < true_share else 0 for _ in created]

    return gen


def user(empty: float = 0.0) -> Generator:
    return pick(USER_EMAILS[:-1], empty=empty)


def day_after(low_days: int, high_days: int, empty: float = 0.0) -> Generator:
    """A DATE some days after the record's creation."""
    pool = _pool([d * 86400 for d in range(low_days, high_days + 1)], empty=empty)

    def gen(rng: random.Random, created: list[int]) -> list[Stored]:
        offsets = rng.choices(pool, k=len(created))
        return [
            None if o is None else day_text(c + o) for c, o in zip(created, offsets, strict=True)
        ]

    return gen


def instant_after(low_hours: int, high_hours: int, empty: float = 0.0) -> Generator:
    """A DATETIME some hours after the record's creation, in the canonical format."""
    span = (high_hours - low_hours) * 3600 + 3600
    base = low_hours * 3600

    def gen(rng: random.Random, created: list[int]) -> list[Stored]:
        draw = rng.random
        return [
            None if r < empty else instant_text(c + base + int((r - empty) / (1.0 - empty) * span))
            for c, r in [(c, draw()) for c in created]
        ]

    return gen


def many(options: Sequence[str], most: int = 3) -> Generator:
    """A MULTI_PICKLIST value stored as a compact JSON array (None when nothing is chosen)."""
    combos: list[str | None] = [None]
    for size in range(1, most + 1):
        for combo in combinations(options, size):
            combos.append("[" + ",".join(f'"{item}"' for item in combo) + "]")

    def gen(rng: random.Random, created: list[int]) -> list[Stored]:
        return rng.choices(combos, k=len(created))

    return gen


def phrase(*parts: Sequence[str]) -> Generator:
    """Text built by joining one choice from each part."""

    def gen(rng: random.Random, created: list[int]) -> list[Stored]:
        columns = [rng.choices(part, k=len(created)) for part in parts]
        return ["".join(pieces) for pieces in zip(*columns, strict=True)]

    return gen


def sentences(pool: Sequence[str], most: int = 3, empty: float = 0.0) -> Generator:
    """Long text: a few sentences from `pool`."""
    texts = [" ".join(combo) for size in range(1, most + 1) for combo in combinations(pool, size)]
    mixed = texts + [None] * round(len(texts) * empty / (1.0 - empty))

    def gen(rng: random.Random, created: list[int]) -> list[Stored]:
        return rng.choices(mixed, k=len(created))

    return gen


CITIES = (
    "Berlin",
    "München",
    "São Paulo",
    "Zürich",
    "東京",
    "Kraków",
    "Montréal",
    "Austin",
    "Reykjavík",
    "Łódź",
    "Dublin",
    "Москва",
    "Nairobi",
    "Sevilla",
)
DEPARTMENTS = ("Engineering", "Finance", "Sales", "Support", "People", "Legal", "Operations")
CURRENCIES = ("USD", "EUR", "GBP", "JPY", "CHF")
COMPANIES = (
    "Acme Corp",
    "Globex",
    "Initech",
    "Umbrella Supplies",
    "Stark Industrial",
    "Wayne Logistics",
    "Hooli",
    "Vandelay Imports",
    "Société Générale de Papier",
    "Müller & Söhne GmbH",
    "Pied Piper",
    "Soylent Foods",
    "株式会社 サクラ",
)
TICKET_SUBJECTS = (
    "Printer",
    "Laptop",
    "VPN",
    "Email",
    "Monitor",
    "Badge reader",
    "Wi-Fi",
    "Password",
    "Phone",
    "Docking station",
    "Shared drive",
    "Projector",
    "Printer",
)
TICKET_PROBLEMS = (
    " jams on every job",
    " will not power on",
    " drops every hour",
    " is very slow",
    " shows error 0x80070005",
    " needs replacing",
    " access requested",
    " reset needed",
    " flickers",
    " not detected",
    " out of toner",
    " incidents after update",
)
PLACES = (
    " (floor 2)",
    " (floor 3)",
    " in the Berlin office",
    " for new hire",
    "",
    " in room 4.12",
    " at the front desk",
    " – urgent",
    " in São Paulo",
    "",
)
NOTES = (
    "Reported by phone; user is travelling this week.",
    "Tried the usual restart, no luck.",
    "Waiting on a replacement part from the vendor.",
    "Affects the whole team, not just one person.",
    "Workaround: use the second-floor device for now.",
    "Escalated after the third report in a day.",
    "Customer asked for an update by Friday.",
    "Logs attached in the shared drive; see ticket history.",
    "Läuft seit dem Update nicht mehr stabil.",
    "Le problème revient chaque matin vers 9 h.",
    "Needs approval from the department head before purchase.",
    "Duplicate reports merged into this one.",
)

ITTICKETS = Collection(
    record_type="tasks",
    alias="ittickets",
    prefix="ITM",
    title="IT tickets",
    default_records=50_000,
    covering=("Status", "Priority", "Title", "Assignee"),
    fields=(
        FieldSpec(
            "Title",
            FieldKind.TEXT,
            required=True,
            generate=phrase(TICKET_SUBJECTS, TICKET_PROBLEMS, PLACES),
        ),
        FieldSpec(
            "Status",
            FieldKind.PICKLIST,
            required=True,
            options=("Open", "In Progress", "Review", "Resolved", "Closed"),
            generate=pick(
                ("Open", "In Progress", "Review", "Resolved", "Closed"), (30, 20, 10, 25, 15)
            ),
        ),
        FieldSpec(
            "Priority", FieldKind.NUMBER, required=True, generate=integer(1, 5), indexed=True
        ),
        FieldSpec("Number", FieldKind.NUMBER, generate=integer(1, 20)),
        FieldSpec(
            "Category",
            FieldKind.PICKLIST,
            options=("Hardware", "Software", "Network", "Access", "Printing"),
            generate=pick(("Hardware", "Software", "Network", "Access", "Printing")),
        ),
        FieldSpec("Assignee", FieldKind.USER_ID, generate=user(empty=0.15)),
        FieldSpec("Reporter", FieldKind.USER_ID, required=True, generate=user()),
        FieldSpec("Due Date", FieldKind.DATE, generate=day_after(1, 30, empty=0.2)),
        FieldSpec("Resolved At", FieldKind.DATETIME, generate=instant_after(1, 240, empty=0.5)),
        FieldSpec("Estimate Hours", FieldKind.DECIMAL, generate=decimal(0.5, 40, 1, empty=0.1)),
        FieldSpec("Escalated", FieldKind.BOOLEAN, generate=boolean(0.12)),
        FieldSpec(
            "Labels",
            FieldKind.MULTI_PICKLIST,
            options=("urgent", "vip", "remote", "onsite", "security", "follow-up"),
            generate=many(("urgent", "vip", "remote", "onsite", "security", "follow-up")),
        ),
        FieldSpec("Location", FieldKind.TEXT, generate=pick(CITIES, empty=0.1)),
        FieldSpec("Description", FieldKind.TEXT, generate=sentences(NOTES, empty=0.1)),
    ),
)

PURCHASE_REQUESTS = Collection(
    record_type="apps",
    alias="purchaserequests",
    prefix="PREQ",
    title="Purchase requests",
    default_records=1_200,
    fields=(
        FieldSpec(
            "Title",
            FieldKind.TEXT,
            required=True,
            generate=phrase(
                ("New ", "Replacement ", "Extra ", "Annual "),
                (
                    "laptops",
                    "monitors",
                    "licences",
                    "chairs",
                    "servers",
                    "headsets",
                    "café supplies",
                    "training seats",
                ),
                ("", " for Q3", " for the new team", " – renewal"),
            ),
        ),
        FieldSpec(
            "Status",
            FieldKind.PICKLIST,
            required=True,
            options=("Draft", "Submitted", "Approved", "Rejected", "Ordered"),
            generate=pick(("Draft", "Submitted", "Approved", "Rejected", "Ordered")),
            indexed=True,
        ),
        FieldSpec("Requester", FieldKind.USER_ID, required=True, generate=user()),
        FieldSpec("Amount", FieldKind.DECIMAL, required=True, generate=decimal(25, 25_000)),
        FieldSpec("Currency", FieldKind.PICKLIST, options=CURRENCIES, generate=pick(CURRENCIES)),
        FieldSpec("Quantity", FieldKind.NUMBER, generate=integer(1, 200)),
        FieldSpec("Vendor", FieldKind.TEXT, generate=pick(COMPANIES, empty=0.1)),
        FieldSpec("Needed By", FieldKind.DATE, generate=day_after(7, 90, empty=0.2)),
        FieldSpec("Approved", FieldKind.BOOLEAN, generate=boolean(0.4)),
        FieldSpec(
            "Cost Center", FieldKind.PICKLIST, options=DEPARTMENTS, generate=pick(DEPARTMENTS)
        ),
        FieldSpec(
            "Tags",
            FieldKind.MULTI_PICKLIST,
            options=("capex", "opex", "urgent", "budgeted"),
            generate=many(("capex", "opex", "urgent", "budgeted"), 2),
        ),
        FieldSpec("Approved At", FieldKind.DATETIME, generate=instant_after(2, 300, empty=0.5)),
        FieldSpec("Justification", FieldKind.TEXT, generate=sentences(NOTES, 2, empty=0.3)),
    ),
)

INCIDENTS = Collection(
    record_type="elements",
    alias="incidents",
    prefix="INC",
    title="Incidents",
    default_records=800,
    fields=(
        FieldSpec(
            "Title",
            FieldKind.TEXT,
            required=True,
            generate=phrase(
                ("API", "Checkout", "Login", "Search", "Billing", "Sync"),
                (
                    " latency spike",
                    " outage",
                    " errors elevated",
                    " degraded",
                    " incident: timeouts",
                ),
                ("", " in EU", " in US-East", " for mobile users"),
            ),
        ),
        FieldSpec(
            "Severity",
            FieldKind.PICKLIST,
            required=True,
            options=("Low", "Medium", "High", "Critical"),
            generate=pick(("Low", "Medium", "High", "Critical"), (40, 35, 20, 5)),
        ),
        FieldSpec(
            "Status",
            FieldKind.PICKLIST,
            options=("Open", "Investigating", "Mitigated", "Resolved"),
            generate=pick(("Open", "Investigating", "Mitigated", "Resolved")),
        ),
        FieldSpec("Priority", FieldKind.NUMBER, generate=integer(1, 5)),
        FieldSpec("Detected At", FieldKind.DATETIME, generate=instant_after(0, 2)),
        FieldSpec("Resolved At", FieldKind.DATETIME, generate=instant_after(3, 72, empty=0.3)),
        FieldSpec("Owner", FieldKind.USER_ID, generate=user(empty=0.1)),
        FieldSpec(
            "Affected Systems",
            FieldKind.MULTI_PICKLIST,
            options=("api", "web", "mobile", "database", "queue", "cdn"),
            generate=many(("api", "web", "mobile", "database", "queue", "cdn")),
        ),
        FieldSpec("Customer Impact", FieldKind.BOOLEAN, generate=boolean(0.3)),
        FieldSpec("Downtime Minutes", FieldKind.NUMBER, generate=integer(0, 600, empty=0.2)),
        FieldSpec("Postmortem Due", FieldKind.DATE, generate=day_after(3, 14, empty=0.4)),
        FieldSpec("Root Cause", FieldKind.TEXT, generate=sentences(NOTES, 2, empty=0.4)),
    ),
)

VENDORS = Collection(
    record_type="elements",
    alias="vendors",
    prefix="VEN",
    title="Vendors",
    default_records=300,
    fields=(
        FieldSpec(
            "Name",
            FieldKind.TEXT,
            required=True,
            generate=phrase(COMPANIES, ("", " Europe", " Ltd", " Holdings", " (APAC)")),
        ),
        FieldSpec(
            "Status",
            FieldKind.PICKLIST,
            required=True,
            options=("Active", "Onboarding", "Suspended", "Retired"),
            generate=pick(("Active", "Onboarding", "Suspended", "Retired"), (60, 15, 10, 15)),
        ),
        FieldSpec("City", FieldKind.TEXT, generate=pick(CITIES)),
        FieldSpec("Account Manager", FieldKind.USER_ID, generate=user(empty=0.2)),
        FieldSpec("Rating", FieldKind.DECIMAL, generate=decimal(1, 5, 1, empty=0.15)),
        FieldSpec("Preferred", FieldKind.BOOLEAN, generate=boolean(0.25)),
        FieldSpec("Contract Start", FieldKind.DATE, generate=day_after(0, 60)),
        FieldSpec("Contract End", FieldKind.DATE, generate=day_after(365, 1100, empty=0.2)),
        FieldSpec("Annual Spend", FieldKind.DECIMAL, generate=decimal(1_000, 2_000_000)),
        FieldSpec(
            "Categories",
            FieldKind.MULTI_PICKLIST,
            options=("hardware", "software", "services", "logistics", "facilities"),
            generate=many(("hardware", "software", "services", "logistics", "facilities")),
        ),
        FieldSpec("Last Audit", FieldKind.DATETIME, generate=instant_after(24, 8000, empty=0.3)),
        FieldSpec("Notes", FieldKind.TEXT, generate=sentences(NOTES, 2, empty=0.5)),
    ),
)

ONBOARDING = Collection(
    record_type="tasks",
    alias="onboarding",
    prefix="ONB",
    title="Onboarding",
    default_records=400,
    fields=(
        FieldSpec(
            "Title",
            FieldKind.TEXT,
            required=True,
            generate=phrase(
                ("Onboard ", "Set up ", "Welcome "),
                (
                    "Zoë Quinn",
                    "Mateus Silva",
                    "Ærin Holt",
                    "李 伟",
                    "Sofía Ruiz",
                    "Noah Becker",
                    "Amélie Roux",
                    "Omar Haddad",
                ),
            ),
        ),
        FieldSpec(
            "Employee",
            FieldKind.TEXT,
            required=True,
            generate=pick(
                (
                    "Zoë Quinn",
                    "Mateus Silva",
                    "Ærin Holt",
                    "李 伟",
                    "Sofía Ruiz",
                    "Noah Becker",
                    "Amélie Roux",
                    "Omar Haddad",
                )
            ),
        ),
        FieldSpec("Manager", FieldKind.USER_ID, generate=user()),
        FieldSpec("Start Date", FieldKind.DATE, required=True, generate=day_after(7, 45)),
        FieldSpec(
            "Department", FieldKind.PICKLIST, options=DEPARTMENTS, generate=pick(DEPARTMENTS)
        ),
        FieldSpec(
            "Status",
            FieldKind.PICKLIST,
            options=("Planned", "In Progress", "Done", "Blocked"),
            generate=pick(("Planned", "In Progress", "Done", "Blocked")),
        ),
        FieldSpec("Laptop Ready", FieldKind.BOOLEAN, generate=boolean(0.6)),
        FieldSpec("Checklist Items", FieldKind.NUMBER, generate=integer(5, 30)),
        FieldSpec("Completion", FieldKind.DECIMAL, generate=decimal(0, 100, 1)),
        FieldSpec(
            "Equipment",
            FieldKind.MULTI_PICKLIST,
            options=("laptop", "monitor", "phone", "headset", "badge"),
            generate=many(("laptop", "monitor", "phone", "headset", "badge"), 4),
        ),
        FieldSpec("Completed At", FieldKind.DATETIME, generate=instant_after(48, 900, empty=0.5)),
        FieldSpec("Notes", FieldKind.TEXT, generate=sentences(NOTES, 2, empty=0.5)),
    ),
)

INVOICES = Collection(
    record_type="transactions",
    alias="invoices",
    prefix="INV",
    title="Invoices",
    default_records=1_500,
    fields=(
        FieldSpec(
            "Title",
            FieldKind.TEXT,
            required=True,
            generate=phrase(
                ("Invoice for ", "Credit note for ", "Monthly bill: "),
                ("consulting", "hardware", "cloud hosting", "licences", "travel", "catering"),
            ),
        ),
        FieldSpec("Vendor", FieldKind.TEXT, required=True, generate=pick(COMPANIES)),
        FieldSpec("Amount", FieldKind.DECIMAL, required=True, generate=decimal(10, 90_000)),
        FieldSpec("Currency", FieldKind.PICKLIST, options=CURRENCIES, generate=pick(CURRENCIES)),
        FieldSpec(
            "Status",
            FieldKind.PICKLIST,
            options=("Draft", "Sent", "Paid", "Overdue", "Void"),
            generate=pick(("Draft", "Sent", "Paid", "Overdue", "Void"), (10, 25, 45, 15, 5)),
            indexed=True,
        ),
        FieldSpec("Issue Date", FieldKind.DATE, required=True, generate=day_after(0, 0)),
        FieldSpec("Due Date", FieldKind.DATE, generate=day_after(14, 60)),
        FieldSpec("Paid At", FieldKind.DATETIME, generate=instant_after(24, 1500, empty=0.5)),
        FieldSpec("Paid", FieldKind.BOOLEAN, generate=boolean(0.45)),
        FieldSpec("Line Items", FieldKind.NUMBER, generate=integer(1, 40)),
        FieldSpec("Approver", FieldKind.USER_ID, generate=user(empty=0.2)),
        FieldSpec(
            "Tags",
            FieldKind.MULTI_PICKLIST,
            options=("recurring", "disputed", "tax-exempt"),
            generate=many(("recurring", "disputed", "tax-exempt"), 2),
        ),
        FieldSpec("Memo", FieldKind.TEXT, generate=sentences(NOTES, 1, empty=0.6)),
    ),
)

PAYROLL = Collection(
    record_type="transactions",
    alias="payroll",
    prefix="PAY",
    title="Payroll (no access)",
    default_records=120,
    forbidden=True,
    fields=(
        FieldSpec(
            "Title",
            FieldKind.TEXT,
            required=True,
            generate=phrase(("Salary ", "Bonus ", "Expense refund "), ("January", "June")),
        ),
        FieldSpec("Employee", FieldKind.USER_ID, required=True, generate=user()),
        FieldSpec("Amount", FieldKind.DECIMAL, required=True, generate=decimal(500, 12_000)),
        FieldSpec("Currency", FieldKind.PICKLIST, options=CURRENCIES, generate=pick(CURRENCIES)),
        FieldSpec("Pay Date", FieldKind.DATE, generate=day_after(0, 30)),
        FieldSpec(
            "Status",
            FieldKind.PICKLIST,
            options=("Scheduled", "Paid"),
            generate=pick(("Scheduled", "Paid")),
        ),
        FieldSpec("Taxable", FieldKind.BOOLEAN, generate=boolean(0.9)),
        FieldSpec("Paid At", FieldKind.DATETIME, generate=instant_after(0, 48, empty=0.4)),
    ),
)

COLLECTIONS: tuple[Collection, ...] = tuple(
    Collection(
        record_type=c.record_type,
        alias=c.alias,
        prefix=c.prefix,
        title=c.title,
        default_records=c.default_records,
        fields=c.fields,
        forbidden=c.forbidden,
        table=f"records_{index}",
        covering=c.covering,
    )
    for index, c in enumerate(
        (ITTICKETS, PURCHASE_REQUESTS, INCIDENTS, VENDORS, ONBOARDING, INVOICES, PAYROLL)
    )
)
BY_KEY: dict[str, Collection] = {c.key: c for c in COLLECTIONS}
BY_ALIAS: dict[str, Collection] = {c.alias: c for c in COLLECTIONS}
BY_UUID: dict[str, Collection] = {c.uuid: c for c in COLLECTIONS}
