"""Run the real command line in a subprocess, for the kill -9 and OS-limit tests.

    python cli_harness.py [--fsize-limit BYTES] [--replace DATA_DIR BACKUP] -- CLI ARGS...

The only differences from `intake-desktop ARGS`: the cheap test KDF (test vaults are made
with it, and the real minimum would refuse them), and optionally an RLIMIT_FSIZE so that writes past
a size fail in the kernel (EFBIG), as on a full disk. `--replace` calls the GUI's service
function `replace_vault_from_backup` with the passphrase from INTAKE_PASSPHRASE.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    fsize = None
    replace = None
    while argv and argv[0] != "--":
        if argv[0] == "--fsize-limit":
            fsize, argv = int(argv[1]), argv[2:]
        elif argv[0] == "--replace":
            replace, argv = (argv[1], argv[2]), argv[3:]
        else:
            raise SystemExit(f"unknown harness option {argv[0]}")
    argv = argv[1:]
    if fsize is not None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    from intake_desktop.crypto.kdf import insecure_parameters_for_tests

    with insecure_parameters_for_tests():
        if replace is not None:
            import os
            from pathlib import Path

            from intake_desktop.services import backup as B

            with B.open_backup(Path(replace[1]), B.BackupSecret.passphrase(os.environ["INTAKE_PASSPHRASE"], "admin")) as opened:
                B.replace_vault_from_backup(Path(replace[0]), opened)
            return 0
        from intake_desktop import cli

        return cli.main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
