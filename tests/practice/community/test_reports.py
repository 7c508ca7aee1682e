""" "I was asked this": a signed-in reader reports a question asked at a company; a curator approves it
before it counts; the question page, the list and the company page show what was approved."""

import datetime

import pytest
import time_machine

from bank.models import Company, CompanySource
from practice.community import services
from practice.community.models import AskedReport
from tests.factories import AskedReportFactory, CompanyFactory, QuestionFactory, TopicFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 29)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 29, 12, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def netflix():
    return CompanyFactory(name="Netflix", slug="netflix")


@pytest.fixture
def question():
    return QuestionFactory(slug="canary", title="Canary question")


def _report(client, slug="canary", **data):
    payload = {"company": "netflix", "round": "system-design", "month": "10", "year": "2026"} | data
    return client.post(f"/contribute/q/{slug}/asked/", payload)


def _months_ago(months):
    index = TODAY.year * 12 + TODAY.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1)


def test_a_reader_reports_a_question_and_it_waits_for_a_curator(owner_client, owner, netflix, question):
    response = _report(owner_client, role="")
    assert response.status_code == 302
    report = AskedReport.objects.get()
    assert (report.user, report.company, report.asked_in, report.state) == (
        owner,
        netflix,
        datetime.date(2026, 10, 1),
        "pending",
    )
    body = owner_client.get("/questions/canary/").content.decode()
    assert "your report counts once a curator has checked it" in body
    assert "Reported asked at" not in body  # not until approved


def test_a_visitor_must_log_in_to_report(client, netflix, question):
    assert _report(client).status_code == 302
    assert AskedReport.objects.count() == 0


def test_a_month_in_the_future_is_refused(owner_client, netflix, question):
    response = _report(owner_client, month="12", year="2026")
    assert response.status_code == 400
    assert "That month has not happened yet" in response.content.decode()
    assert _report(owner_client, year="2027").status_code == 400  # not even offered
    assert AskedReport.objects.count() == 0


def test_this_month_is_fine_and_more_than_five_years_back_is_not(owner, netflix, question):
    services.report_submit(
        user=owner, question=question, company=netflix, round="onsite", month=11, year=2026
    )
    with pytest.raises(Exception, match="last 5 years"):
        services.check_asked_month(1, 2020)


def test_one_report_per_reader_per_question_per_month(owner_client, owner, other_user, netflix, question):
    assert _report(owner_client).status_code == 302
    again = _report(owner_client, month="9")
    assert again.status_code == 400
    assert "You already reported this question this month; you can report it again from 1 December 2026." in (
        again.content.decode()
    )
    services.report_submit(
        user=other_user, question=question, company=netflix, round="coding", month=9, year=2026
    )
    services.report_submit(
        user=owner, question=QuestionFactory(), company=netflix, round="coding", month=9, year=2026
    )
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC), tick=False):
        services.report_submit(
            user=owner, question=question, company=netflix, round="coding", month=11, year=2026
        )
    assert AskedReport.objects.filter(user=owner, question=question).count() == 2


def test_the_database_holds_the_monthly_rule_too(owner, netflix, question):
    from django.db import IntegrityError, transaction

    AskedReportFactory(user=owner, question=question, company=netflix)
    with pytest.raises(IntegrityError), transaction.atomic():
        AskedReportFactory(user=owner, question=question, company=netflix)


def test_a_report_needs_a_company_and_a_round(owner_client, question):
    response = _report(owner_client, company="", new_company="  ")
    assert response.status_code == 400 and "Pick the company" in response.content.decode()
    assert _report(owner_client, round="lunch").status_code == 400


def test_a_new_company_is_moderated_and_added_as_reader_sourced_on_approval(
    owner_client, staff_user, question
):
    assert _report(owner_client, company="", new_company="  Acme   Robotics ").status_code == 302
    report = AskedReport.objects.get()
    assert report.company is None and report.new_company == "Acme Robotics"
    assert not Company.objects.filter(name="Acme Robotics").exists()  # not before a curator looks
    services.report_approve(curator=staff_user, report=report)
    acme = Company.objects.get(name="Acme Robotics")
    assert (acme.slug, acme.source) == ("acme-robotics", CompanySource.READER)
    report.refresh_from_db()
    assert report.company == acme and report.state == "approved"


def test_a_typed_name_of_an_existing_company_uses_it(owner, netflix, question):
    report = services.report_submit(
        user=owner, question=question, new_company="netflix", round="onsite", month=5, year=2026
    )
    assert report.company == netflix


def test_turning_a_report_down_needs_a_reason_and_the_reader_sees_it(
    owner_client, owner, staff_user, question, netflix
):
    report = AskedReportFactory(user=owner, question=question, company=netflix, state="pending")
    with pytest.raises(Exception, match="Say why"):
        services.report_reject(curator=staff_user, report=report, reason="")
    services.report_reject(curator=staff_user, report=report, reason="That round does not exist there.")
    body = owner_client.get("/practice/").content.decode()
    assert "<strong>Not taken</strong>: That round does not exist there." in body


