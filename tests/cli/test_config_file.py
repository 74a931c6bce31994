"""config.toml: profiles round-trip, secrets from each source, clear errors, safe writes."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from explorer.api import ConfigurationError
from explorer.config import (
    Config,
    ConfigError,
    Profile,
    SecretSource,
    config_path,
    load_config,
    save_config,
)

EXAMPLE = """
default_profile = "work"
theme = "nord"

[keymap]
"filter.focus" = "/"

[profiles.work]
region = "eu"
client_id = "abc"
secret = { env = "WORK_SECRET" }
rate_per_second = 2.5
burst = 3
page_size = 200

[profiles.work.aliases]
tasks = ["ittickets", "onboarding"]

[profiles.work.saved_filters."tasks/ittickets"]
open = "Status==Open"

[profiles.local]
base_url = "http://127.0.0.1:8765"
client_id = "elx-demo-client"
secret = { value = "elx-demo-secret" }
token_style = "basic"
read_only = true
"""


def test_a_missing_file_is_an_empty_config(tmp_path: Path) -> None:
    config = load_config(tmp_path / "none.toml")
    assert config.profiles == {} and config.default_profile is None


def test_the_path_comes_from_the_flag_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ELX_CONFIG", str(tmp_path / "env.toml"))
    assert config_path() == tmp_path / "env.toml"
    assert config_path(tmp_path / "flag.toml") == tmp_path / "flag.toml"
    monkeypatch.delenv("ELX_CONFIG")
    assert config_path().name == "config.toml"
    assert "elementum-explorer" in str(config_path())


def test_profiles_load_and_round_trip_with_mode_0600(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(EXAMPLE, encoding="utf-8")
    config = load_config(path)
    work = config.profiles["work"]
    assert work.target == "https://api.eu.elementum.io"
    assert work.secret == SecretSource("env", "WORK_SECRET")
    assert work.aliases["tasks"] == ["ittickets", "onboarding"]
    assert work.saved_filters["tasks/ittickets"]["open"] == "Status==Open"
    assert config.keymap == {"filter.focus": "/"} and config.theme == "nord"
    assert config.profiles["local"].read_only
    save_config(config, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = load_config(path)
    assert again.profiles == config.profiles
    assert again.default_profile == "work"


def test_connection_settings_resolve_the_secret_and_obey_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(EXAMPLE, encoding="utf-8")
    work = load_config(path).profiles["work"]
    settings = work.connection_settings({"WORK_SECRET": "s3cret"})
    assert settings.client_secret == "s3cret"
    assert settings.api_url == "https://api.eu.elementum.io/v1"
    assert settings.token_url == "https://api.eu.elementum.io/oauth/token"
    assert (settings.rate_per_second, settings.burst, settings.page_size) == (2.5, 3, 200)
    overridden = work.connection_settings(
        {
            "WORK_SECRET": "s3cret",
            "ELEMENTUM_CLIENT_ID": "other",
            "ELEMENTUM_CLIENT_SECRET": "from-env",
            "ELEMENTUM_BASE_URL": "http://localhost:9000/v1",
        }
    )
    assert overridden.client_id == "other" and overridden.client_secret == "from-env"
    assert overridden.api_url == "http://localhost:9000/v1"
    assert work.connection_settings({"WORK_SECRET": "x", "ELEMENTUM_REGION": "us"}).base_url == (
        "https://api.elementum.io"
    )
    with pytest.raises(ConfigurationError, match="WORK_SECRET is not set"):
        work.connection_settings({})


def test_a_secret_can_come_from_a_command_or_the_file() -> None:
    command = f"{sys.executable} -c \"print('from-command')\""
    profile = Profile("p", client_id="id", secret=SecretSource("command", command))
    assert profile.connection_settings({}).client_secret == "from-command"
    failing = Profile("p", client_id="id", secret=SecretSource("command", "false"))
    with pytest.raises(ConfigurationError, match="exited with 1"):
        failing.connection_settings({})
    stored = Profile("p", client_id="id", secret=SecretSource("file", "inline"))
    assert stored.connection_settings({}).client_secret == "inline"


def test_a_keyring_secret_without_the_keyring_package_says_so() -> None:
    profile = Profile("p", client_id="id", secret=SecretSource("keyring", "elementum"))
    try:
        import keyring  # noqa: F401
    except ImportError:
        with pytest.raises(ConfigurationError, match="keyring"):
            profile.connection_settings({})


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        ("[profiles.w]\nburst = 0\n", "profiles.w.burst", "whole number"),
        ("[profiles.w]\nregion = 'mars'\n", "profiles.w.region", "`us` or `eu`"),
        ("[profiles.w]\nsecret = 'plain'\n", "profiles.w.secret", "one of env"),
        ("[profiles.w]\ntoken_style = 'xml'\n", "profiles.w.token_style", "json, basic, form"),
        ("[profiles.w]\nsecrett = { env = 'X' }\n", "profiles.w.secrett", "unknown setting"),
        ("[profiles.w.aliases]\nthings = ['a']\n", "profiles.w.aliases.things", "record type"),
        ("default_profile = 'nope'\n", "default_profile", "no profile named"),
    ],
)
def test_an_invalid_file_names_the_file_the_key_and_the_problem(
    tmp_path: Path, text: str, key: str, problem: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert str(path) in message and key in message and problem in message


def test_a_file_that_does_not_load_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[profiles.w\nbroken", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(path)
    with pytest.raises(ConfigError, match="not overwritten"):
        save_config(Config(profiles={"n": Profile("n", client_id="x")}), path)
    assert path.read_text(encoding="utf-8") == "[profiles.w\nbroken"


def test_saving_creates_the_directory_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "dir" / "config.toml"
    config = Config(profiles={"a": Profile("a", client_id="x")}, default_profile="a")
    save_config(config, path)
    assert os.listdir(path.parent) == ["config.toml"]
    assert load_config(path).profile().name == "a"
