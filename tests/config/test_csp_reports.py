"""/csp-report/: browsers post Content-Security-Policy violations there; each one is logged."""

import json
import logging

import pytest

REPORT = {
    "csp-report": {
        "document-uri": "http://127.0.0.1:8000/questions/",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "blocked-uri": "inline",
        "line-number": 12,
    }
}


def _post(client, body, content_type="application/csp-report"):
    return client.post("/csp-report/", data=body, content_type=content_type)


def test_a_violation_report_is_logged(client, caplog):
    with caplog.at_level(logging.WARNING, logger="csp"):
        response = _post(client, json.dumps(REPORT))
    assert response.status_code == 204
    [record] = [record for record in caplog.records if record.name == "csp"]
    message = record.getMessage()
    assert "script-src-elem" in message and "blocked-uri='inline'" in message
    assert "/questions/" in message


def test_the_endpoint_needs_no_csrf_token(client):
    client.handler.enforce_csrf_checks = True
    assert _post(client, json.dumps(REPORT)).status_code == 204


@pytest.mark.parametrize("body", ["", "not json", "[]", '{"other": 1}', '{"csp-report": "text"}'])
def test_a_malformed_report_is_a_400(client, body, caplog):
    response = _post(client, body)
    assert response.status_code == 400
    assert b"csp-report" in response.content
    assert not [record for record in caplog.records if record.name == "csp"]


def test_an_oversized_report_is_refused(client):
    big = {"csp-report": {**REPORT["csp-report"], "script-sample": "x" * 20_000}}
    assert _post(client, json.dumps(big)).status_code == 413


def test_only_post_is_accepted(client):
    assert client.get("/csp-report/").status_code == 405


def test_the_endpoint_is_closed_when_reports_are_off(client, settings, caplog):
    settings.CSP_REPORTS = False
    assert _post(client, json.dumps(REPORT)).status_code == 404
    assert not [record for record in caplog.records if record.name == "csp"]