def test_the_question_page_counts_approved_reports_of_the_last_six_months(client, question, netflix):
    uber = CompanyFactory(name="Uber", slug="uber")
    for months in (0, 2, 5):
        AskedReportFactory(question=question, company=netflix, asked_in=_months_ago(months))
    AskedReportFactory(question=question, company=netflix, asked_in=_months_ago(6))  # too old
    AskedReportFactory(question=question, company=netflix, state="pending")  # not approved
    AskedReportFactory(question=question, company=uber, asked_in=_months_ago(1))
    body = client.get("/questions/canary/").content.decode()
    assert (
        'Reported asked at <a href="/companies/netflix/">Netflix</a> · 3 times in the last 6 months' in body
    )
    assert 'Reported asked at <a href="/companies/uber/">Uber</a> · 1 time in the last 6 months' in body
    assert body.index(">Netflix</a> · 3") < body.index(">Uber</a> · 1")


def _titles(response):
    return [question.title for question in response.context["result"].page.object_list]


def test_the_list_filters_by_when_a_question_was_reported_asked_at_a_company(client, netflix):
    uber = CompanyFactory(name="Uber", slug="uber")
    recent = QuestionFactory(title="Recent at Netflix")
    older = QuestionFactory(title="A year ago at Netflix")
    ancient = QuestionFactory(title="Long ago at Netflix")
    elsewhere = QuestionFactory(title="Recent at Uber")
    QuestionFactory(title="Never reported")
    AskedReportFactory(question=recent, company=netflix, asked_in=_months_ago(1))
    AskedReportFactory(question=older, company=netflix, asked_in=_months_ago(8))
    AskedReportFactory(question=ancient, company=netflix, asked_in=_months_ago(18))
    AskedReportFactory(question=elsewhere, company=uber, asked_in=_months_ago(1))
    AskedReportFactory(question=QuestionFactory(title="Pending"), company=netflix, state="pending")
    assert _titles(client.get("/questions/?company=netflix&asked=6m")) == ["Recent at Netflix"]
    assert _titles(client.get("/questions/?asked=6m")) == ["Recent at Netflix", "Recent at Uber"]
    page = client.get("/companies/netflix/?asked=6m")
    assert _titles(page) == ["Recent at Netflix"]
    assert _titles(client.get("/companies/netflix/?asked=6-12m")) == ["A year ago at Netflix"]
    assert _titles(client.get("/companies/netflix/?asked=1-2y")) == ["Long ago at Netflix"]
    facet = next(f for f in page.context["result"].facets if f.name == "asked")
    assert [(o.label, o.count) for o in facet.options] == [
        ("Asked in the last 6 months", 1),
        ("Asked 6–12 months ago", 1),
        ("Asked 1–2 years ago", 1),
    ]


def test_the_list_sorts_by_how_often_a_question_was_reported(client, netflix):
    once, thrice, never = (QuestionFactory(title=t) for t in ("B once", "C thrice", "A never"))
    AskedReportFactory(question=once, company=netflix)
    for _ in range(3):
        AskedReportFactory(question=thrice, company=netflix)
    AskedReportFactory(question=never, company=netflix, state="rejected")
    response = client.get("/questions/?sort=reported")
    assert _titles(response) == ["C thrice", "B once", "A never"]
    assert "Reported asked 3 times" in response.content.decode()
    assert _titles(client.get("/questions/")) == ["A never", "B once", "C thrice"]


def test_a_bad_window_or_sort_is_a_400_naming_it(client):
    response = client.get("/questions/?asked=forever")
    assert response.status_code == 400 and "asked must be one of 6m, 6-12m, 1-2y" in response.content.decode()
    response = client.get("/questions/?sort=random")
    assert (
        response.status_code == 400
        and "sort must be one of title, difficulty, newest, reported" in response.content.decode()
    )
    assert client.get("/api/questions/?sort=random").status_code == 400


def test_the_company_page_summarises_its_topics_by_report_frequency(client, netflix):
    serving = TopicFactory(name="Serving and inference", slug="serving")
    drift = TopicFactory(name="Monitoring and drift", slug="drift")
    first, second = QuestionFactory(topic=serving), QuestionFactory(topic=serving)
    for question in (first, first, second):
        AskedReportFactory(question=question, company=netflix, asked_in=_months_ago(3))
    AskedReportFactory(question=QuestionFactory(topic=drift), company=netflix, asked_in=_months_ago(1))
    AskedReportFactory(
        question=QuestionFactory(topic=drift), company=CompanyFactory(), asked_in=_months_ago(1)
    )
    body = client.get("/companies/netflix/").content.decode()
    assert "What readers report being asked at Netflix" in body
    assert "Serving and inference</a> · 3 reports on 2 questions" in body
    assert "Monitoring and drift</a> · 1 report on 1 question" in body
    assert body.index("Serving and inference</a> · 3") < body.index("Monitoring and drift</a> · 1")


def test_curated_company_tags_say_they_come_from_the_bank_s_sources(client, netflix):
    QuestionFactory(slug="tagged", companies=[netflix])
    body = client.get("/questions/tagged/").content.decode()
    assert 'title="Tagged from the bank\'s sources">Netflix</a>' in body
    assert Company.objects.get(slug="netflix").get_source_display() == "from the bank's sources"
