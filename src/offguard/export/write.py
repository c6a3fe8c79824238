"""Writing a report to disk: pick the renderer by format, write atomically, owner-only."""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path

from offguard.errors import OffguardError, StorageError
from offguard.export.html import render_html
from offguard.export.markdown import render_markdown
from offguard.export.model import Report
from offguard.export.report import BankLike, build_report
from offguard.store import Store

FORMATS: tuple[str, ...] = ("md", "html")


def format_for(path: Path, fmt: str | None) -> str:
    """The format asked for, else guessed from the file's suffix (``.md``/``.html``)."""
    if fmt:
        if fmt not in FORMATS:
            raise OffguardError(f"Unknown report format '{fmt}'.", "use --format md or html.")
        return fmt
    suffix = path.suffix.lower().lstrip(".")
    if suffix in ("md", "markdown"):
        return "md"
    if suffix in ("html", "htm"):
        return "html"
    raise OffguardError(
        f"Cannot tell the report format from '{path.name}'.", "add --format md or --format html."
    )


def default_export_path(data_dir: Path, fmt: str = "html") -> Path:
    """``DATA_DIR/exports/report-YYYY-MM-DD.html`` (``-2``, ``-3``... when that one exists)."""
    day = datetime.now().strftime("%Y-%m-%d")
    folder = data_dir / "exports"
    path = folder / f"report-{day}.{fmt}"
    n = 2
    while path.exists() or path.is_symlink():
        path = folder / f"report-{day}-{n}.{fmt}"
        n += 1
    return path


def check_destination(path: Path, data_dir: Path | None, *, force: bool = False) -> Path:
    """``path`` resolved, or an error when writing there would destroy something.

    Refused: a place inside the data folder other than its ``exports/`` folder (the database,
    settings, audio...), a folder, and an existing file unless ``force``.
    """
    path = Path(path).expanduser().resolve()
    if data_dir is not None:
        root = Path(data_dir).expanduser().resolve()
        exports = root / "exports"
        if (path == root or root in path.parents) and exports not in path.parents:
            raise OffguardError(
                f"Not writing the report to {path}: it is inside the data folder {root}, "
                "among offguard's own files.",
                f"write it somewhere else, or into {exports}/.",
            )
    if path.is_dir():
        raise OffguardError(
            f"Not writing the report to {path}: it is a folder.",
            "give a file name, e.g. --out report.html.",
        )
    if not force and (path.exists() or path.is_symlink()):
        raise OffguardError(
            f"Not writing the report: {path} already exists.",
            "choose another name, or add --force to replace it.",
        )
    return path


def render_report(report: Report, fmt: str) -> str:
    """The report as Markdown or HTML text."""
    return render_html(report) if fmt == "html" else render_markdown(report)


def write_report(report: Report, path: Path, fmt: str, *, force: bool = True) -> Path:
    """Render ``report`` as ``fmt`` and write it to ``path`` (temp file, then rename); returns
    the path. Without ``force`` an existing file is never replaced, even one that appears
    while the report is written."""
    text = render_report(report, fmt)
    path = Path(path).expanduser()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    except FileExistsError as exc:
        raise OffguardError(
            f"Not writing the report: {path} already exists.",
            "choose another name, or add --force to replace it.",
        ) from exc
    except OSError as exc:
        raise StorageError(
            f"Cannot write the report to {path}: {exc.strerror or exc}.",
            "choose another place with --out FILE.",
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return path


def _link_new(tmp: Path, path: Path) -> None:
    """Move ``tmp`` to ``path`` only if ``path`` does not exist (atomically where the file
    system has hard links)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (FAT, some network shares): check, then rename
        if path.exists():
            raise FileExistsError(str(path)) from None
        os.replace(tmp, path)


def export_report(
    store: Store,
    bank: BankLike | None,
    path: Path,
    *,
    fmt: str | None = None,
    question_id: str | None = None,
    since: str | None = None,
    data_dir: Path | None = None,
    force: bool = False,
) -> Path:
    """Build and write a report in one call (what the CLI and the TUI use).

    With ``data_dir``, writing among the data folder's own files is refused; an existing
    file is replaced only with ``force`` (see :func:`check_destination`).
    """
    path = check_destination(path, data_dir, force=force)
    chosen = format_for(path, fmt)
    report = build_report(
        store,
        bank,
        question_id=question_id,
        since=since,
        out_path=path,
    )
    return write_report(report, path, chosen, force=force)
