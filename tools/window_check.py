#!/usr/bin/env python3
"""Start a program on a real X server and check the first window it shows (standard library only).

    python3 tools/window_check.py --title "Set up intake-desktop" --min-size 640x520 \\
        --screenshot build/first-window.png -- .venv/bin/python -m intake_desktop --data-dir DIR

Starts its own Xvfb (unless --display is given), runs the command there with QT_QPA_PLATFORM
removed so Qt loads its xcb plugin as on a counsellor's desktop, waits for a top-level window
titled exactly --title (xwininfo), checks its size, takes a screenshot of it (ImageMagick's
`import`) and checks the picture is not blank, then stops the program and the X server.
Prints one JSON line with what it saw; exit 0 when every check passed, 1 otherwise (the
program's own output is in the JSON when it failed). Used by tests/ui/test_real_window.py and
installer/smoke_test.sh; needs xvfb, x11-utils and imagemagick (`python3 dev.py setup --tests`).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOOLS = ("Xvfb", "xwininfo", "import", "identify")
SCREEN = "1280x800x24"
# xwininfo -root -tree: `     0x1a00007 "Title": ("class" "Class")  640x520+0+0  +0+0`
_WINDOW = re.compile(r'^\s*(0x[0-9a-f]+) "(.*)": \(.*\)\s+(\d+)x(\d+)\+-?\d+\+-?\d+', re.MULTILINE)


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if not shutil.which(tool)]


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """An Xvfb on a free display number (it picks one and tells us through -displayfd)."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        raise RuntimeError("Xvfb did not start")
    return server, f":{number}"


def windows(display: str) -> list[dict]:
    output = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True,
                            env=dict(os.environ, DISPLAY=display), timeout=30).stdout
    return [{"id": m.group(1), "title": m.group(2), "width": int(m.group(3)), "height": int(m.group(4))}
            for m in _WINDOW.finditer(output)]


def screenshot(display: str, window_id: str, out: Path) -> int:
    """Save the window as PNG; return how many colours the picture has (1 = blank)."""
    env = dict(os.environ, DISPLAY=display)
    subprocess.run(["import", "-window", window_id, str(out)], check=True, env=env, timeout=60,
                   capture_output=True)
    colours = subprocess.run(["identify", "-format", "%k", str(out)], capture_output=True, text=True,
                             check=True, timeout=60).stdout.strip()
    return int(colours or 0)


def check(command: list[str], title: str, min_size: tuple[int, int], shot: Path | None,
          display: str | None = None, timeout: float = 90.0, env: dict[str, str] | None = None,
          poll: float = 0.2) -> dict:
    server = None
    if display is None:
        server, display = start_xvfb()
    program_env = dict(env if env is not None else os.environ, DISPLAY=display)
    program_env.pop("QT_QPA_PLATFORM", None)  # the real thing: Qt's xcb plugin
    output = tempfile.TemporaryFile()  # noqa: SIM115 - outlives this block; closed after the run
    started = time.monotonic()
    program = subprocess.Popen(command, env=program_env, stdout=output, stderr=subprocess.STDOUT,
                               start_new_session=True)
    result: dict = {"display": display, "command": command, "ok": False}
    try:
        found = None
        while time.monotonic() - started < timeout and program.poll() is None:
            found = next((w for w in windows(display) if w["title"] == title), None)
            if found and found["width"] > 1:
                break
            found = None
            time.sleep(poll)
        result["seconds_to_window"] = round(time.monotonic() - started, 2)
        if found is None:
            result["problem"] = (f"the program exited with {program.returncode} before showing a window"
                                 if program.poll() is not None else f"no window titled {title!r} within {timeout:.0f} s")
            result["windows_seen"] = [w["title"] for w in windows(display) if w["title"]]
            return result
        time.sleep(1.0)  # let it paint before the picture is taken
        found = next((w for w in windows(display) if w["id"] == found["id"]), found)
        result.update(window=found)
        if found["width"] < min_size[0] or found["height"] < min_size[1]:
            result["problem"] = f"window is {found['width']}x{found['height']}, smaller than {min_size[0]}x{min_size[1]}"
            return result
        if shot is not None:
            shot.parent.mkdir(parents=True, exist_ok=True)
            result["screenshot"] = str(shot)
            result["colours"] = screenshot(display, found["id"], shot)
            if result["colours"] < 16:
                result["problem"] = f"the screenshot is blank ({result['colours']} colours)"
                return result
        if program.poll() is not None:
            result["problem"] = f"the program exited with {program.returncode} after showing its window"
            return result
        result["ok"] = True
        return result
    finally:
        if program.poll() is None:
            os.killpg(program.pid, signal.SIGTERM)
            try:
                program.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(program.pid, signal.SIGKILL)
                program.wait()
        if not result["ok"]:
            output.seek(0)
            result["program_output"] = output.read().decode("utf-8", "replace")[-4000:]
        output.close()
        if server is not None:
            server.terminate()
            server.wait(10)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--title", required=True, help="the window's exact title")
    parser.add_argument("--min-size", default="200x150", help="WIDTHxHEIGHT the window must reach at least")
    parser.add_argument("--screenshot", type=Path, help="save the window as this PNG")
    parser.add_argument("--display", help="use this X display instead of starting Xvfb")
    parser.add_argument("--timeout", type=float, default=90.0)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to start after --")
    if missing_tools() and args.display is None:
        print(json.dumps({"ok": False, "problem": f"missing: {' '.join(missing_tools())}"}))
        return 1
    width, height = (int(n) for n in args.min_size.split("x"))
    result = check(command, args.title, (width, height), args.screenshot, args.display, args.timeout)
    print(json.dumps(result, ensure_ascii=False))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
