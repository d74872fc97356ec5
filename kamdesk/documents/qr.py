"""A QR code flowable drawn as plain rectangles (no graphics state that names a font)."""

from __future__ import annotations

from typing import Any


def qr_flowable(payload: str, size: float) -> Any:
    """A square flowable of `size` points encoding `payload` (UTF-8, error level M)."""
    from reportlab.graphics.barcode import qrencoder
    from reportlab.platypus import Flowable

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    count = code.getModuleCount()
    dark = [(r, c) for r in range(count) for c in range(count) if code.isDark(r, c)]

    class QrFlowable(Flowable):
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return size, size

        def draw(self) -> None:
            quiet = 2  # modules of white border
            cell = size / (count + 2 * quiet)
            canvas = self.canv
            canvas.saveState()
            canvas.setFillColorRGB(0, 0, 0)
            for row, column in dark:
                x = (column + quiet) * cell
                y = size - (row + quiet + 1) * cell
                canvas.rect(x, y, cell, cell, stroke=0, fill=1)
            canvas.restoreState()

    flowable = QrFlowable()
    flowable.hAlign = "RIGHT"
    return flowable
