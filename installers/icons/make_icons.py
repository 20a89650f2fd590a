"""Render the application icon set from its SVG source (``make icons``).

    resources/icons/outreach-app.svg           the source, drawn by hand
    resources/icons/outreach-app-<N>.png       N = 16, 24, 32, 48, 64, 128, 256, 512
    resources/icons/outreach-app.ico           Windows: 16 … 256 in one file
    resources/icons/outreach-app.icns          macOS: 16 … 1024 in one file

Qt's SVG renderer draws every size from the source (offscreen, no display needed);
Pillow packs the .ico and the .icns from those renderings, so the small sizes are
drawn for their size, not scaled down from a large picture. The outputs are committed:
building an installer does not need this script.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)
NAME = "outreach-app"


def render(svg: Path, size: int, out: Path) -> None:
    from PySide6.QtCore import Qt  # noqa: PLC0415
    from PySide6.QtGui import QImage, QPainter  # noqa: PLC0415
    from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"cannot write {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--icons", type=Path, default=Path("resources/icons"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image  # noqa: PLC0415
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    folder: Path = args.icons
    svg = folder / f"{NAME}.svg"
    scratch = folder / ".render"
    scratch.mkdir(exist_ok=True)
    try:
        rendered: dict[int, Path] = {}
        for size in sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES}):
            target = folder / f"{NAME}-{size}.png" if size in PNG_SIZES else scratch / f"{size}.png"
            render(svg, size, target)
            rendered[size] = target
        images = {size: Image.open(path).convert("RGBA") for size, path in rendered.items()}
        largest_ico = images[max(ICO_SIZES)]
        largest_ico.save(
            folder / f"{NAME}.ico",
            format="ICO",
            sizes=[(s, s) for s in ICO_SIZES],
            append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
        )
        images[max(ICNS_SIZES)].save(
            folder / f"{NAME}.icns",
            format="ICNS",
            append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
        )
    finally:
        for leftover in scratch.glob("*.png"):
            leftover.unlink()
        scratch.rmdir()
    del app
    sys.stdout.write(f"icons written to {folder}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
