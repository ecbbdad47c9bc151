"""What the operating system said about a file, in the user's language.

An ``OSError`` carries the C library's English text ("No such file or directory"); inside a
Vietnamese message that reads as a foreign word. The common causes have their own words here;
anything else keeps the system's text.
"""

from __future__ import annotations

import errno

from desk_app.i18n import t

_KEYS = {
    errno.ENOENT: "os.not_found",
    errno.EACCES: "os.no_permission",
    errno.EPERM: "os.no_permission",
    errno.EROFS: "os.read_only",
    errno.ENOSPC: "os.disk_full",
    errno.EFBIG: "os.disk_full",
    errno.EISDIR: "os.is_folder",
    errno.ENOTDIR: "os.not_folder",
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.EIO: "os.io_error",
    errno.EBUSY: "os.busy",
    errno.EEXIST: "os.exists",
}
if hasattr(errno, "EDQUOT"):
    _KEYS[errno.EDQUOT] = "os.disk_full"


def os_error_text(exc: OSError, lang: str | None = None) -> str:
    """The cause of ``exc`` in words ("không có tệp hoặc thư mục này" / "no such file or
    folder"); the system's own text when the cause is not a common one."""
    key = _KEYS.get(exc.errno) if exc.errno is not None else None
    if key is not None:
        return t(key, lang)
    return str(exc.strerror or exc)
