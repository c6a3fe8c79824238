"""Where the screens' requests go: each ``Open*`` / ``ShowReview`` / ``ImportRequested`` /
``ExportRequested`` message a screen posts ends here, in one handler that opens the screen
(or runs the worker) it asks for.

:class:`Navigator` is the app's base class; :class:`offguard.ui.app.OffguardApp` adds start-up,
errors, deleting and quitting. To add a screen: write it in ``ui/screens/`` (a subclass of
:class:`~offguard.ui.screens.base.OffguardScreen`, taking ``services``), add an ``Open*``
message to :mod:`offguard.ui.messages`, and a handler here that pushes it.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import App

from offguard.questions import Question
from offguard.ui.feedback import ReviewData
from offguard.ui.messages import (
    ExportDone,
    ExportFailed,
    ExportRequested,
    ImportDone,
    ImportFailed,
    ImportRequested,
    OpenCompare,
    OpenDevices,
    OpenHistory,
    OpenInterviews,
    OpenPractice,
    OpenStories,
    OpenTrends,
    ShowReview,
)
from offguard.ui.screens.compare import CompareScreen
from offguard.ui.screens.devices import DevicesScreen
from offguard.ui.screens.export_report import ExportRequest, ExportScreen
from offguard.ui.screens.history import HistoryScreen
from offguard.ui.screens.import_audio import ImportScreen
from offguard.ui.screens.interviews import InterviewsScreen
from offguard.ui.screens.modals import BusyScreen
from offguard.ui.screens.practice import PracticeScreen
from offguard.ui.screens.review import ReviewScreen
from offguard.ui.screens.stories import StoriesScreen
from offguard.ui.screens.trends import TrendsScreen
from offguard.ui.services import Services


class Navigator(App[None]):
    """Opens the screens the others ask for; runs the import and export workers."""

    services: Services

    # -- practising and reviewing --------------------------------------------------------

    @on(OpenPractice)
    def open_practice(self, message: OpenPractice) -> None:
        """The practice room for the question; from a review, the one underneath when it is
        the same question (``record``: and start recording)."""
        if isinstance(self.screen, ReviewScreen):
            self.pop_screen()
        practice = self.screen_stack[-1] if self.screen_stack else None
        if isinstance(practice, PracticeScreen) and practice.question.id == message.question.id:
            if message.record:
                practice.action_record()
            return
        self.push_screen(PracticeScreen(self.services, message.question, record=message.record))

    @on(ShowReview)
    def show_review(self, message: ShowReview) -> None:
        """The review; leaving the review of a take just made also leaves the practice room."""

        def left(_: None) -> None:
            if message.after_take and isinstance(self.screen, PracticeScreen):
                self.pop_screen()

        self.push_screen(ReviewScreen(self.services, message.data), left)

    # -- progress --------------------------------------------------------------------------

    @on(OpenHistory)
    def open_history(self, message: OpenHistory) -> None:
        self.push_screen(HistoryScreen(self.services, message.question_id))

    @on(OpenCompare)
    def open_compare(self, message: OpenCompare) -> None:
        self.push_screen(CompareScreen(self.services, message.take_a, message.take_b))

    @on(OpenTrends)
    def open_trends(self, message: OpenTrends) -> None:
        self.push_screen(TrendsScreen(self.services, message.question_id))

    @on(OpenStories)
    def open_stories(self) -> None:
        self.push_screen(StoriesScreen(self.services))

    @on(OpenInterviews)
    def open_interviews(self) -> None:
        self.push_screen(InterviewsScreen(self.services))

    @on(OpenDevices)
    def open_devices(self) -> None:
        self.push_screen(DevicesScreen(self.services))

    # -- importing an audio file ---------------------------------------------------------

    @on(ImportRequested)
    def pick_import(self, message: ImportRequested) -> None:
        question = message.question

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.start_import(path, question)

        self.push_screen(ImportScreen(question.text), chosen)

    def start_import(self, path: Path, question: Question) -> None:
        """Import ``path`` as a take of ``question`` behind a progress box."""
        self.push_screen(BusyScreen(f"Importing {path.name}: transcribing and analysing..."))
        self.import_audio(path, question)

    @work(thread=True, exclusive=True, exit_on_error=False, group="import")
    def import_audio(self, path: Path, question: Question) -> None:
        try:
            outcome = self.services.practice.import_audio(path, question.id)
        except Exception as exc:
            self.post_message(ImportFailed.from_error(exc))
            return
        self.post_message(ImportDone(outcome, question))

    @on(ImportDone)
    def imported(self, message: ImportDone) -> None:
        self.close_busy()
        data = ReviewData.from_outcome(message.outcome, message.question)
        self.post_message(ShowReview(data, after_take=True))

    @on(ImportFailed)
    @on(ExportFailed)
    def close_busy(self) -> None:
        """Take the progress box down (a failure goes on to the app's error display)."""
        if isinstance(self.screen, BusyScreen):
            self.pop_screen()

    # -- exporting a report --------------------------------------------------------------

    @on(ExportRequested)
    def ask_export(self, message: ExportRequested) -> None:
        from offguard.export import default_export_path

        folder = self.services.settings.data_dir.expanduser().resolve()

        def chosen(request: ExportRequest | None) -> None:
            if request is not None:
                self.start_export(request)

        default = default_export_path(folder, "html")
        self.push_screen(ExportScreen(default, message.question_id), chosen)

    def start_export(self, request: ExportRequest) -> None:
        """Write the report behind a progress box."""
        kind = "Markdown" if request.fmt == "md" else "HTML"
        self.push_screen(BusyScreen(f"Writing the {kind} report to {request.path}..."))
        self.export(request, self.services.settings.data_dir)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def export(self, request: ExportRequest, data_dir: Path) -> None:
        """Never among the data folder's own files; never over an existing file."""
        from offguard.export import export_report

        try:
            written = export_report(
                self.services.store,
                self.services.bank,
                request.path,
                fmt=request.fmt,
                question_id=request.question_id,
                data_dir=data_dir,
            )
        except Exception as exc:
            self.post_message(ExportFailed.from_error(exc))
            return
        self.post_message(ExportDone(written))

    @on(ExportDone)
    def exported(self, message: ExportDone) -> None:
        self.close_busy()
        self.notify(f"Report written to {message.path}", title="Exported", markup=False)
