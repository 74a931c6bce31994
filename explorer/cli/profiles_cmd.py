"""`elx profiles list|add|remove|use|logout`: the Elementum workspaces `elx` knows, in
config.toml, and the tokens kept for them between runs.

Exit codes: 0 ok, 1 invalid input, 2 usage, 3 configuration error (e.g. the config file does
not load; it is then never overwritten).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from explorer.api.settings import TOKEN_STYLES, ConnectionSettings
from explorer.cli.common import UsageError, action_group, guarded
from explorer.config import Profile, SecretSource, load_config, save_config
from explorer.config.files import config_path
from explorer.config.remembered import ProfileMemory, forget_tokens


def _list(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if not config.profiles:
        print(f"no profiles in {config_path(args.config)}", file=sys.stderr)
        return 0
    rows = []
    for name, profile in config.profiles.items():
        mark = "*" if name == config.default_profile else " "
        secret = profile.secret.describe() if profile.secret else "no secret source"
        flags = " read-only" if profile.read_only else ""
        rows.append((f"{mark} {name}", profile.target, profile.client_id or "-", secret + flags))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        print(
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[3]
        )
    return 0


def _secret_from(args: argparse.Namespace) -> SecretSource | None:
    chosen = [
        (kind, value)
        for kind, value in (
            ("env", args.secret_env),
            ("command", args.secret_command),
            ("keyring", args.secret_keyring),
        )
        if value
    ]
    if args.secret_stdin:
        text = sys.stdin.readline().strip()
        if not text:
            raise UsageError("--secret-stdin read an empty line")
        chosen.append(("file", text))
    if len(chosen) > 1:
        raise UsageError(
            "give one secret source: --secret-env, --secret-command, "
            "--secret-keyring or --secret-stdin"
        )
    if not chosen:
        return None
    kind, value = chosen[0]
    return SecretSource(kind, value)  # type: ignore[arg-type]


def _add(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if args.name in config.profiles and not args.replace:
        raise UsageError(f"profile {args.name!r} exists; pass --replace to overwrite it")
    if args.region and args.base_url:
        raise UsageError("give --region or --base-url, not both")
    if args.base_url and not args.base_url.startswith(("http://", "https://")):
        raise UsageError(f"--base-url must be an http(s) URL, got {args.base_url!r}")
    profile = Profile(
        name=args.name,
        region=None if args.base_url else (args.region or "us"),
        base_url=args.base_url,
        client_id=args.client_id,
        secret=_secret_from(args),
        token_style=args.token_style,
        id_key=args.id_key,
        rate_per_second=args.rate,
        burst=args.burst,
        page_size=args.page_size,
        read_only=args.read_only,
    )
    old = config.profiles.get(args.name)
    if old is not None:
        profile.aliases, profile.saved_filters = old.aliases, old.saved_filters
    config.profiles[args.name] = profile
    if args.default or config.default_profile is None:
        config.default_profile = args.name
    where = save_config(config, args.config)
    print(f"profile {args.name!r} saved to {where}", file=sys.stderr)
    return 0


def _remove(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if args.name not in config.profiles:
        raise UsageError(f"no profile named {args.name!r}")
    del config.profiles[args.name]
    if config.default_profile == args.name:
        config.default_profile = None
    save_config(config, args.config)
    print(f"profile {args.name!r} removed", file=sys.stderr)
    return 0


def _use(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if args.name not in config.profiles:
        raise UsageError(f"no profile named {args.name!r}")
    config.default_profile = args.name
    save_config(config, args.config)
    print(f"default profile is now {args.name!r}", file=sys.stderr)
    return 0


def _logout(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    profile = config.profiles.get(args.name)
    if profile is None and args.name != "environment":
        raise UsageError(f"no profile named {args.name!r}")
    keyring_keys: list[str] = []
    if profile is not None and profile.secret is not None and profile.secret.kind == "keyring":
        keyring_keys = [ProfileMemory(args.name, profile.client_id, _token_url(profile)).key]
    removed = forget_tokens(args.name, keyring_keys)
    what = "its kept token is removed" if removed else "no token was kept for it"
    print(f"signed out of profile {args.name!r}: {what}", file=sys.stderr)
    return 0


def _token_url(profile: Profile) -> str:
    return ConnectionSettings(base_url=profile.target, client_id="", client_secret="").token_url


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from error
    if value <= 0:
        raise argparse.ArgumentTypeError("expected a positive number")
    return value


def register(subparsers: Any) -> None:
    sub = action_group(
        subparsers,
        "profiles",
        "list, add, remove and choose profiles",
        "Profiles say where Elementum is and how to sign in (config.toml).",
    )

    sub("list", "list profiles (* marks the default)").set_defaults(handler=guarded(_list))

    adding = sub("add", "add or replace a profile")
    adding.add_argument("name", metavar="NAME")
    adding.add_argument("--region", choices=("us", "eu"), help="Elementum region (default: us)")
    adding.add_argument("--base-url", help="any other service root, e.g. a staging host")
    adding.add_argument("--client-id", required=True, help="OAuth client id")
    secrets = adding.add_argument_group("where the client secret comes from (pick one)")
    secrets.add_argument("--secret-env", metavar="VAR", help="an environment variable")
    secrets.add_argument("--secret-command", metavar="CMD", help="a command that prints it")
    secrets.add_argument(
        "--secret-keyring", metavar="SERVICE[:USER]", help="the system keyring (needs keyring)"
    )
    secrets.add_argument(
        "--secret-stdin",
        action="store_true",
        help="read it from stdin and store it in config.toml (mode 0600)",
    )
    adding.add_argument(
        "--token-style",
        choices=TOKEN_STYLES,
        default="auto",
        help="token request shape (default: auto, which tries each documented one)",
    )
    adding.add_argument(
        "--id-key",
        default=None,
        metavar="FIELD",
        help="the record field holding its id (default: detected from the records)",
    )
    adding.add_argument("--rate", type=_positive, default=5.0, help="requests per second")
    adding.add_argument("--burst", type=int, default=5, help="requests allowed at once")
    adding.add_argument("--page-size", type=int, default=100, help="records per page")
    adding.add_argument("--read-only", action="store_true", help="refuse every write")
    adding.add_argument("--default", action="store_true", help="make it the default profile")
    adding.add_argument("--replace", action="store_true", help="overwrite a profile of that name")
    adding.set_defaults(handler=guarded(_add))

    removing = sub("remove", "remove a profile")
    removing.add_argument("name", metavar="NAME")
    removing.set_defaults(handler=guarded(_remove))

    using = sub("use", "make a profile the default")
    using.add_argument("name", metavar="NAME")
    using.set_defaults(handler=guarded(_use))

    logout = sub("logout", "forget the token kept for a profile between runs")
    logout.add_argument("name", metavar="NAME")
    logout.set_defaults(handler=guarded(_logout))
