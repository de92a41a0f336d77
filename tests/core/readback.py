"""Read our exports and feeds back as their users' tools do (core/tabular.py and core/feeds.py write them).

CSV as a spreadsheet opens it (`;`-separated, with a BOM), XLSX with openpyxl, RSS and Atom with
an XML parser. Each helper first checks that the response is a successful one of the right type. (This module is
no test file, so pytest does not rewrite its asserts: they carry their own messages.)
"""

import csv
import io
import xml.etree.ElementTree as ET

from openpyxl import load_workbook

ATOM = "{http://www.w3.org/2005/Atom}"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def read_csv(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/csv; charset=utf-8", response["Content-Type"]
    assert response.content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def read_xlsx(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith(XLSX_TYPE), response["Content-Type"]
    assert "attachment" in response["Content-Disposition"]
    return load_workbook(io.BytesIO(response.content))


def rss_items(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/rss+xml"), response["Content-Type"]
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 - our own output
    return channel, channel.findall("item")


def atom_entries(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/atom+xml"), response["Content-Type"]
    feed = ET.fromstring(response.content)  # noqa: S314 - our own output
    return feed, feed.findall(f"{ATOM}entry")
