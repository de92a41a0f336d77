"""Reading a 20-page PDF motion: text out of the PDF (pypdf, furniture found) and the parse, without
the database (the parse makes no queries). Target of issue 15: under 1 s.

    .venv/bin/python -m benchmarks.pdf_import [--runs 5] [--pages 20]
"""

import argparse
import html
import os
import statistics
import sys
import time

TARGET_S = 1.0
TOPICS = ["framsteg", "förbättringar", "satsningar", "erfarenheter", "lärdomar", "investeringar", "försök"]
MONTHS = ["januari", "mars", "maj", "september", "oktober", "december"]


def motion_html(points: int) -> str:
    paragraphs = [
        "Yrkande angående Budget 2025 för Göteborgs Stad med nämndernas uppdrag",
        "Förslag till beslut",
        "I kommunfullmäktige:",
    ]
    paragraphs += [
        f"{n}. Nämnd {n} får i uppdrag att i samverkan med miljö- och klimatnämnden utreda hur verksamheten "
        f"kan utvecklas så att de {TOPICS[n % len(TOPICS)]} som gjorts i stadsdel {n} når fler invånare, och "
        f"återrapportera till kommunstyrelsen senast i {MONTHS[n % len(MONTHS)]} {2025 + n % 4}."
        for n in range(1, points + 1)
    ]
    paragraphs += ["Yrkandet"] + [
        f"Staden ska vara jämlik och trygg för de {n * 1000} som bor i område {n}. " * 5 for n in range(20)
    ]
    paragraphs += ["Kommunfullmäktige", "Yrkande", "2024-06-13", "Socialdemokraterna, Vänsterpartiet, Miljöpartiet"]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>
    @page {{ size: A4; margin: 22mm 24mm; @top-left {{ content: "Kommunfullmäktige – Yrkande"; font-size: 8pt }}
      @bottom-center {{ content: "Sida " counter(page) " av " counter(pages); font-size: 8pt }} }}
    body {{ font-family: "DejaVu Serif"; font-size: 10.5pt; hyphens: auto }}</style></head><body>{body}</body></html>"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goteborg_uppdrag.settings")
    import django

    django.setup()
    from core.pdf import render_pdf
    from motions.importers import pdf_to_text, read_motion

    points = 10
    while True:  # as many points as fill the pages asked for
        data = render_pdf(motion_html(points))
        pages = pdf_to_text(data).pages
        if pages >= args.pages:
            break
        points = int(points * args.pages / max(pages, 1)) + 5
    seconds = []
    for _ in range(args.runs):
        started = time.perf_counter()
        parsed = read_motion(pdf_to_text(data).text)
        seconds.append(time.perf_counter() - started)
    assert len(parsed.points) == points, "the benchmark's motion must read whole"
    median = statistics.median(seconds)
    verdict = "nås" if median < TARGET_S else "NÅS INTE"
    print(
        f"PDF-yrkande {pages} sidor, {points} punkter: median {median * 1000:.0f} ms, "
        f"sämsta {max(seconds) * 1000:.0f} ms ({args.runs} körningar); mål under {TARGET_S:g} s: {verdict}."
    )
    return 0 if median < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
