"""How long does a referral letter take to compose and render?

    .venv/bin/python benchmarks/letters_bench.py [--runs 30] [--batch 100]

Prints the median (and p90) time for one letter of each kind, the consent form, and a batch of
100 letters rendered one after the other. Target: one letter <= 100 ms on an office PC.
The first render (font loading and parsing) is timed separately.
"""

from __future__ import annotations

import argparse
import statistics
import time

from intake_desktop.letters import samples as S
from intake_desktop.letters.compose import compose_letter
from intake_desktop.letters.consent_form import (
    ConsentFormContent, collection_part, recipient_consent_for, render_consent_form, sensitive_part,
)
from intake_desktop.letters.fonts import load_fonts
from intake_desktop.letters.render import render_letter
from intake_desktop.letters.templates import load_template

KINDS = ("welfare", "labour", "jobcentre", "police", "generic")
TARGET_MS = 100.0


def make_letter(kind: str, number: int = 123):
    return compose_letter(load_template(kind), S.SAMPLE_RECIPIENTS[kind], S.SAMPLE_SENDER, S.SAMPLE_FACTS,
                          S.SAMPLE_FIELD_META, S.sample_consent()[kind], True, S.SAMPLE_DETAILS_BY_KIND[kind],
                          number, S.SAMPLE_ISSUE_DATE, S.SAMPLE_SIGNATORIES)


def make_consent_form() -> ConsentFormContent:
    recipients = tuple(recipient_consent_for(load_template(k), S.SAMPLE_RECIPIENTS[k], S.SAMPLE_FIELD_META)
                       for k in ("welfare", "labour", "police"))
    return ConsentFormContent(S.SAMPLE_SENDER, S.SAMPLE_ISSUE_DATE, collection_part(["성명", "생년월일", "휴대전화"]),
                              recipients, sensitive_part(["PHQ-9 총점"]), person_name="남궁민서")


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def describe(label: str, ms: list[float]) -> str:
    ms = sorted(ms)
    p90 = ms[max(0, int(len(ms) * 0.9) - 1)]
    return f"{label:<28} median {statistics.median(ms):7.1f} ms   p90 {p90:7.1f} ms   (n={len(ms)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()

    start = time.perf_counter()
    fonts = load_fonts()
    render_letter(make_letter("welfare"), fonts)
    print(f"{'first letter (cold fonts)':<28} {1000 * (time.perf_counter() - start):7.1f} ms")

    medians = []
    for kind in KINDS:
        content = make_letter(kind)
        ms = timed(lambda content=content: render_letter(content, fonts), args.runs)
        medians.append(statistics.median(ms))
        print(describe(f"render {kind}", ms))
    print(describe("compose + render welfare", timed(lambda: render_letter(make_letter("welfare"), fonts), args.runs)))
    form = make_consent_form()
    print(describe("consent form", timed(lambda: render_consent_form(form, fonts), max(5, args.runs // 3))))

    start = time.perf_counter()
    total_bytes = 0
    for i in range(args.batch):
        total_bytes += len(render_letter(make_letter(KINDS[i % len(KINDS)], number=1000 + i), fonts))
    batch_s = time.perf_counter() - start
    print(f"{f'batch of {args.batch} letters':<28} {batch_s:7.2f} s total, {1000 * batch_s / args.batch:6.1f} ms/letter, "
          f"{total_bytes / args.batch / 1024:5.0f} KiB/letter")

    worst = max(medians)
    verdict = "OK" if worst <= TARGET_MS else "SLOWER THAN TARGET"
    print(f"slowest median single letter: {worst:.1f} ms (target {TARGET_MS:.0f} ms): {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
