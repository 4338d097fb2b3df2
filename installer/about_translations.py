"""Korean for the About box (src/intake_desktop/ui/about.py, context "AboutDialog").

The packaging work may not edit resources/i18n, so the translations wait here. To take them in:

    .venv/bin/python tools/i18n.py update           # the About strings appear, unfinished
    .venv/bin/python installer/about_translations.py  # fills in the Korean below
    .venv/bin/python tools/i18n.py release          # compile intake_ko.qm

Only unfinished AboutDialog messages are touched; nothing else in the .ts changes.
"""

from __future__ import annotations

import re
import sys
from html import escape, unescape
from pathlib import Path

TS_FILE = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "intake_ko.ts"
CONTEXT = "AboutDialog"

KOREAN = {
    "About intake-desktop": "intake-desktop 정보",
    "Program icon": "프로그램 아이콘",
    "Version {version}": "버전 {version}",
    "Offline, encrypted intake and referral records for counsellors who support socially "
    "isolated and reclusive young people.":
        "고립·은둔 청년을 지원하는 상담사를 위한 오프라인 암호화 초기상담·연계 기록 프로그램입니다.",
    "Made for the Seoul Youth Gijigae Center partnership.": "서울청년기지개센터 협력 사업을 위해 만들었습니다.",
    "Licences of the included components": "포함된 구성 요소의 사용 허가",
    "Open the licence texts folder": "사용 허가서 폴더 열기",
    "This program includes the following components:": "이 프로그램에는 다음 구성 요소가 포함되어 있습니다:",
    "GNU LGPL version 3": "GNU LGPL 버전 3",
    "Qt is linked dynamically: its libraries are separate files in the program folder and may be "
    "replaced with compatible builds. Source code: download.qt.io and code.qt.io. Qt includes "
    "third-party code such as ICU (Unicode licence).":
        "Qt는 동적으로 연결되어 있습니다. Qt 라이브러리는 프로그램 폴더 안의 별도 파일이며 호환되는 "
        "빌드로 바꿀 수 있습니다. 소스 코드: download.qt.io, code.qt.io. Qt에는 ICU(유니코드 "
        "라이선스) 등 제3자 코드가 포함되어 있습니다.",
    "Python Software Foundation License": "Python Software Foundation 라이선스",
    "BSD licence": "BSD 라이선스",
    "Makes the printed letters and forms (PDF).": "인쇄용 의뢰서와 서식(PDF)을 만듭니다.",
    "Apache License 2.0 or BSD licence": "Apache 라이선스 2.0 또는 BSD 라이선스",
    "Includes OpenSSL (Apache License 2.0).": "OpenSSL(Apache 라이선스 2.0)을 포함합니다.",
    "MIT licence": "MIT 라이선스",
    "Passphrase strength estimate.": "비밀번호 강도 추정",
    "MIT-CMU licence": "MIT-CMU 라이선스",
    "SIL Open Font License 1.1": "SIL 오픈 폰트 라이선스 1.1",
    "Font for printed letters, © NAVER Corporation. Files: {files}":
        "인쇄용 글꼴, © NAVER Corporation. 파일: {files}",
    "part of Windows": "Windows에 포함",
    "Printed letters use the Korean font that comes with Windows; it is not distributed with "
    "this program.": "인쇄물에는 Windows에 포함된 한글 글꼴을 사용하며, 이 프로그램과 함께 배포하지 않습니다.",
    "GPL 2.0 or later with the bootloader exception": "GPL 2.0 이상 (부트로더 예외 포함)",
    "Starts the installed program.": "설치된 프로그램을 실행합니다.",
    "The full licence texts are in {folder}.": "사용 허가서 전문은 {folder}에 있습니다.",
    "The full licence texts are in the licenses folder of the installed program.":
        "사용 허가서 전문은 설치된 프로그램의 licenses 폴더에 있습니다.",
}

_CONTEXT_BLOCK = re.compile(r"(<context>\s*<name>" + CONTEXT + r"</name>)(.*?)(</context>)", re.DOTALL)
_MESSAGE = re.compile(r"(<message>\s*<source>)(.*?)(</source>\s*)<translation type=\"unfinished\">\s*</translation>",
                      re.DOTALL)


def fill(text: str) -> tuple[str, int]:
    """The .ts text with the unfinished AboutDialog messages translated, and how many were."""
    count = 0

    def message(match: re.Match) -> str:
        nonlocal count
        korean = KOREAN.get(unescape(match.group(2)))
        if korean is None:
            return match.group(0)
        count += 1
        return f"{match.group(1)}{match.group(2)}{match.group(3)}<translation>{escape(korean, quote=False)}</translation>"

    def context(match: re.Match) -> str:
        return match.group(1) + _MESSAGE.sub(message, match.group(2)) + match.group(3)

    return _CONTEXT_BLOCK.sub(context, text), count


def main() -> int:
    text = TS_FILE.read_text(encoding="utf-8")
    if f"<name>{CONTEXT}</name>" not in text:
        print(f"{TS_FILE} has no {CONTEXT} context yet: run `python tools/i18n.py update` first", file=sys.stderr)
        return 1
    new_text, count = fill(text)
    TS_FILE.write_text(new_text, encoding="utf-8")
    print(f"translated {count} About box message(s); now run `python tools/i18n.py release`")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
