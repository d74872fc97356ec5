"""Office sync: the wire protocol shared with the server, and the laptop's sync client.

No Qt here: the window runs the client through its background tasks.
"""
