"""Configuration: `config.toml` profiles, secrets and app state. Headless: never imports Textual."""

from explorer.config.errors import ConfigError
from explorer.config.files import config_path, dump_config, load_config, save_config
from explorer.config.model import Config, Profile
from explorer.config.secrets import SecretError, SecretSource

__all__ = [
    "Config",
    "ConfigError",
    "Profile",
    "SecretError",
    "SecretSource",
    "config_path",
    "dump_config",
    "load_config",
    "save_config",
]
