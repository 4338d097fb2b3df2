"""Make what the PyInstaller build needs and nobody commits, into one folder (build/prepared):

    icons/intake-desktop-<N>.png   PNG renderings of resources/icons/intake-desktop.svg (16-256)
    icons/intake-desktop.ico       Windows icon with all those sizes (the programs, the installer)
    version_info.txt               Windows version resource for the .exe files (PyInstaller format)
    fonts/                         --fonts linux: NanumGothic regular and bold from the build machine
                                   (Debian package fonts-nanum) with its licence

    python installer/prepare_build.py --out build/prepared [--fonts linux|none]
    python installer/prepare_build.py --update-committed-pngs   (after editing the SVG)

Runs in the build venv: it renders the SVG with Qt (PySide6's QtSvg, present in the venv; the
program itself does not ship the QtSvg module). Nothing else beyond the standard library.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_config as cfg

COMMITTED_PNG_DIR = cfg.ROOT / "resources" / "icons"


def render_pngs(svg: Path, sizes, out_dir: Path) -> dict[int, bytes]:
    """Render the SVG at each size; returns {size: PNG bytes} and writes intake-desktop-<N>.png."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 - must exist while painting
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG for Qt's renderer")
    out_dir.mkdir(parents=True, exist_ok=True)
    pngs: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        image = image.convertToFormat(QImage.Format.Format_ARGB32)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        pngs[size] = bytes(data.data())
        (out_dir / f"intake-desktop-{size}.png").write_bytes(pngs[size])
    return pngs


def _bgra_rows(png: bytes) -> tuple[int, bytes]:
    """(size, bottom-up BGRA rows) of a square PNG, for a BMP entry of the .ico."""
    from PySide6.QtGui import QImage

    image = QImage.fromData(png, "PNG").convertToFormat(QImage.Format.Format_ARGB32)
    size = image.width()
    # Format_ARGB32 is 0xAARRGGBB per pixel, i.e. bytes B, G, R, A in memory on little-endian.
    rows = [bytes(image.constScanLine(y))[: size * 4] for y in range(size)]
    if sys.byteorder != "little":
        rows = [b"".join(bytes(reversed(r[i:i + 4])) for i in range(0, len(r), 4)) for r in rows]
    return size, b"".join(reversed(rows))


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico: 256 px as PNG (Vista and later), smaller sizes as 32-bit BMPs, which
    every consumer reads (Explorer, the taskbar, Inno Setup, the resource compiler)."""
    entries: list[tuple[int, bytes]] = []
    for size in sorted(pngs):
        if size >= 256:
            entries.append((size, pngs[size]))
            continue
        _, pixels = _bgra_rows(pngs[size])
        header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, len(pixels), 0, 0, 0, 0)
        mask_row = ((size + 31) // 32) * 4
        mask = bytes(mask_row * size)  # all opaque in the AND mask: the alpha channel decides
        entries.append((size, header + pixels + mask))
    out = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    for size, data in entries:
        dim = 0 if size >= 256 else size
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(data for _, data in entries)


def version_info_text(version: str) -> str:
    numbers = tuple(int(n) for n in cfg.windows_file_version(version).split("."))
    strings = {
        "CompanyName": "Seoul Youth Gijigae Center partnership",
        "FileDescription": "intake-desktop - 초기상담·연계 기록 / intake and referral records",
        "FileVersion": version,
        "InternalName": cfg.APP_NAME,
        "LegalCopyright": "Seoul Youth Gijigae Center partnership",
        "OriginalFilename": f"{cfg.GUI_EXE}.exe",
        "ProductName": cfg.APP_NAME,
        "ProductVersion": version,
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# Windows version resource for PyInstaller (made by installer/prepare_build.py)
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers}, prodvers={numbers},
    mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('041204B0', [
          {table}])]),
    VarFileInfo([VarStruct('Translation', [0x0412, 1200, 0x0409, 1200])])
  ]
)
"""


def stage_linux_fonts(out_dir: Path) -> None:
    missing = [str(p) for p in (*cfg.LINUX_FONT_FILES, cfg.LINUX_FONT_LICENCE) if not p.is_file()]
    if missing:
        raise SystemExit("Korean font for the bundle not found: " + ", ".join(missing)
                         + "\nInstall it with: apt-get install fonts-nanum")
    out_dir.mkdir(parents=True, exist_ok=True)
    for font in cfg.LINUX_FONT_FILES:
        shutil.copyfile(font, out_dir / font.name)
    shutil.copyfile(cfg.LINUX_FONT_LICENCE, out_dir / cfg.FONT_LICENCE_NAME)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=cfg.ROOT / "build" / "prepared")
    parser.add_argument("--fonts", choices=("linux", "none"), default="none")
    parser.add_argument("--update-committed-pngs", action="store_true",
                        help="re-render resources/icons/intake-desktop-<N>.png from the SVG")
    args = parser.parse_args(argv)

    if args.update_committed_pngs:
        render_pngs(cfg.ICON_SVG, cfg.ICON_SIZES, COMMITTED_PNG_DIR)
        print(f"wrote {len(cfg.ICON_SIZES)} PNGs to {COMMITTED_PNG_DIR}")
        return 0

    out = args.out
    if out.exists():
        shutil.rmtree(out)
    pngs = render_pngs(cfg.ICON_SVG, cfg.ICON_SIZES, out / "icons")
    (out / "icons" / "intake-desktop.ico").write_bytes(ico_bytes(pngs))
    (out / "version_info.txt").write_text(version_info_text(cfg.version()), encoding="utf-8")
    if args.fonts == "linux":
        stage_linux_fonts(out / "fonts")
    print(f"prepared {out}: icons ({len(pngs)} sizes + .ico), version_info.txt"
          + (", fonts" if args.fonts == "linux" else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
