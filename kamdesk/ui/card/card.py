"""The client card: header, then Overview, Dossier, Contacts, Map and Timeline tabs.

The card loads everything in one background task (TaskRunner) and builds its
tabs when the data arrives, so opening a big account never freezes the
window. Edits save themselves through a `FieldBinder` (drafts, commits, undo).
Adding or removing rows runs on a worker of the same runner (a busy store makes
it wait there, not in the window) and then reloads the card the same way.

Signals for the window: `plan_visit_requested(account_id)` and
`new_offer_requested(account_id)`; `merge_requested(account_id)` ("Merge with…":
the client list asks which account and shows the merge); `changed(account_id)` after any stored edit
(the client list refreshes its row); `open_account_requested(account_id)` (a chain's
pharmacy to open); `loaded(title)` and `missing()`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from kamdesk.services import card as service
from kamdesk.services.card import CardBundle, CardError, Entity, Overview
from kamdesk.services.store_wait import is_busy
from kamdesk.ui.card.binder import FieldBinder, Key, translate
from kamdesk.ui.card.chain_tab import PharmaciesTab
from kamdesk.ui.card.consent import ask_to_erase
from kamdesk.ui.card.contacts_tab import ContactsTab
from kamdesk.ui.card.dmu_map import DmuMap
from kamdesk.ui.card.dossier_tab import DossierTab
from kamdesk.ui.card.drafts_note import DraftsNote, TabClosing, tell_drafts_kept
from kamdesk.ui.card.header import CardHeader
from kamdesk.ui.card.overview_tab import OverviewTab
from kamdesk.ui.card.places import show_place
from kamdesk.ui.card.removal import ask_to_remove, row_caption
from kamdesk.ui.card.timeline_tab import TimelineTab
from kamdesk.ui.card.toolbar import card_toolbar
from kamdesk.ui.changes import changes
from kamdesk.ui.sentence import as_sentence
from kamdesk.ui.tasks import TaskRunner
from kamdesk.vocabulary import AccountKind

StoreProvider = Callable[[], Any]


class AccountCard(QWidget):
    plan_visit_requested = Signal(object)
    new_offer_requested = Signal(object)
    merge_requested = Signal(object)
    open_account_requested = Signal(object)  # a chain's pharmacy, double-clicked
    changed = Signal(object)
    loaded = Signal(str)
    missing = Signal()
    undo_button: QPushButton  # the toolbar's (kamdesk.ui.card.toolbar)
    redo_button: QPushButton
    archive_button: QPushButton

    def __init__(
        self,
        account_id: uuid.UUID,
        store: StoreProvider,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountCard")
        self.account_id = account_id
        self._store = store
        self._tasks = tasks
        self.bundle: CardBundle | None = None
        self.pharmacies: PharmaciesTab | None = None  # a chain's
        self.binder: FieldBinder | None = None
        self._drafts_note: DraftsNote | None = None
        TabClosing(self, self._tab_closed)  # a closed tab with refused text says so
        self.header: CardHeader | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.restored_note = QLabel(self)
        self.restored_note.setObjectName("restoredNote")
        self.restored_note.setStyleSheet("background: #fff8e1; padding: 4px 8px;")
        self.restored_note.hide()
        self._toolbar_widget: QWidget | None = None
        top = QVBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(0)
        self._head = QVBoxLayout()  # header and toolbar, rebuilt on each load
        self._head.setSpacing(0)
        top.addLayout(self._head)
        top.addWidget(self.restored_note)
        self._loading = QLabel(self.tr("Loading…"), self)
        self._loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top.addWidget(self._loading, 1)
        top.addWidget(self.tabs, 1)
        self.tabs.hide()
        self._alive = [True]  # callbacks of background loads must not reach a deleted card
        alive = self._alive
        self.destroyed.connect(lambda: alive.__setitem__(0, False))
        changes().changed.connect(self._elsewhere)
        self.reload()

    # --- public ---------------------------------------------------------------

    def reload(self, then: Callable[[], None] | None = None, commit: bool = True) -> None:
        """Load the card again in the background (after rows were added or removed),
        storing first what is being edited unless `commit` is False."""
        if commit and self.binder is not None:
            self.binder.commit_all()
        account_id, store = self.account_id, self._store
        self._tasks.run(
            lambda _progress: service.load_bundle(store(), account_id),
            self._guard(lambda bundle: self._arrived(bundle, then)),
            key=f"card-{account_id}",
            owner=self,
        )

    def refresh_overview(self) -> None:
        """Load what the card shows beside its fields again in the background (a visit
        was planned, an offer saved, a field stored) and show it in place: the header's
        score and next visit, the Overview, the map and the timeline. The fields, and
        what is being typed in them, stay."""
        if self.bundle is None:
            return
        account_id, store = self.account_id, self._store
        self._tasks.run(
            lambda _progress: service.load_bundle(store(), account_id),
            self._guard(self._views_arrived),
            key=f"card-views-{account_id}",
            owner=self,
        )

    def _elsewhere(self, _what: str, account_id: object) -> None:
        """Something of this account was stored elsewhere (the plan dialog, a report,
        the offer editor, the Visits page): show it without reopening the card."""
        if account_id == self.account_id or account_id is None:
            self.refresh_overview()

    def _views_arrived(self, bundle: CardBundle | None) -> None:
        if self.bundle is None or bundle is None:
            return
        title = self.title()
        self.bundle = replace(
            self.bundle, card=bundle.card, overview=bundle.overview, layout=bundle.layout,
            timeline=bundle.timeline, standing=bundle.standing,
        )  # fmt: skip
        data = bundle.card
        if self.title() != title:  # the name or short name was stored: the tab follows
            self.loaded.emit(self.title())
        if self.pharmacies is not None and bundle.standing is not None:
            self.pharmacies.set_rows(bundle.standing.pharmacies, bundle.standing.chain_sales)
        if self.header is not None:
            self.header.set_identity(data, bundle.overview.next_visit_at)
            self.header.set_standing(bundle.standing)
            self.header.set_score(data.score, [translate(m) for m in data.missing])
            self.header.update_qualification(
                all(data.account[f] for f in ("qual_need", "qual_pay", "qual_authority"))
            )
        self._replace_overview(bundle.overview)
        self.map.set_layout(bundle.layout)
        self.timeline.set_entries(bundle.timeline)

    def _replace_overview(self, overview: Overview) -> None:
        assert self.bundle is not None
        old: OverviewTab = self.overview  # type: ignore[has-type]
        fresh = OverviewTab(self.bundle.card, overview)
        fresh.new_offer_clicked.connect(lambda: self.new_offer_requested.emit(self.account_id))
        fresh.plan_visit_clicked.connect(lambda: self.plan_visit_requested.emit(self.account_id))
        index = self.tabs.indexOf(old)
        current = self.tabs.currentIndex()
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, fresh, self.tr("Overview"))
        self.tabs.setCurrentIndex(current)
        self.overview = fresh
        old.deleteLater()

    def show_place(self, place: str, contact_id: uuid.UUID | None = None) -> None:
        """Land where a checklist's fix is made (kamdesk.ui.card.places), once loaded."""
        if self.bundle is None:
            self.loaded.connect(
                lambda _title: self.show_place(place, contact_id),
                Qt.ConnectionType.SingleShotConnection,
            )
            return
        show_place(self, place, contact_id)

    def _guard(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        alive = self._alive
        return lambda value: callback(value) if alive[0] else None

    def commit_all(self) -> None:
        """Store every field still being edited (the card is closing, the app quits);
        an archived card is read-only and has nothing to store."""
        archived = self.bundle is not None and self.bundle.card.archived
        if self.binder is not None and not archived:
            self.binder.commit_all()

    @property
    def undo_stack(self) -> Any:
        return self.binder.undo_stack if self.binder is not None else None

    def title(self) -> str:
        if self.bundle is None:
            return ""
        return self.bundle.card.short_name or self.bundle.card.name

    # --- building ---------------------------------------------------------------

    def _arrived(self, bundle: CardBundle | None, then: Callable[[], None] | None) -> None:
        if bundle is None:
            self.missing.emit()
            return
        current = self.tabs.currentIndex()
        self.bundle = bundle
        data = bundle.card
        drafts: dict[Key, str] = {
            (Entity(d.entity), d.row_key, d.field): d.text for d in data.drafts
        }
        old_binder = self.binder
        self.binder = FieldBinder(self._store, self.account_id, drafts, self)
        self.binder.committed.connect(self._committed)
        if old_binder is not None:
            old_binder.undo_stack.clear()
            old_binder.deleteLater()
        self._loading.hide()
        for old in (self.header, self._toolbar_widget):
            if old is not None:
                self._head.removeWidget(old)
                old.deleteLater()
        self.header = CardHeader(data, self.binder, self, bundle.standing)
        self.header.complaints.complaint_clicked.connect(self._show_complaint)
        self._toolbar_widget = card_toolbar(self)
        self._head.addWidget(self.header)
        self._head.addWidget(self._toolbar_widget)
        self._build_tabs(bundle)
        self.tabs.show()
        if current >= 0:
            self.tabs.setCurrentIndex(current)
        self._drafts_note = DraftsNote(self.restored_note, self.binder, self._people, self.binder)
        self._drafts_note.show_restored(self.binder.restored_drafts())
        self.loaded.emit(self.title())
        if then is not None:
            then()

    def _build_tabs(self, bundle: CardBundle) -> None:
        assert self.binder is not None
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        data = bundle.card
        self.overview = OverviewTab(data, bundle.overview)
        self.overview.new_offer_clicked.connect(lambda: self.new_offer_requested.emit(data.id))
        self.overview.plan_visit_clicked.connect(lambda: self.plan_visit_requested.emit(data.id))
        self.dossier = DossierTab(data, self.binder)
        self.dossier.add_event_requested.connect(self._add_event)
        self.dossier.add_competitor_requested.connect(self._add_competitor)
        self.dossier.remove_requested.connect(self._remove)
        self.contacts = ContactsTab(data, self.binder)
        self.contacts.add_requested.connect(self._add_contact)
        self.contacts.remove_requested.connect(lambda row_id: self._remove(Entity.CONTACT, row_id))
        self.contacts.erase_requested.connect(self._offer_erasure)
        self.map = DmuMap(bundle.layout)
        self.map.person_moved.connect(self._moved)
        self.map.reset_requested.connect(self._reset_map)
        self.timeline = TimelineTab(bundle.timeline)
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.tabs.addTab(self.dossier, self.tr("Dossier"))
        self.tabs.addTab(self.contacts, self.tr("Contacts (%n)", "", len(data.contacts)))
        self.tabs.addTab(self.map, self.tr("Decision-making map"))
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.pharmacies = None
        if data.kind == AccountKind.PHARMACY_CHAIN and bundle.standing is not None:
            standing = bundle.standing
            self.pharmacies = PharmaciesTab(standing.pharmacies, standing.chain_sales)
            self.pharmacies.open_requested.connect(self.open_account_requested)
            count = len(standing.pharmacies)
            self.tabs.addTab(self.pharmacies, self.tr("Pharmacies (%n)", "", count))
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if tab is not None:
                tab.setEnabled(not data.archived or index in (0, 4, 5))

    # --- edits -------------------------------------------------------------------

    def _committed(self, key: Key) -> None:
        self.changed.emit(self.account_id)
        entity, row_key, name = key
        binding = self.binder.binding(key) if self.binder is not None else None
        if (entity, name) == (Entity.CONTACT, "consent_given") and binding and not binding.value:
            # Asked once the click that withdrew consent is handled, not inside it.
            QTimer.singleShot(0, self, lambda: self._offer_erasure(row_key))
        self.refresh_overview()  # score, map, timeline follow the stored edit

    def _show_complaint(self, event_id: uuid.UUID) -> None:
        """A complaint's button: its row in the dossier's history, where it is resolved."""
        self.tabs.setCurrentWidget(self.dossier)
        self.dossier.events.select(event_id)
        resolution = self.dossier.findChild(QWidget, "field_event_resolution")
        if resolution is not None:  # shown by its layout once the event loop runs
            QTimer.singleShot(0, resolution, resolution.setFocus)

    def _structural(
        self,
        action: Callable[[], Any],
        then: Callable[[Any], None] | None = None,
        commit: bool = True,
        button: QWidget | None = None,
    ) -> None:
        """Run a change of the card's rows (add, remove, erase, archive) on a worker
        of the card's runner: while another program holds the store's lock the
        change waits there, not in the window. `button` (the one that asked) is
        off meanwhile; a change refused, or given up because the store stayed busy,
        turns it back on and says why, with what was typed still in its field.
        `action` runs on the worker: it must not touch widgets."""
        if button is not None:
            button.setEnabled(False)

        def done(result: Any) -> None:
            # The button stays off: the reload rebuilds the card with fresh ones.
            self.changed.emit(self.account_id)
            self.reload((lambda: then(result)) if then is not None else None, commit=commit)

        def failed(error: BaseException) -> None:
            if button is not None and shiboken6.isValid(button):
                button.setEnabled(True)
            if isinstance(error, CardError):
                self._show_problem(as_sentence(translate(error.message)))
            elif is_busy(error):
                self._show_problem(self._busy_text())
            else:
                self._tasks.report(error)

        self._tasks.run(
            lambda _progress: action(), self._guard(done), self._guard(failed), owner=self
        )

    def _busy_text(self) -> str:
        return self.tr(
            "Not saved: the database is busy with another program. Nothing is lost; "
            "try again in a moment."
        )

    def _people(self) -> dict[uuid.UUID, str]:
        return {c.id: c.full_name for c in self.bundle.card.contacts} if self.bundle else {}

    def _show_problem(self, text: str) -> None:
        if self._drafts_note is not None:
            self._drafts_note.yield_label()
        self.restored_note.setText(text)
        self.restored_note.setStyleSheet("background: #ffebee; color: #c62828; padding: 4px 8px;")
        self.restored_note.show()

    def _add_contact(self, full_name: str) -> None:
        store, account_id = self._store(), self.account_id
        self._structural(
            lambda: service.add_contact(store, account_id, full_name),
            lambda contact_id: self._after_contact_added(contact_id),
            button=self.contacts.add_button,
        )

    def _after_contact_added(self, contact_id: uuid.UUID) -> None:
        self.tabs.setCurrentWidget(self.contacts)
        self.contacts.select(contact_id)

    def _add_event(self, kind: str, when: str, subject: str) -> None:
        store, account_id = self._store(), self.account_id

        def add() -> uuid.UUID:
            day = service.parse_date(when)
            return service.add_event(store, account_id, kind, day, subject)  # type: ignore[arg-type]

        self._structural(
            add,
            lambda event_id: self.dossier.events.select(event_id),
            button=self.dossier.add_event_button,
        )

    def _add_competitor(self, company: str) -> None:
        store, account_id = self._store(), self.account_id
        self._structural(
            lambda: service.add_competitor(store, account_id, company),
            button=self.dossier.add_competitor_button,
        )

    def _remove(self, entity: Entity, row_id: uuid.UUID) -> None:
        """Asked first (kamdesk.ui.card.removal): no screen brings a removed row back."""
        store = self._store()
        ask_to_remove(
            self,
            entity,
            row_caption(self.binder, self._people(), self.dossier, entity, row_id),
            lambda: self._structural(
                lambda: service.remove_row(store, entity, row_id),
                button=self._remove_button(entity),
            ),
        )

    def _remove_button(self, entity: Entity) -> QWidget | None:
        if entity is Entity.CONTACT:
            return self.contacts.remove
        editor = {Entity.EVENT: self.dossier.events, Entity.COMPETITOR: self.dossier.competitors}
        rows = editor.get(entity)
        return rows.remove if rows is not None else None

    def _offer_erasure(self, contact_id: uuid.UUID) -> None:
        """Consent withdrawn: ask whether to erase what is kept of the person (152-ФЗ)."""
        store = self._store()
        if not service.personal_details_kept(store, contact_id):
            return
        ask_to_erase(self, self._people().get(contact_id, ""), lambda: self._erase(contact_id))

    def _erase(self, contact_id: uuid.UUID) -> None:
        store = self._store()
        self._structural(
            lambda: service.erase_personal_details(store, contact_id),
            lambda _erasure: self._after_erasure(contact_id),
        )

    def _after_erasure(self, contact_id: uuid.UUID) -> None:
        self.tabs.setCurrentWidget(self.contacts)
        self.contacts.select(contact_id)
        if self._drafts_note is not None:
            self._drafts_note.yield_label()
        self.restored_note.setText(
            self.tr(
                "The personal details were erased; the erasure goes to the office at the next sync."
            )
        )
        self.restored_note.setStyleSheet("background: #e8f5e9; padding: 4px 8px;")
        self.restored_note.show()

    def _moved(self, contact_id: uuid.UUID, x: float, y: float) -> None:
        store = self._store()
        # The person stays where they were dropped; a place the busy store refused
        # is said, and the next drag stores it again.
        self._tasks.run(
            lambda _progress: service.place_on_map(store, contact_id, x, y),
            on_failure=self._guard(self._map_failed),
            key=f"card-map-{contact_id}",
            owner=self,
        )

    def _map_failed(self, error: BaseException) -> None:
        if is_busy(error):
            self._show_problem(self._busy_text())
        else:
            self._tasks.report(error)

    def _reset_map(self) -> None:
        store = self._store()
        nodes = [node.contact_id for node in self.bundle.layout.nodes] if self.bundle else []

        def reset() -> None:
            for contact_id in nodes:
                service.place_on_map(store, contact_id, None, None)

        self._structural(reset)

    def toggle_archive(self) -> None:
        store, account_id = self._store(), self.account_id
        archived = self.bundle is not None and self.bundle.card.archived
        if not archived:
            self.commit_all()  # what was typed belongs to the account before it is archived
            if self.binder is not None and not self.binder.writes.is_empty():
                # Those edits wait for the busy store; archiving first would lock them out.
                self._show_problem(self._busy_text())
                return
        action = service.restore_account if archived else service.archive_account
        # Nothing to store afterwards: an archived card is read-only.
        self._structural(
            lambda: action(store, account_id), commit=False, button=self.archive_button
        )

    def _tab_closed(self, window: QWidget) -> None:
        """Its fields were stored as the tab closed: text the service refused stays a
        draft, and the KAM is told so rather than left to find out."""
        if self.binder is not None and not (self.bundle and self.bundle.card.archived):
            tell_drafts_kept(window, self.title(), self.binder, self._people())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.bundle is not None:
            self.reload()
        super().changeEvent(event)
