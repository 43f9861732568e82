"""Every public page type of the seeded archive passes the Nu HTML checker (vnu.jar) with zero errors.

The checker is the W3C's, from npm (`vnu-jar`, pinned in package.json, installed by `npm ci`), run with
the machine's Java. Like the browser tests, it is a requirement, not an option: without it this fails.
"""
import json
import os
import shutil
import subprocess  # nosec B404: our own fixed command
from pathlib import Path

import pytest
from django.conf import settings

from figures.models import Figure, Measure
from meetings.models import Body, Meeting, Office, Person
from operations.models import Operation
from organisations.models import Organisation
from sources.models import SourceDocument

VNU_JAR = Path(os.environ.get("VNU_JAR", Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"))
# Urdu pages: the home page, lists with filters and pagination, search with results and with none, the timeline.
URDU_ADDRESSES = [
    "/ur/", "/ur/meetings/", "/ur/meetings/2024/6/", "/ur/sources/", "/ur/timeline/",
    "/ur/search/?q=Azm-e-Istehkam", "/ur/search/?q=%D8%B9%D8%B2%D9%85+%D8%A7%D8%B3%D8%AA%D8%AD%DA%A9%D8%A7%D9%85",
]


def page_addresses() -> list[str]:
    """One address of every public page type, the seed meeting of 22 June 2024 among them."""
    first = lambda model: model.objects.public().order_by("pk").first().get_absolute_url()  # noqa: E731
    undated = Meeting.objects.public().filter(date__isnull=True).first()
    return [
        "/",
        "/meetings/",
        "/meetings/?year=undated",
        "/meetings/?year=2019",
        "/meetings/?page=99",
        "/meetings/?chair=Nobody",
        "/meetings/2024/",
        "/meetings/2024/6/",
        Meeting.objects.public().get(date="2024-06-22").get_absolute_url(),
        undated.get_absolute_url(),
        "/decisions/",
        "/people/",
        f"/people/{Person.objects.public().get(name='Shehbaz Sharif').slug}/",
        f"/offices/{Office.objects.public().order_by('pk').first().slug}/",
        "/bodies/",
        f"/bodies/{Body.objects.public().order_by('pk').first().slug}/",
        "/operations/",
        Operation.objects.public().get(slug="azm-e-istehkam").get_absolute_url(),
        "/sources/",
        first(SourceDocument),
        "/figures/",
        first(Figure),
        "/figures/measures/",
        first(Measure),
        "/organisations/",
        first(Organisation),
        "/timeline/",
        "/search/",
        "/search/?q=Azm-e-Istehkam",
        "/search/?q=Balochistan&kind=sources",
        "/search/?q=Balochistan&kind=sources&page=7",
        "/no-such-page/",
    ]


def test_every_public_page_type_has_no_html_error(client, seeded_archive, tmp_path):
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is not installed: `apt-get install default-jre-headless` (Debian).")
    if not VNU_JAR.exists():
        pytest.fail(f"The Nu HTML checker is not installed at {VNU_JAR}: run `npm ci` at the project root.")
    names = {}
    for number, address in enumerate(page_addresses()):
        response = client.get(address)
        assert response.status_code in (200, 400, 404), address
        path = tmp_path / f"page-{number:02d}.html"
        path.write_bytes(response.content)
        names[path.name] = address
    # The Urdu interface (its /ur/ addresses, right to left, curated records marked English) on a few page types.
    for number, address in enumerate(URDU_ADDRESSES):
        response = client.get(address)
        assert response.status_code == 200, address
        path = tmp_path / f"page-ur-{number:02d}.html"
        path.write_bytes(response.content)
        names[path.name] = address
    result = subprocess.run(  # nosec B603
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(tmp_path)],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{names.get(Path(message.get('url', '')).name, message.get('url'))} line {message.get('lastLine')}: {message['message']}"
        for message in messages
        if message.get("type") == "error"
    ]
    assert errors == []
    assert len(names) == len(page_addresses()) + len(URDU_ADDRESSES)
