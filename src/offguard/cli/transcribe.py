"""``offguard transcribe FILE... [--json]``: transcribe audio files with the local model."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from offguard.errors import AudioFileError


def register(subparsers: Any) -> None:
    from offguard.cli.main import add_common

    parser = subparsers.add_parser(
        "transcribe",
        help="transcribe audio files (wav, flac, mp3, m4a, ogg, ...) on this machine",
        description="Transcribe audio files with the local Whisper model. Nothing is uploaded.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path, help="audio file(s)")
    parser.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per line: file, text, duration, model, words",
    )
    parser.add_argument(
        "--beam-size", type=int, default=5, metavar="N", help="beam search width (default 5)"
    )
    parser.add_argument(
        "--no-fillers",
        action="store_true",
        help="do not nudge the model to keep 'um'/'uh' (fillers are kept by default)",
    )
    add_common(parser)
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    from offguard.config import load_settings
    from offguard.transcription.whisper import WhisperTranscriber

    settings = load_settings(args.data_dir, model=args.model)
    transcriber = WhisperTranscriber(
        settings.model, beam_size=args.beam_size, keep_fillers=not args.no_fillers
    )
    show_progress = sys.stderr.isatty()
    if show_progress:
        print(f"offguard: loading model {transcriber.model_name}...", file=sys.stderr)
    transcriber.load()  # ModelUnavailable reaches main.run: one line, exit 1
    failed = 0
    total = len(args.files)
    for index, path in enumerate(args.files, 1):
        started = time.perf_counter()
        if show_progress:
            print(f"offguard: [{index}/{total}] transcribing {path}...", file=sys.stderr)
        try:
            result = transcriber.transcribe(path, on_segment=_progress(show_progress))
        except AudioFileError as exc:
            print(f"offguard: error: {exc}", file=sys.stderr)
            failed += 1
            continue
        if show_progress:
            took = time.perf_counter() - started
            print(
                f"\roffguard: [{index}/{total}] {path}: {result.duration:.1f} s of audio "
                f"in {took:.1f} s",
                file=sys.stderr,
            )
        if args.json:
            record: dict[str, Any] = {
                "file": str(path),
                "text": result.text,
                "duration": round(result.duration, 3),
                "model": result.model,
                "words": [w.to_dict() for w in result.words],
            }
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            if total > 1:
                print(f"== {path}")
            print(result.text, flush=True)
    return 1 if failed else 0


def _progress(enabled: bool) -> Any:
    if not enabled:
        return None
    count = [0]

    def tick(_text: str) -> None:
        count[0] += 1
        print(f"\r  segments: {count[0]}", end="", file=sys.stderr, flush=True)

    return tick
