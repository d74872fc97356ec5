"""The Sync section and the background sync with the office (see controller.py, page.py).

Nothing is imported here: the window imports `kamdesk.ui.sync.controller` at
start-up, and the page's modules load when the section is first shown.
"""
