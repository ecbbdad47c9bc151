"""The unit's settings as this desk last read them from a server log, kept in its data folder.

A desk whose server is out of reach when it starts still opens and keeps scans in its
journal (storage/journal.py). To read the unit's own codes it needs the unit's secret and
identifier, and to show itself the unit's name, checkpoints and notice: each time the desk
reads the unit's settings from the server, a copy is written here (one file per log, never
its password, readable by this desk's user only: it holds the unit's signing secret).
The manager's PIN and the mail server's settings are not copied: they are only used online.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

from desk_app.paths import data_dir
from desk_app.storage.database import url_without_password

log = logging.getLogger(__name__)

NOT_CACHED = ("manager.", "mail.")


def cached_key(key: str) -> bool:
    return not key.startswith(NOT_CACHED)


class UnitCache:
    """``unit-<digest>.json`` in the desk's data folder for the log at ``url``."""

    def __init__(self, url: str, folder: Path | None = None) -> None:
        self.log = url_without_password(url)
        digest = hashlib.sha256(self.log.encode("utf-8")).hexdigest()[:16]
        self.path = (folder or data_dir()) / f"unit-{digest}.json"

    def load(self) -> dict[str, str] | None:
        """The unit's settings (key -> JSON text) last read online; None when there are none."""
        try:
            kept = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:  # damaged: as if there were none, said in the log
            log.warning("unit settings kept at %s not read: %s", self.path, exc)
            return None
        if not isinstance(kept, dict) or kept.get("log") != self.log:
            return None
        values = kept.get("settings")
        if not isinstance(values, dict):
            return None
        return {str(k): str(v) for k, v in values.items() if cached_key(str(k))}

    def store(self, key: str, value: str) -> None:
        """One setting changed online: the kept copy follows."""
        kept = self.load()
        if kept is not None and cached_key(key) and kept.get(key) != value:
            self.save({**kept, key: value})

    def save(self, raw: dict[str, str]) -> None:
        """Keep ``raw`` (as read from the log) when it differs from what is kept."""
        values = {key: text for key, text in raw.items() if cached_key(key)}
        if self.load() == values:
            return
        content = json.dumps({"log": self.log, "settings": values}, ensure_ascii=False, indent=1)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # mkstemp makes the file readable by its owner only (0600), before any byte.
            fd, temp = tempfile.mkstemp(prefix=".unit-", suffix=".json", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    out.write(content)
                os.replace(temp, self.path)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError as exc:  # a full or read-only disk: the desk works on, online only
            log.warning("unit settings not kept at %s: %s", self.path, exc)
