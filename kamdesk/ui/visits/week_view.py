"""The week as a person knows it from paper diaries: seven columns, the day's 24 hours
down the side (working hours 08–20 fill the view, the rest is a scroll away and shaded),
each visit a block as tall as it lasts, today shaded, readiness as a coloured edge.
Times are on the KAM's clock (the page's zone), like the rest of the window.

The widget only draws and reports clicks; the page owns the data and the keyboard.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QToolTip, QWidget

from kamdesk.services.visits import DEFAULT_TIME_ZONE, VisitRow, VisitStatus
from kamdesk.ui.colors import MUTED_TEXT
from kamdesk.ui.formatting import format_percent
from kamdesk.ui.visits.common import (
    DANGER_COLOR,
    ENDED_FILL,
    HELD_FILL,
    PLANNED_FILL,
    READINESS_COLORS,
    TODAY_FILL,
    WARNING_COLOR,
    at,
    cancel_note,
    client_line,
    hhmm,
    is_ended,
    local,
    planned_note,
    readiness_text,
    shown_times,
    status_label,
)

FIRST_HOUR, LAST_HOUR = 8, 20  # working hours: they fill the view; the rest scrolls
DAY_HOURS = 24
MIN_HOUR_HEIGHT = 26.0  # room for a block's time and its client's name
OFF_HOURS_FILL = QColor("#f1f3f5")
HEADER_HEIGHT = 42
GUTTER_WIDTH = 52
STRIPE = 6
SELECTED_BORDER = QColor("#1565c0")
GRID = QColor("#dde1e6")


class WeekView(QWidget):
    day_chosen = Signal(object)  # the date of the column clicked
    visit_selected = Signal(object)  # visit id, or None
    visit_activated = Signal(object)  # visit id (double click)
    slot_activated = Signal(object)  # aware datetime of an empty slot (double click)
    menu_requested = Signal(object, object)  # visit id, global QPoint (right click)
    scroll_wanted = Signal(int)  # y to show at the top (a new week: its first visit)

    def __init__(self, parent: QWidget | None = None, tz: str = DEFAULT_TIME_ZONE) -> None:
        super().__init__(parent)
        self.setObjectName("visitsWeek")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(False)
        self.tz = tz
        self.today = local(datetime.now().astimezone(), tz).date()
        self.monday = self.today - timedelta(days=self.today.weekday())
        self.current_day = self.today
        self.rows: list[VisitRow] = []
        self.selected_id: uuid.UUID | None = None
        self._blocks: list[tuple[QRectF, VisitRow]] = []
        self._hour = MIN_HOUR_HEIGHT * 1.5
        self._top = 0  # how far the view is scrolled down: the day names stay on top
        self._shown_monday: tuple[date, float] | None = None

    def sizeHint(self) -> QSize:
        return QSize(900, self.full_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(500, self.full_height())

    def full_height(self) -> int:
        return int(HEADER_HEIGHT + self._hour * DAY_HOURS) + 1

    def fit_to(self, viewport_height: int) -> None:
        """Working hours fill a view `viewport_height` tall (not less than readable)."""
        usable = viewport_height - HEADER_HEIGHT - 1
        self._hour = max(MIN_HOUR_HEIGHT, usable / (LAST_HOUR - FIRST_HOUR))
        self.setFixedHeight(self.full_height())
        self.update()

    def set_view_top(self, top: int) -> None:
        self._top = max(0, top)
        self.update()

    def hour_top(self, hour: float) -> int:
        """Where `hour` (0–24) begins, as a scroll position that shows it under the header."""
        return int(hour * self._hour)

    def set_week(self, monday: date, rows: list[VisitRow], today: date, current_day: date) -> None:
        self.monday, self.rows, self.today, self.current_day = monday, rows, today, current_day
        if self.selected_id not in {row.id for row in rows}:
            self.selected_id = None
        # A new week opens at eight, or higher when a visit starts earlier; so does a week
        # whose first visit moved earlier. Otherwise the user's scrolling stays.
        starts = [local(r.shown_start, self.tz) for r in rows]
        first = min((h.hour + h.minute / 60 for h in starts), default=float(FIRST_HOUR))
        if (monday, first) != self._shown_monday:
            self._shown_monday = (monday, first)
            self.scroll_wanted.emit(self.hour_top(max(0.0, min(float(FIRST_HOUR), first - 0.5))))
        self.update()

    def select(self, visit_id: uuid.UUID | None) -> None:
        self.selected_id = visit_id
        self.update()

    # Geometry ------------------------------------------------------------------------------

    def _hour_height(self) -> float:
        return self._hour

    def _column_width(self) -> float:
        return max(40.0, (self.width() - GUTTER_WIDTH - 1) / 7)

    def _y(self, moment: datetime) -> float:
        value = local(moment, self.tz)
        hours = value.hour + value.minute / 60
        return HEADER_HEIGHT + max(0.0, min(hours, DAY_HOURS)) * self._hour_height()

    def _lay_out(self) -> list[tuple[QRectF, VisitRow]]:
        """Blocks per day; visits that overlap share the column side by side in lanes,
        and only they: a clash at nine does not narrow the afternoon."""
        blocks: list[tuple[QRectF, VisitRow]] = []
        width = self._column_width()
        for offset in range(7):
            day = self.monday + timedelta(days=offset)
            todays = sorted(
                (r for r in self.rows if local(r.shown_start, self.tz).date() == day),
                key=lambda r: (r.shown_start, is_ended(r.status)),
            )
            for cluster in _clusters(todays):
                lanes: list[datetime] = []  # when the last visit in each lane ends
                placed: list[tuple[int, VisitRow]] = []
                for row in cluster:
                    lane = next((i for i, end in enumerate(lanes) if end <= row.shown_start), None)
                    if lane is None:
                        lanes.append(row.shown_end)
                        lane = len(lanes) - 1
                    lanes[lane] = row.shown_end
                    placed.append((lane, row))
                share = width / len(lanes)
                for lane, row in placed:
                    top = self._y(row.shown_start)
                    ends_next_day = local(row.shown_end, self.tz).date() != day
                    end_y = self._y(row.shown_end) if not ends_next_day else self._y_end_of_day()
                    bottom = max(top + 16, end_y)
                    left = GUTTER_WIDTH + offset * width + lane * share + 2
                    blocks.append((QRectF(left, top + 1, share - 4, bottom - top - 2), row))
        return blocks

    def _y_end_of_day(self) -> float:
        return HEADER_HEIGHT + DAY_HOURS * self._hour_height()

    def day_at(self, x: float) -> date | None:
        if x < GUTTER_WIDTH:
            return None
        offset = int((x - GUTTER_WIDTH) // self._column_width())
        return self.monday + timedelta(days=offset) if 0 <= offset < 7 else None

    def slot_at(self, point: QPointF) -> datetime | None:
        """The half hour under the point, in the KAM's time zone."""
        day = self.day_at(point.x())
        if day is None or point.y() < self._top + HEADER_HEIGHT:
            return None
        minutes = int((point.y() - HEADER_HEIGHT) / self._hour_height() * 60) // 30 * 30
        minutes = max(0, min(minutes, DAY_HOURS * 60 - 30))
        return at(day, time(minutes // 60, minutes % 60), self.tz)

    def block_rect(self, visit_id: uuid.UUID) -> QRectF | None:
        """Where the visit's block is drawn (None when it is not in this week)."""
        return next((rect for rect, row in self._lay_out() if row.id == visit_id), None)

    def visit_at(self, point: QPointF) -> VisitRow | None:
        # Later blocks are drawn on top, so they are hit first; the day names hide blocks.
        if point.y() < self._top + HEADER_HEIGHT:
            return None
        for rect, row in reversed(self._lay_out()):
            if rect.contains(point):
                return row
        return None

    # Drawing -------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        self._paint_grid(painter)
        self._blocks = self._lay_out()
        for rect, row in self._blocks:
            self._paint_block(painter, rect, row)
        self._paint_now(painter)
        self._paint_header(painter)
        painter.end()

    def _paint_grid(self, painter: QPainter) -> None:
        width, hour = self._column_width(), self._hour_height()
        bottom = HEADER_HEIGHT + hour * DAY_HOURS
        for offset in range(7):
            day = self.monday + timedelta(days=offset)
            left = GUTTER_WIDTH + offset * width
            column = QRectF(left, HEADER_HEIGHT, width, bottom - HEADER_HEIGHT)
            if day == self.today:
                painter.fillRect(column, TODAY_FILL)
            elif offset >= 5:
                painter.fillRect(column, QColor("#fafafa"))
        # Before and after working hours: shaded, so the working day stands out.
        span = QRectF(GUTTER_WIDTH, HEADER_HEIGHT, 7 * width, FIRST_HOUR * hour)
        painter.fillRect(span, OFF_HOURS_FILL)
        evening = HEADER_HEIGHT + LAST_HOUR * hour
        painter.fillRect(QRectF(GUTTER_WIDTH, evening, 7 * width, bottom - evening), OFF_HOURS_FILL)
        painter.setFont(self.font())
        painter.setPen(QPen(GRID, 1))
        for index in range(DAY_HOURS + 1):
            y = HEADER_HEIGHT + index * hour
            painter.drawLine(QPointF(GUTTER_WIDTH, y), QPointF(GUTTER_WIDTH + 7 * width, y))
        for offset in range(8):
            x = GUTTER_WIDTH + offset * width
            painter.drawLine(QPointF(x, HEADER_HEIGHT), QPointF(x, bottom))
        painter.setPen(MUTED_TEXT)
        for index in range(DAY_HOURS):
            y = HEADER_HEIGHT + index * hour
            label = QRectF(0, y - 8, GUTTER_WIDTH - 6, 16)
            painter.drawText(label, Qt.AlignmentFlag.AlignRight, f"{index:02d}:00")

    def _paint_header(self, painter: QPainter) -> None:
        """The day names, on top of whatever is scrolled under them."""
        width, top = self._column_width(), float(self._top)
        painter.fillRect(QRectF(0, top, self.width(), HEADER_HEIGHT), self.palette().base())
        locale = QLocale()
        bold = QFont(self.font())
        bold.setBold(True)
        for offset in range(7):
            day = self.monday + timedelta(days=offset)
            left = GUTTER_WIDTH + offset * width
            header = QRectF(left, top, width, HEADER_HEIGHT)
            if day == self.today:
                painter.fillRect(header, TODAY_FILL)
            name = locale.dayName(offset + 1, QLocale.FormatType.ShortFormat)
            painter.setFont(bold if day == self.today else self.font())
            painter.setPen(SELECTED_BORDER if day == self.today else self.palette().text().color())
            painter.drawText(
                header, Qt.AlignmentFlag.AlignCenter, f"{name}\n{day.day:02d}.{day.month:02d}"
            )
            if day == self.current_day:
                painter.setPen(QPen(SELECTED_BORDER, 3))
                painter.drawLine(
                    QPointF(left + 4, top + HEADER_HEIGHT - 2),
                    QPointF(left + width - 4, top + HEADER_HEIGHT - 2),
                )
        painter.setPen(QPen(GRID, 1))
        line = top + HEADER_HEIGHT
        painter.drawLine(QPointF(0, line), QPointF(self.width(), line))
        painter.setFont(self.font())

    def _paint_block(self, painter: QPainter, rect: QRectF, row: VisitRow) -> None:
        ended = is_ended(row.status)
        fill = (
            ENDED_FILL
            if ended
            else PLANNED_FILL
            if row.status == VisitStatus.PLANNED
            else HELD_FILL
        )
        selected = row.id == self.selected_id
        painter.setPen(QPen(SELECTED_BORDER, 2.5) if selected else QPen(QColor("#b0bec5"), 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 4, 4)
        if row.readiness is not None:
            stripe = QRectF(rect.left(), rect.top(), STRIPE, rect.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(READINESS_COLORS[row.readiness.level])
            painter.drawRoundedRect(stripe, 3, 3)
        warning = _leg_warning_color(row)
        if warning is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(warning)
            painter.drawEllipse(QPointF(rect.right() - 7, rect.top() + 7), 4.5, 4.5)
        text_rect = rect.adjusted(STRIPE + 4, 2, -12, -2)
        font = QFont(self.font())
        font.setStrikeOut(ended)
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        painter.setFont(font)
        painter.setPen(MUTED_TEXT if ended else self.palette().text().color())
        self._paint_block_text(painter, text_rect, row)

    def _paint_block_text(self, painter: QPainter, rect: QRectF, row: VisitRow) -> None:
        """The time on the first line, the client's name below it (wrapped while there
        is room, elided at the end); a short block says both on one elided line."""
        metrics = painter.fontMetrics()
        line = metrics.lineSpacing()
        width = int(rect.width())
        time_text = self.block_text(row).split("\n", 1)[0]
        elide = Qt.TextElideMode.ElideRight
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        if rect.height() < 2 * line:
            one = f"{hhmm(row.shown_start, self.tz)} {client_line(row, short=True)}"
            painter.drawText(rect, int(left), metrics.elidedText(one, elide, width))
            return
        if metrics.horizontalAdvance(time_text) > width:  # a narrow column: the start only
            time_text = hhmm(row.shown_start, self.tz)
        painter.drawText(rect, int(left), metrics.elidedText(time_text, elide, width))
        lines = max(1, int((rect.height() - line) // line))
        words = client_line(row, short=True).split()
        shown: list[str] = []
        while words and len(shown) < lines:
            current = words.pop(0)
            while words and metrics.horizontalAdvance(f"{current} {words[0]}") <= width:
                current = f"{current} {words.pop(0)}"
            shown.append(current)
        if words:  # what does not fit ends the last line, elided
            shown[-1] = " ".join([shown[-1], *words])
        shown = [metrics.elidedText(text, elide, width) for text in shown]
        for index, text in enumerate(shown, start=1):
            painter.drawText(
                QRectF(rect.left(), rect.top() + index * line, rect.width(), line),
                int(left),
                text,
            )

    def block_text(self, row: VisitRow) -> str:
        """What a visit's block says: its time (when it was held, for a held one; and
        readiness), then the client by its short name."""
        first = shown_times(row, self.tz)
        if row.readiness is not None:
            first += f"  {format_percent(row.readiness.score)}"
        return f"{first}\n{client_line(row, short=True)}"

    def _paint_now(self, painter: QPainter) -> None:
        now = datetime.now().astimezone()
        day = local(now, self.tz).date()
        offset = (day - self.monday).days
        if not 0 <= offset < 7:
            return
        y = self._y(now)
        left = GUTTER_WIDTH + offset * self._column_width()
        painter.setPen(QPen(DANGER_COLOR, 2))
        painter.drawLine(QPointF(left, y), QPointF(left + self._column_width(), y))

    # Mouse and tooltips --------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus()
        point = event.position()
        row = self.visit_at(point)
        day = self.day_at(point.x())
        if day is not None:
            self.current_day = day
            self.day_chosen.emit(day)
        self.select(row.id if row else None)
        self.visit_selected.emit(row.id if row else None)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """A right click on a block selects that visit and asks for its menu; from the
        keyboard the selected visit's."""
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            row = self.visit_at(QPointF(event.pos()))
            if row is None:
                return
            self.select(row.id)
            self.visit_selected.emit(row.id)
        if self.selected_id is not None:
            self.menu_requested.emit(self.selected_id, event.globalPos())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        row = self.visit_at(point)
        if row is not None:
            self.visit_activated.emit(row.id)
            return
        slot = self.slot_at(point)
        if slot is not None:
            self.slot_activated.emit(slot)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self.visit_at(QPointF(event.pos()))
            if row is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), visit_tooltip(row, self.tz), self)
            return True
        return super().event(event)


class WeekScroll(QScrollArea):
    """The week in a vertical scroll: working hours fill the view, the night and the
    early morning are a scroll away; the day names stay at the top."""

    def __init__(self, week: WeekView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitsWeekScroll")
        self.week = week
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(week)
        self.setFocusProxy(week)
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(week.set_view_top)
        week.scroll_wanted.connect(self._scroll_to)
        self._wanted: int | None = week.hour_top(FIRST_HOUR)
        bar.rangeChanged.connect(lambda _low, _high: self._apply_wanted())

    def _scroll_to(self, top: int) -> None:
        self._wanted = top
        self._apply_wanted()

    def _apply_wanted(self) -> None:
        if self._wanted is not None and self.verticalScrollBar().maximum() >= self._wanted:
            self.verticalScrollBar().setValue(self._wanted)
            self._wanted = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        hour = self.week.hour_top(1)
        top_hour = self.verticalScrollBar().value() / hour if hour else FIRST_HOUR
        self.week.fit_to(self.viewport().height())
        if self._wanted is None:
            self._wanted = self.week.hour_top(top_hour)
        super().resizeEvent(event)
        self._apply_wanted()

    def minimumSizeHint(self) -> QSize:
        return QSize(500, HEADER_HEIGHT + int(MIN_HOUR_HEIGHT * 6))

    def sizeHint(self) -> QSize:
        return QSize(900, HEADER_HEIGHT + 40 * (LAST_HOUR - FIRST_HOUR))


def _clusters(rows: list[VisitRow]) -> list[list[VisitRow]]:
    """Runs of visits (in start order) that overlap one another, directly or in a chain."""
    clusters: list[list[VisitRow]] = []
    cluster_end: datetime | None = None
    for row in rows:
        if cluster_end is None or row.shown_start >= cluster_end:
            clusters.append([])
            cluster_end = row.shown_end
        clusters[-1].append(row)
        cluster_end = max(cluster_end, row.shown_end)
    return clusters


def _leg_warning_color(row: VisitRow) -> QColor | None:
    if row.leg is None:
        return None
    if row.leg.overlaps or row.leg.unreachable:
        return DANGER_COLOR
    if row.leg.too_tight:
        return WARNING_COLOR
    return None


def visit_tooltip(row: VisitRow, tz: str = DEFAULT_TIME_ZONE) -> str:
    lines = [
        client_line(row),
        f"{shown_times(row, tz)} · {status_label(row.status, row.delivered)}",
    ]
    if row.held_otherwise:  # held at another time or length than planned
        lines.append(planned_note(row, tz))
    if cancelled := cancel_note(row):
        lines.append(cancelled)
    if row.place:
        lines.append(row.place)
    if row.objective:
        lines.append(row.objective)
    if row.readiness is not None:
        lines.append(readiness_text(row.readiness))
    return "\n".join(lines)
