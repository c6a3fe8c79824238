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
    """``DATA_DIR/exports/report-YYYY-MM-DD.html``."""
    day = datetime.now().strftime("%Y-%m-%d")
    return data_dir / "exports" / f"report-{day}.{fmt}"


def write_report(report: Report, path: Path, fmt: str) -> Path:
    """Render ``report`` as ``fmt`` and write it to ``path`` (atomically); returns the path."""
    text = render_html(report) if fmt == "html" else render_markdown(report)
    path = Path(path).expanduser()
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise StorageError(
            f"Cannot write the report to {path}: {exc.strerror or exc}.",
            "choose another place with --out FILE.",
        ) from exc
    return path


def export_report(
    store: Store,
    bank: BankLike | None,
    path: Path,
    *,
    fmt: str | None = None,
    question_id: str | None = None,
    since: str | None = None,
) -> Path:
    """Build and write a report in one call (what the CLI and the TUI use)."""
    path = Path(path).expanduser().resolve()
    chosen = format_for(path, fmt)
    report = build_report(
        store,
        bank,
        question_id=question_id,
        since=since,
        out_path=path,
    )
    return write_report(report, path, chosen)
