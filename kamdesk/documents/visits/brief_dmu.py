"""The decision-making map of the pre-call brief: the card's DMU picture in reportlab graphics.

The plan is the card's own (`kamdesk.services.card.dmu.layout_people`): columns are
DMU roles, height is influence, colours are attitudes, lines are reporting lines.
Here it is cropped to the rows in use and scaled to the room the page has left;
the text keeps a readable size whatever the scale. The visit's attendees get a
blue frame, a key opinion leader a star.
"""

from __future__ import annotations

from typing import Any

from kamdesk.documents.fonts import BOLD, FAMILY
from kamdesk.documents.layout import fit_width
from kamdesk.documents.visits.labels import ROLE, pick
from kamdesk.services.card.dmu import NODE_HEIGHT, NODE_WIDTH, DmuLayout, DmuNode

ATTENDEE = "#1565c0"
EDGE = "#90a4ae"
INK = "#212121"
MUTED = "#546e7a"
COLUMN_FILL = ("#f7f9fb", "#eef2f6")
TITLE_BAND = 13.0  # points: the column titles, with room for an attendee's frame
MARGIN = 2.5  # points each side: an attendee's frame reaches out of its column
LEGEND_BAND = 13.0  # points: the colour key under the map
MIN_SCALE = 0.3  # below this the boxes no longer hold their names

WORDS: dict[str, tuple[str, str]] = {
    "no_role": ("роль не известна", "role unknown"),
    "supporter": ("сторонник", "supporter"),
    "neutral": ("нейтрален", "neutral"),
    "opponent": ("противник", "opponent"),
    "unknown": ("отношение не известно", "attitude unknown"),
    "attendee": ("участник визита", "visit attendee"),
    "kol": ("лидер мнений", "key opinion leader"),
    "reports_to": ("подчинение", "reports to"),
}


def _crop(layout: DmuLayout) -> tuple[float, float]:
    """The layout's rows in use: (top, bottom) in layout coordinates."""
    top = min(n.y for n in layout.nodes)
    bottom = max(n.y + NODE_HEIGHT for n in layout.nodes)
    return top, bottom


def map_scale(layout: DmuLayout, width: float, height: float) -> float:
    """The scale that fits the cropped map in width × height points (0 if it cannot)."""
    if not layout.nodes:
        return 0.0
    top, bottom = _crop(layout)
    room = height - TITLE_BAND - LEGEND_BAND - 4
    scale = min((width - 2 * MARGIN) / layout.width, room / (bottom - top) if room > 0 else 0.0)
    return scale if scale >= MIN_SCALE else 0.0


def map_height(layout: DmuLayout, scale: float) -> float:
    top, bottom = _crop(layout)
    return TITLE_BAND + (bottom - top) * scale + 4 + LEGEND_BAND


def dmu_drawing(layout: DmuLayout, attendees: frozenset[Any], scale: float, language: str) -> Any:
    """A reportlab Drawing of the map at `scale` points per layout unit."""
    from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String

    top, _bottom = _crop(layout)
    width = layout.width * scale + 2 * MARGIN
    height = map_height(layout, scale)
    body_top = height - TITLE_BAND  # drawing y of the layout's `top`

    def y_of(layout_y: float) -> float:
        return body_top - (layout_y - top) * scale

    drawing = Drawing(width, height)
    # The renderer starts in Helvetica, which is not embedded, unless told otherwise.
    drawing.initialFontName = FAMILY
    drawing.initialFontSize = 6.5
    body = Group()
    body.translate(MARGIN, 0)
    drawing.add(body)
    for index, column in enumerate(layout.columns):
        body.add(
            Rect(
                column.x * scale, LEGEND_BAND, column.width * scale, height - LEGEND_BAND,
                fillColor=_colour(COLUMN_FILL[index % 2]), strokeColor=None,
            )
        )  # fmt: skip
        title = (
            pick(ROLE[column.role], language) if column.role else pick(WORDS["no_role"], language)
        )
        font_size = 6.5
        title = fit_width(title, BOLD, font_size, column.width * scale - 4)
        body.add(
            String(
                (column.x + column.width / 2) * scale, height - 9.0, title,
                fontName=BOLD, fontSize=font_size, fillColor=_colour(MUTED), textAnchor="middle",
            )
        )  # fmt: skip
    centres = {
        n.contact_id: (
            (n.x + NODE_WIDTH / 2) * scale,
            y_of(n.y + NODE_HEIGHT / 2),
        )
        for n in layout.nodes
    }
    for person, boss in layout.edges:
        (x1, y1), (x2, y2) = centres[person], centres[boss]
        body.add(Line(x1, y1, x2, y2, strokeColor=_colour(EDGE), strokeWidth=0.9))
    for node in layout.nodes:
        group = Group()
        _node(group, node, node.contact_id in attendees, scale, y_of)
        body.add(group)
    _legend(body, language)
    return drawing


