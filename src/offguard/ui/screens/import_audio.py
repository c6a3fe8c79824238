"""The modal file picker for importing an audio file as a take."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, DirectoryTree, Input, Label

from offguard.ui.screens.modals import FormScreen

AUDIO_SUFFIXES = frozenset({".wav", ".flac", ".mp3", ".ogg", ".oga", ".opus", ".m4a", ".webm"})


class AudioTree(DirectoryTree):
    """A directory tree that lists folders and audio files only (no hidden entries)."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        for path in paths:
            if path.name.startswith("."):
                continue
            try:
                if path.is_dir() or path.suffix.lower() in AUDIO_SUFFIXES:
                    yield path
            except OSError:
                continue


def dropped_path(raw: str) -> Path | None:
    """The path typed, pasted or dropped into the box: terminals quote a dropped path
    (``'/my takes/a.wav'``), escape its spaces (``/my\\ takes/a.wav``) or give a
    ``file://`` URL; all of those mean the same file."""
    import shlex
    import sys
    from urllib.parse import unquote, urlparse

    text = raw.strip()
    if not text:
        return None
    if text.startswith("file://"):
        return Path(unquote(urlparse(text).path)).expanduser()
    if sys.platform == "win32":  # backslashes are separators there: only strip quotes
        if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
            text = text[1:-1]
        return Path(text).expanduser()
    if text[0] in "'\"" or "\\" in text:
        try:
            parts = shlex.split(text)
        except ValueError:  # an unbalanced quote: take the text as it is
            parts = [text]
        if len(parts) == 1:
            text = parts[0]
    return Path(text).expanduser()


class ImportScreen(FormScreen[Path | None]):
    """Type a path or pick a file; dismisses with the chosen audio file."""

    CSS_PATH = "modals.tcss"

    def __init__(self, question_text: str, start: Path | None = None) -> None:
        super().__init__()
        self.question_text = question_text
        self.start = start or Path.cwd()

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box", id="import-box"):
            yield Label(f"[b]Import an answer[/b] for: {escape(self.question_text)}")
            yield Input(placeholder="Path to a WAV, FLAC, MP3, OGG or M4A file", id="path")
            yield AudioTree(self.start, id="tree")
            yield Label("", id="import-error", classes="error")
            yield self.form_buttons("Import")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        self.query_one("#path", Input).value = str(event.path)
        self.query_one("#save", Button).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        raw = self.query_one("#path", Input).value.strip()
        path = dropped_path(raw)
        if path is None or not path.is_file():
            message = (
                f"No such file: {path}." if path else "Pick a file in the tree or type its path."
            )
            self.query_one("#import-error", Label).update(f"[red]{escape(message)}[/red]")
            return
        if path.suffix.lower() not in AUDIO_SUFFIXES:
            shown = ", ".join(sorted(AUDIO_SUFFIXES))
            self.query_one("#import-error", Label).update(
                f"[red]Not an audio file this app reads ({shown}).[/red]"
            )
            return
        self.dismiss(path)
