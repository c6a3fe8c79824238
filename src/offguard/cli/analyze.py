"""``offguard analyze``: is an answer specific or generic, and why (one text, a batch, a take)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any, TextIO

from offguard.cli.context import row_id
from offguard.errors import OffguardError

if TYPE_CHECKING:
    from offguard.analysis import Analysis
    from offguard.config import Settings

HELP = "check an answer: specific or generic, which phrases, STAR, what to add"
EPILOG = """\
Plain output marks flagged phrases as [[phrase]]{kind} (colour and underline on a terminal).
--jsonl reads one JSON object per line ({"text": ..., "id": ..., "question": ...}) and writes
one result per line in the same order; a bad line gives {"line": N, "error": ...} and exit 1."""

_COLOURS = {
    "filler": "2",
    "hedge": "2",
    "vague-quantity": "33",
    "vague-we": "33",
    "buzzword": "35",
    "cliche": "35",
}
_STAR_NAMES = {"S": "Situation", "T": "Task", "A": "Action", "R": "Result"}


def register(subparsers: Any) -> None:
    from offguard.cli.main import add_common

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "analyze",
        help=HELP,
        description=HELP[0].upper() + HELP[1:] + ".",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", metavar="FILE|-", help="the answer's text ('-': stdin)")
    parser.add_argument("--json", action="store_true", help="print the full analysis as JSON")
    parser.add_argument("--question", metavar="TEXT", help="the question it answers")
    parser.add_argument("--jsonl", metavar="FILE|-", help="batch: one JSON object per line")
    parser.add_argument("--take", metavar="ID", type=row_id, help="analyse a stored take")
    parser.add_argument(
        "--job",
        metavar="JOBFILE",
        help="a job ad (text file): say which of its key terms the answer covers and misses "
        "(a take uses its interview's or practice session's job ad by default)",
    )
    add_common(parser)
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    if args.jsonl is not None:
        if args.file is not None or args.take is not None or args.job is not None:
            raise OffguardError("Use --jsonl on its own.", "drop FILE, --take or --job.")
        with _open(args.jsonl) as stream:
            return run_batch(stream, sys.stdout)
    job = _read_job(args.job) if args.job is not None else None
    if args.take is not None:
        if args.file is not None:
            raise OffguardError("Give either FILE or --take, not both.")
        from offguard.config import load_settings

        settings = load_settings(args.data_dir, model=args.model)
        analysis, text = _analyze_take(settings, args.take)
        if job is None:
            job = _take_job_ad(settings, args.take)
        _emit(analysis, text, args.json, sys.stdout, job)
        return 0
    if args.file is None and sys.stdin.isatty():
        raise OffguardError(
            "No answer given.", "pass a text file, '-' to read stdin, or --jsonl FILE."
        )
    text = read_answer(args.file or "-")
    from offguard.analysis import analyze_text

    analysis = analyze_text(text, question=args.question)
    _emit(analysis, text, args.json, sys.stdout, job)
    return 0


def _read_job(name: str) -> str:
    if name == "-":
        raise OffguardError("--job needs a file.", "save the job ad as a text file first.")
    return read_answer(name, what="job ad")


MAX_ANSWER_CHARS = 200_000
"""About 35,000 words, four hours of talking: the language model needs ~1 GB of memory per
100,000 characters, so a longer text is refused with a message instead of exhausting memory."""


def read_answer(name: str, *, what: str = "answer") -> str:
    """The text of FILE or stdin ('-'): refused, with the fix, when it is binary (an audio
    file piped in by mistake) or longer than :data:`MAX_ANSWER_CHARS`."""
    shown = "standard input" if name == "-" else name
    limit = MAX_ANSWER_CHARS * 4 + 1  # bytes: enough for the longest text allowed
    if name == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is not None:
            data = bytes(buffer.read(limit))
        else:  # a replaced stdin (tests, embedding) without bytes underneath
            data = sys.stdin.read(limit).encode("utf-8", "surrogateescape")
    else:
        try:
            with open(name, "rb") as handle:
                data = handle.read(limit)
        except OSError as exc:
            raise OffguardError(
                f"Cannot read {name}: {exc.strerror or exc}.", "check the path."
            ) from exc
    if _looks_binary(data):
        raise OffguardError(
            f"The {what} in {shown} is not text (it looks like a binary file, audio perhaps).",
            "give a text file; for a recording use `offguard import AUDIO --question ID` "
            "or `offguard transcribe AUDIO`.",
        )
    text = data.decode("utf-8", errors="replace")
    if len(text) > MAX_ANSWER_CHARS:
        raise OffguardError(
            f"The {what} in {shown} is too long to analyse as one answer "
            f"(over {MAX_ANSWER_CHARS:,} characters).",
            "analyse one answer at a time (split the text, or use --jsonl with one answer "
            "per line).",
        )
    return text


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or many bytes that are neither UTF-8 text nor ordinary white space."""
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    text = sample.decode("utf-8", errors="replace")
    if not text:
        return False
    odd = sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f\v"))
    return odd > max(8, len(text) // 20)


def _take_job_ad(settings: Settings, take_id: int) -> str | None:
    """The job ad that applies to a take: its interview's, else the practice session's."""
    from offguard.store import Store

    with Store.open(settings.db_path) as store:
        return store.job_ad_for_take(take_id) or None


def _analyze_take(settings: Settings, take_id: int) -> tuple[Analysis, str]:
    """Analyse and store a take through the take service; returns the analysis and its text."""
    from offguard.cli.takes_service import analyze_stored_take

    return analyze_stored_take(settings, take_id)


class _open:
    """Open FILE or stdin ('-') as text; a missing or unreadable file is an OffguardError."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.stream: TextIO | None = None

    def __enter__(self) -> TextIO:
        if self.name == "-":
            return sys.stdin
        try:
            self.stream = open(self.name, encoding="utf-8", errors="replace")
        except OSError as exc:
            raise OffguardError(
                f"Cannot read {self.name}: {exc.strerror or exc}.", "check the path."
            ) from exc
        return self.stream

    def __exit__(self, *exc: object) -> None:
        if self.stream is not None:
            self.stream.close()


def run_batch(stream: TextIO, out: TextIO, batch_size: int = 32) -> int:
    """Analyse each JSON line; bad lines become error objects and make the exit code 1.

    Lines are parsed in batches of ``batch_size`` (faster than one by one); results are
    written in input order."""
    status = 0
    pending: list[tuple[dict[str, Any] | None, dict[str, Any]]] = []
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            status = 1
            pending.append((None, {"line": number, "error": f"not valid JSON: {exc}"}))
            continue
        if not isinstance(item, dict):
            status = 1
            error = {"line": number, "error": "expected a JSON object with a 'text' string"}
            pending.append((None, error))
            continue
        if not isinstance(item.get("text"), str):
            status = 1
            pending.append((None, {"line": number, "error": "missing 'text' (a string)"}))
            continue
        if len(item["text"]) > MAX_ANSWER_CHARS:
            status = 1
            error = {"line": number, "error": f"'text' is over {MAX_ANSWER_CHARS:,} characters"}
            pending.append((None, error))
            continue
        pending.append((item, {}))
        if sum(i is not None for i, _ in pending) >= batch_size:
            _flush(pending, out)
            pending = []
    _flush(pending, out)
    return status


def _flush(pending: list[tuple[dict[str, Any] | None, dict[str, Any]]], out: TextIO) -> None:
    from offguard.analysis import analyze_many

    items = [i for i, _ in pending if i is not None]
    results = iter(
        analyze_many(
            (
                (i["text"], i["question"] if isinstance(i.get("question"), str) else None)
                for i in items
            ),
            batch_size=max(1, len(items)),
        )
    )
    for item, error in pending:
        if item is None:
            _write(out, error)
            continue
        data = next(results).to_dict()
        _write(
            out,
            {
                "id": item.get("id"),
                "verdict": data["verdict"],
                "specificity": data["specificity"],
                "flags": data["flags"],
                "sentences": data["sentences"],
                "star": data["star"],
                "suggestions": data["suggestions"],
            },
        )


def _write(out: TextIO, obj: dict[str, Any]) -> None:
    out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    out.flush()


def _emit(
    analysis: Analysis, text: str, as_json: bool, out: TextIO, job: str | None = None
) -> None:
    terms = None
    if job is not None:
        from offguard.analysis.job_terms import job_terms

        terms = job_terms(job, text)
    if as_json:
        data = analysis.to_dict()
        if terms is not None:
            data["job_terms"] = terms.to_dict()
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    report = render(analysis, text, colour=out.isatty())
    if terms is not None:
        covered = ", ".join(terms.covered) or "none"
        missing = ", ".join(terms.missing) or "none"
        report += f"\n\nJob ad terms used: {covered}\nMissing (most important first): {missing}"
    out.write(report + "\n")


def mark(text: str, analysis: Analysis, colour: bool) -> str:
    """The answer with each flagged phrase marked: [[phrase]]{kind}, or ANSI on a terminal."""
    parts: list[str] = []
    pos = 0
    for flag in sorted(analysis.flags, key=lambda f: f.start):
        if flag.start < pos or flag.end > len(text):
            continue
        parts.append(text[pos : flag.start])
        phrase = text[flag.start : flag.end]
        if colour:
            code = _COLOURS.get(flag.kind, "31")
            parts.append(f"\x1b[4;{code}m{phrase}\x1b[0m\x1b[2m{{{flag.kind}}}\x1b[0m")
        else:
            parts.append(f"[[{phrase}]]{{{flag.kind}}}")
        pos = flag.end
    parts.append(text[pos:])
    return "".join(parts)


def render(analysis: Analysis, text: str, colour: bool = False) -> str:
    """The plain report: marked answer, verdict line, STAR, flags with reasons, suggestions."""
    lines: list[str] = []
    if text.strip():
        lines += [mark(text, analysis, colour).strip(), ""]
    lines.append(f"Verdict: {analysis.verdict} (score {round(analysis.specificity)}/100)")
    lines.append("")
    lines.append("STAR:")
    for key in "STAR":
        tick = "x" if analysis.star.get(key) else " "
        sentence = analysis.star_sentences.get(key)
        shown = f": {_short(sentence)}" if sentence else ""
        lines.append(f"  [{tick}] {_STAR_NAMES[key]}{shown}")
    lines.append("")
    if analysis.flags:
        lines.append("Flags:")
        for flag in analysis.flags:
            lines.append(f'  - "{_short(flag.text)}" ({flag.kind}): {flag.reason}')
    else:
        lines.append("Flags: none")
    lines.append("")
    lines.append("Suggestions:")
    for item in analysis.suggestions:
        lines.append(f"  - {item}")
    if analysis.delivery is not None:
        d = analysis.delivery
        lines.append("")
        pace = "-" if d.wpm is None else f"{d.wpm:.0f} wpm"
        rate = "-" if d.fillers_per_100_words is None else f"{d.fillers_per_100_words:.1f}"
        lines.append(
            f"Delivery: {pace} (aim 130-160); fillers {d.filler_count} "
            f"({rate} per 100 words, a lower bound; aim under 5)"
        )
        if d.duration is not None:
            lines.append(f"Length: {d.duration:.0f} s (behavioural answers: about 60-120 s)")
        if d.longest_pauses:
            start, length = d.longest_pauses[0]
            source = "from the audio" if d.pause_source == "audio" else "from word timings"
            lines.append(f"Longest pause: {length:.1f} s at {start:.1f} s ({source})")
        if d.pitch is not None and d.volume is not None:
            from offguard.analysis.voice import describe

            lines.extend(describe(d.pitch, d.volume))
    return "\n".join(lines)


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3].rstrip() + "..."