def _node(group: Any, node: DmuNode, attendee: bool, scale: float, y_of: Any) -> None:
    from reportlab.graphics.shapes import Rect, String

    w = NODE_WIDTH * scale
    h = NODE_HEIGHT * scale
    x = node.x * scale
    y = y_of(node.y) - h
    if attendee:
        group.add(
            Rect(x - 1.6, y - 1.6, w + 3.2, h + 3.2, rx=3, ry=3, fillColor=None,
                 strokeColor=_colour(ATTENDEE), strokeWidth=1.6)
        )  # fmt: skip
    border = Rect(
        x, y, w, h, rx=2.5, ry=2.5, fillColor=_colour(node.fill),
        strokeColor=_colour(node.border), strokeWidth=1.1,
    )  # fmt: skip
    if node.attitude is None:
        border.strokeDashArray = [2, 1.5]
    group.add(border)
    size = max(5.0, min(7.5, 13 * scale))
    pad = 2.5
    star = size * 0.55 if node.is_kol else 0.0
    title = fit_width(node.title, BOLD if attendee else FAMILY, size, w - 2 * pad - 2 * star - 1)
    group.add(
        String(x + pad, y + h - pad - size * 0.85, title, fontName=BOLD if attendee else FAMILY,
               fontSize=size, fillColor=_colour(INK))
    )  # fmt: skip
    if node.is_kol:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        at = x + pad + stringWidth(title, BOLD if attendee else FAMILY, size) + star + 1
        group.add(_star(at, y + h - pad - size * 0.5, star, "#f9a825"))
    small = size - 1
    if h > size + small + 6:
        subtitle = fit_width(node.subtitle, FAMILY, small, w - 2 * pad)
        group.add(
            String(x + pad, y + h - pad - size - small * 0.9, subtitle, fontName=FAMILY,
                   fontSize=small, fillColor=_colour(MUTED))
        )  # fmt: skip
    _dots(group, node.influence or 0, x + pad, y + pad + 1.2)


def _dots(group: Any, level: int, x: float, y: float) -> None:
    from reportlab.graphics.shapes import Circle

    for i in range(5):
        filled = i < level
        group.add(
            Circle(x + 1.2 + i * 3.4, y, 1.2, strokeColor=_colour(MUTED), strokeWidth=0.4,
                   fillColor=_colour(MUTED) if filled else None)
        )  # fmt: skip


def _star(cx: float, cy: float, r: float, colour: str) -> Any:
    import math

    from reportlab.graphics.shapes import Polygon

    points: list[float] = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.45
        angle = math.pi / 2 + i * math.pi / 5
        points += [cx + radius * math.cos(angle), cy + radius * math.sin(angle)]
    return Polygon(points, fillColor=_colour(colour), strokeColor=None)


def _legend(drawing: Any, language: str) -> None:
    from reportlab.graphics.shapes import Line, Rect, String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from kamdesk.services.card.dmu import ATTITUDE_COLORS
    from kamdesk.vocabulary import Attitude

    size = 6.0
    x, y = 0.0, 4.0
    entries: list[tuple[str, Any]] = [
        (key, ATTITUDE_COLORS[attitude])
        for key, attitude in (
            ("supporter", Attitude.SUPPORTER),
            ("neutral", Attitude.NEUTRAL),
            ("opponent", Attitude.OPPONENT),
            ("unknown", None),
        )
    ]
    for key, (border, fill) in entries:
        swatch = Rect(x, y, 9, 6, fillColor=_colour(fill), strokeColor=_colour(border),
                      strokeWidth=0.9)  # fmt: skip
        if key == "unknown":
            swatch.strokeDashArray = [1.5, 1]
        drawing.add(swatch)
        label = pick(WORDS[key], language)
        drawing.add(String(x + 12, y + 0.8, label, fontName=FAMILY, fontSize=size,
                           fillColor=_colour(MUTED)))  # fmt: skip
        x += 12 + stringWidth(label, FAMILY, size) + 9
    drawing.add(Rect(x, y, 9, 6, fillColor=None, strokeColor=_colour(ATTENDEE), strokeWidth=1.4))
    label = pick(WORDS["attendee"], language)
    drawing.add(String(x + 12, y + 0.8, label, fontName=FAMILY, fontSize=size,
                       fillColor=_colour(MUTED)))  # fmt: skip
    x += 12 + stringWidth(label, FAMILY, size) + 9
    drawing.add(_star(x + 4, y + 3, 4, "#f9a825"))
    label = pick(WORDS["kol"], language)
    drawing.add(String(x + 11, y + 0.8, label, fontName=FAMILY, fontSize=size,
                       fillColor=_colour(MUTED)))  # fmt: skip
    x += 11 + stringWidth(label, FAMILY, size) + 9
    drawing.add(Line(x, y + 3, x + 12, y + 3, strokeColor=_colour(EDGE), strokeWidth=0.9))
    drawing.add(String(x + 15, y + 0.8, pick(WORDS["reports_to"], language), fontName=FAMILY,
                       fontSize=size, fillColor=_colour(MUTED)))  # fmt: skip


def _colour(value: str) -> Any:
    from reportlab.lib.colors import HexColor

    return HexColor(value)
