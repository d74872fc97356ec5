#!/usr/bin/env python3
"""Render the dialogs that keep the database safe and connect it to the office offscreen.

    kamdesk --db /tmp/demo.sqlite demo --accounts 300
    python scripts/screenshots_store_dialogs.py --db /tmp/demo.sqlite --out docs/screenshots

Works on a copy of the store (a backup of it is made) and closes every dialog without
acting. Writes under dialogs/: backups.png (File ▸ Restore from backup), encrypt.png
(File ▸ Encrypt database), passphrase.png (opening an encrypted database without its
key), passphrase-new.png (choosing one for a new database), sync-enrol.png (Sync ▸
Connect to the office) and sync-issues.png (the inbox with a phone changed here and
at the office, made up for the picture: the demo has no office).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import shotkit


def made_up_issues(workspace: Any) -> list[Any]:
    """A contact's mobile phone changed on this laptop and at the office."""
    from kamdesk.services.accounts import AccountFilter
    from kamdesk.services.sync_inbox import IssueView

    rows = workspace.accounts.page(AccountFilter(abc_classes=frozenset("A")), limit=5)
    summary = workspace.accounts.summary(rows[0].id)
    contact = summary.contacts[0]
    now = datetime.now(UTC)
    conflict = IssueView(
        id=uuid.uuid4(),
        kind="conflict",
        entity="contacts",
        entity_id=contact.id,
        field="phone_mobile",
        record_title=contact.full_name,
        account_id=summary.id,
        account_name=summary.name,
        mine="+7 916 123-45-67",
        theirs="+7 903 765-43-21",
        current="+7 916 123-45-67",
        detail="",
        is_text=False,
        created_at=now - timedelta(hours=2),
        resolved_at=None,
        mine_shown=("+7 916 123-45-67",),
        theirs_shown=("+7 903 765-43-21",),
    )
    return [conflict]


def main() -> int:
    args = shotkit.arguments(__doc__.split("\n\n")[0])
    folder = Path(tempfile.mkdtemp(prefix="kamdesk-store-dialogs-"))
    copy = folder / "kamdesk.sqlite"
    shutil.copyfile(args.db, copy)
    session = shotkit.start(args, db=copy)
    workspace, window = session.workspace, session.window
    save = shotkit.saver(args.out, "dialogs")

    from kamdesk.store.crypto import StoreKeyError
    from kamdesk.ui.passphrase_dialog import PassphraseDialog
    from kamdesk.ui.sections import SectionKey
    from kamdesk.ui.sync.page import SyncPage

    window.backup_action.trigger()  # File ▸ Create backup: one to list
    session.wait()

    def first_backup(dialog: Any) -> None:
        session.wait(lambda: dialog.model.rowCount() > 0)
        dialog.table.selectRow(0)

    picture = shotkit.catch(session, window.restore_action.trigger, first_backup)[0]
    save(picture, "backups.png")
    save(shotkit.catch(session, window.encryption.action.trigger)[0], "encrypt.png")

    def ask(new: bool) -> Any:
        encrypted = folder / ("new.sqlite" if new else "kamdesk-encrypted.sqlite")
        return lambda: PassphraseDialog(
            StoreKeyError(encrypted, missing=True, new=new), window
        ).exec()

    save(shotkit.catch(session, ask(False))[0], "passphrase.png")
    save(shotkit.catch(session, ask(True))[0], "passphrase-new.png")

    window.show_section(SectionKey.SYNC)
    session.wait()
    sync = window.section_page(SectionKey.SYNC)
    assert isinstance(sync, SyncPage)
    save(shotkit.catch(session, sync.enrol_button.click)[0], "sync-enrol.png")
    sync.issues.set_issues(made_up_issues(workspace))
    sync.tabs.setCurrentWidget(sync.issues)
    session.wait()
    save(window.grab(), "sync-issues.png")
    window.close()
    workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
