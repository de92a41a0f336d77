"""The PDF drill's verdict (benchmarks/pdf_drill.py): a missed target is named, a met one is not."""

from benchmarks import pdf_drill

URLS = pdf_drill.PDF_URLS


def _page(**changes):
    page = {"quiet_p50": 40, "quiet_p95": 60, "n": 50, "p50": 60, "p95": 120, "max": 200, "failures": 0}
    page.update(changes)
    return page


def _figures(**changes):
    figures = {
        "cached": _page(),
        "built": _page(),
        "pdf_failures": 0,
        "first_render_ms": dict.fromkeys(URLS, 4000),
        "burst_s": 4.5,
        "repeat_p50": dict.fromkeys(URLS, 12),
        "repeat_max": dict.fromkeys(URLS, 20),
        "distinct_pdfs": dict.fromkeys(URLS, 1),
    }
    figures.update(changes)
    return figures


def test_targets_met_name_nothing():
    text, missed = pdf_drill.report(_figures(), 20)
    assert missed == []
    assert "p95 120 ms" in text


def test_each_missed_target_is_named():
    _text, missed = pdf_drill.report(
        _figures(
            built=_page(p95=300),
            pdf_failures=1,
            repeat_p50={URLS[0]: 80, URLS[1]: 10},
            distinct_pdfs={URLS[0]: 2, URLS[1]: 1},
        ),
        20,
    )
    assert len(missed) == 4
    assert any(URLS[0] in m and URLS[1] not in m for m in missed)
