"""Entry point of the frozen program: the same as `python -m intake_desktop`.

The Windows window program (built with console=False) has no console, so sys.stdout and
sys.stderr are None there; a stray print would then raise. They are pointed at os.devnull:
the window reports problems in message boxes, and the command line has its own program
(intake-desktop-cli.exe) with a console.
"""

import os
import sys

if sys.stdout is None or sys.stderr is None:
    _devnull = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    sys.stdout = sys.stdout or _devnull
    sys.stderr = sys.stderr or _devnull

from intake_desktop.cli import main

raise SystemExit(main())
