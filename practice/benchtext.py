"""Words for the synthetic bank of `generate_bench_data`: title parts and a few answer bodies.

The bodies are Markdown of the length a real sample answer has; the generator renders each one once
through the bank's pipeline and reuses the stored HTML, so a hundred thousand questions cost a handful
of renders. Every sentence here is written for this file.
"""

OPENERS = [
    "How would you",
    "Walk me through how you would",
    "Design a way to",
    "What is the safest way to",
    "Explain how a team should",
    "A staff engineer asks you to",
    "In your first month, how would you",
    "What goes wrong when you",
]

TASKS = [
    "detect feature drift in a fraud model",
    "roll out a ranking model behind a canary",
    "shadow a new recommender before launch",
    "keep a feature store consistent between training and serving",
    "cut GPU serving cost for a large language model",
    "version datasets for a regulated credit model",
    "monitor an embedding index for silent decay",
    "retrain a demand forecast when the data shifts",
    "promote models through a registry with approvals",
    "batch and cache requests for a vision model",
    "trace a bad prediction back to its training data",
    "run an A/B test on a search model without bias",
    "set alerts on label delay and missing features",
    "move notebooks into a scheduled pipeline",
    "quantise a transformer and prove nothing broke",
    "backfill two years of a new feature",
    "keep a retrieval-augmented assistant from leaking data",
    "autoscale inference for a launch-day spike",
    "test data contracts between two teams",
    "explain a blue-green switch for a model endpoint",
]

CONTEXTS = [
    "at a payments company",
    "for a marketplace with two million sellers",
    "under a 50 ms latency budget",
    "with one on-call engineer",
    "when labels arrive three weeks late",
    "across three cloud regions",
    "for a streaming music service",
    "in a startup with no platform team",
    "with a strict privacy review",
    "while traffic doubles every quarter",
]

BODIES = [
    """Start from what the business loses when the model is wrong, because that decides how hard you
look. For a fraud model a missed case costs money at once, so the watch has to be close to real time.

1. **Log every request** with the model version, the feature values and a request id, so a later label
   can be joined back to the exact input the model saw.
2. **Compare windows, not single points.** Compute the population stability index per feature over the
   last day against the training window, and alert when several features move together.
3. **Watch the output too.** The share of flagged transactions is a cheap proxy while labels are late.

```python
psi = sum((a - e) * math.log(a / e) for a, e in zip(actual, expected) if a and e)
```

The trap is paging people for every wiggle. Tie each alert to a runbook and an owner, review the noisy
ones every month, and retire alerts nobody acted on. Drift alone is not a reason to retrain: check
whether the business metric moved before you spend the compute.""",
    """A canary sends a small, fixed share of live traffic to the new model and compares it with the old
one on the same kind of requests. Shadow mode goes one step earlier: the new model sees a copy of the
traffic and its answers are logged, never returned.

| Stage | Traffic | What you learn |
|---|---|---|
| Shadow | copy, 100% | latency, errors, disagreement rate |
| Canary | 1% then 5% | real user metrics on a slice |
| Blue-green | switch | fast rollback with a warm standby |

Decide the stop rule before the rollout starts: for example, roll back when the p99 latency grows by more
than a fifth or the click-through rate of the canary slice falls outside the interval you agreed. Keep
the previous version loaded so the rollback is a routing change, not a deploy.""",
    """The feature store exists so that the number a model was trained on is the number it is served.
Most skew comes from two code paths that compute "the same" feature: a batch job in SQL for training and
a service in another language for serving.

- Define each feature once, with its owner, its freshness and its point-in-time join key.
- Materialise the offline table from that definition, and push the same values to the online store.
- Log the served values and compare a sample with the offline table every day.

When the comparison fails, the fix is rarely in the model. Look for time zones, late events that the
batch job sees and the stream does not, and default values filled in differently. A small report that
lists the top disagreeing features saves hours of guessing.""",
    """Serving cost is mostly idle hardware. Measure the utilisation of each GPU over a week before you
change anything; a fleet running at a fifth of its capacity is common.

1. Batch requests dynamically with a small wait, a few milliseconds, and check the latency budget still
   holds at the 99th percentile.
2. Quantise where the quality checks allow it, and keep a held-out set that proves the answers did not
   change in ways readers notice.
3. Scale on queue depth rather than CPU, and let the smallest replica count follow the time of day.

Write down the cost per thousand predictions before and after. Finance understands that number, and it
stops the same debate from coming back next quarter.""",
    """A registry is the record of which model artefact is allowed where. Each version carries its
training data snapshot, its code commit, its evaluation report and the person who approved it.

Promotion is a state change with a check attached: from *staging* to *production* only when the
evaluation beats the current version on the agreed slices and the model card is filled in. The serving
side never pulls "latest"; it pulls an explicit version, so a rollback is choosing the previous entry.

Audit questions then have quick answers: which predictions came from version 14, what data trained it,
and who signed it off. Without the registry those answers live in someone's memory.""",
    """Late labels make the usual accuracy dashboard useless for weeks. Until they arrive, watch what you
can see now: the input distribution, the score distribution, the share of requests with missing
features and the agreement between the new model and the previous one.

When labels land, backfill the quality metrics for the days they cover and keep both views on one page,
so the team learns how well the early signals predicted the late ones. Over a few months that history
tells you which early alerts deserve a page and which belong in a weekly report.""",
]

TOOLS = ["MLflow", "Feast", "Kubeflow", "Airflow", "Evidently", "Triton", "KServe", "Prometheus", "dbt"]

KEY_POINTS = [
    "Names the business cost of a wrong prediction first",
    "Logs inputs, outputs and the model version together",
    "Sets a stop rule before rolling out",
    "Keeps the previous version ready for rollback",
    "Checks the outcome metric, not only the inputs",
]
