"""«Команда» fixtures: the window on a store (and a real office) from the Sync section's tests."""

from tests.ui.sync.conftest import make_window, office  # noqa: F401 - fixtures
