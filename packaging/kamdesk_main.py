"""The bundles' entry point (PyInstaller): KAMdesk's ordinary command line, which starts
the window when given no command.

With KAMDESK_SMOKE=1 in the environment the window is started for the smoke test instead
(packaging/smoke_window.py: look at it, then quit with 0 or 1); nothing else differs.
"""

from __future__ import annotations

import os
import sys


def run() -> int:
    if os.environ.get("KAMDESK_SMOKE") == "1":
        import smoke_window

        return smoke_window.main(sys.argv[1:])
    from kamdesk.cli import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
