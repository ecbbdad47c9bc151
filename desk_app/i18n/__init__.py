"""Messages of the Qt-free rooms and the command line, in Vietnamese (default) and English.

The window translates its own strings with Qt's ``tr`` and the ``.ts`` files; domain codes
(warnings, rejection reasons) and command-line messages are looked up here so that the
command line, the workbook and the window say the same thing.
"""

from __future__ import annotations

import importlib
import os

LANGUAGES = ("vi", "en")
_state = {"lang": os.environ.get("DESK_APP_LANG") or "vi"}
if _state["lang"] not in LANGUAGES:
    _state["lang"] = "vi"

# Areas of the catalogue (``desk_app/i18n/messages/<area>.py``, each a ``MESSAGES`` dict of
# key -> {"vi": ..., "en": ...}); texts may hold str.format fields. A key lives in one area only.
AREAS = (
    "general",
    "storage",
    "vocabulary",
    "official",
    "desk",
    "scanning",
    "scanner",
    "report",
    "mail",
    "printing",
    "privacy",
    "backup",
    "setup",
    "desks",
    "files",
    "rollup",
    "rules",
    "safety",
    "fields",
    "settings",
    "cli_help",
)


def _load_catalogue() -> dict[str, dict[str, str]]:
    catalogue: dict[str, dict[str, str]] = {}
    for area in AREAS:
        module = importlib.import_module(f"desk_app.i18n.messages.{area}")
        for key, entry in module.MESSAGES.items():
            if key in catalogue:
                raise RuntimeError(f"message {key} is defined twice ({area})")
            catalogue[key] = entry
    return catalogue


CATALOGUE: dict[str, dict[str, str]] = _load_catalogue()


def set_language(lang: str) -> None:
    _state["lang"] = lang if lang in LANGUAGES else "vi"


def language() -> str:
    return _state["lang"]


def t(msg_key: str, /, lang: str | None = None, **fields: object) -> str:
    """The message ``key`` in ``lang`` (default: the current language), formatted.

    An unknown key returns the key itself, so a missing entry shows up but never crashes.
    """
    entry = CATALOGUE.get(msg_key)
    if entry is None:
        text = msg_key
    else:
        text = entry.get(lang or _state["lang"]) or entry.get("en") or msg_key
    try:
        return text.format(**fields) if fields else text
    except (KeyError, IndexError, ValueError):
        return text
