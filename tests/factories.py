"""factory_boy factories: each test builds exactly the rows it needs."""

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from bank.models import Choice, Company, Difficulty, Kind, Question, Role, SampleAnswer, Status, Topic


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"reader{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("correct horse battery staple")


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    description = "What this topic covers."


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Role {n}")
    slug = factory.Sequence(lambda n: f"role-{n}")


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Company {n}")
    slug = factory.Sequence(lambda n: f"company-{n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Question {n:04d}: how would you ship it?")
    slug = factory.Sequence(lambda n: f"question-{n:04d}")
    prompt = "You run a model behind an HTTP endpoint. **What do you check first?**"
    kind = Kind.CONCEPT
    difficulty = Difficulty.MEDIUM
    topic = factory.SubFactory(TopicFactory)
    status = Status.PUBLISHED
    tools = factory.LazyFunction(lambda: ["MLflow", "Prometheus"])
    why_asked = "It shows whether you have run a model in production."
    trap = "Talking only about accuracy."
    key_points = factory.LazyFunction(
        lambda: ["Start from the user need.", "Measure before changing anything."]
    )
    thirty_second = "Check the inputs, then the model, then what the users see."
    red_flags = factory.LazyFunction(lambda: ["Retrains before looking at the data."])
    follow_ups = factory.LazyFunction(
        lambda: [{"question": "What would you alert on?", "answer": "Error rate and input schema, first."}]
    )
    sources = factory.LazyFunction(lambda: ["https://mlflow.org/docs/latest/"])
    links = factory.LazyFunction(lambda: [{"title": "MLflow docs", "url": "https://mlflow.org/docs/latest/"}])

    @factory.post_generation
    def companies(self, create, extracted, **kwargs):
        if create and extracted:
            self.companies.set(extracted)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.roles.set(extracted)


class SampleAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SampleAnswer

    question = factory.SubFactory(QuestionFactory)
    body = "Start with the **latency budget**, then measure."
    is_featured = True


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory, kind=Kind.MULTIPLE_CHOICE)
    text = factory.Sequence(lambda n: f"Option {n}")
    is_correct = False
    explanation = "Because of how batching works."
    position = factory.Sequence(lambda n: n)


class AttemptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "practice.Attempt"

    user = factory.SubFactory(UserFactory)
    question = factory.SubFactory(QuestionFactory)
    token = factory.Faker("uuid4", cast_to=None)
    answer = "Start from the latency budget."
    key_points_total = factory.LazyAttribute(lambda attempt: len(attempt.question.key_points))
    submitted_at = factory.LazyFunction(timezone.now)


class SuggestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "practice.Suggestion"

    user = factory.SubFactory(UserFactory)
    answer = factory.SubFactory(SampleAnswerFactory)
    question = factory.LazyAttribute(lambda suggestion: suggestion.answer.question)
    kind = "outdated"
    text = "The default changed in **2025**; see the release notes."


class AskedReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "practice.AskedReport"

    user = factory.SubFactory(UserFactory)
    question = factory.SubFactory(QuestionFactory)
    company = factory.SubFactory(CompanyFactory)
    round = "system-design"
    asked_in = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    reported_in = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    state = "approved"
