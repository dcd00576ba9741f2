"""The production tracker store option, against the real Redis on 127.0.0.1:6379:
conversations are kept only for the retention period, then expire."""
import pytest
import redis

from tests.conftest import PROJECT_ROOT, run_coroutine

REDIS_DB = 15  # a database number the tests own


@pytest.fixture
def redis_env(monkeypatch):
    monkeypatch.setenv("REDIS_HOST", "127.0.0.1")
    monkeypatch.setenv("REDIS_PORT", "6379")
    monkeypatch.setenv("REDIS_DB", str(REDIS_DB))
    client = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
    try:
        client.ping()
    except redis.exceptions.ConnectionError as error:
        pytest.fail(f"Redis on 127.0.0.1:6379 is needed for this test: {error}")
    client.flushdb()
    yield client
    client.flushdb()


def test_redis_tracker_store_keeps_conversations_for_the_retention_period_only(redis_env):
    from rasa.core.tracker_store import TrackerStore
    from rasa.core.utils import AvailableEndpoints
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    endpoints = AvailableEndpoints.read_endpoints(str(PROJECT_ROOT / "endpoints.redis.yml"))
    domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    store = TrackerStore.create(endpoints.tracker_store, domain)
    tracker = DialogueStateTracker("redis-test", domain.slots)
    tracker.update(UserUttered("I feel lonely", {"name": "concern_loneliness", "confidence": 1.0}))
    run_coroutine(store.save(tracker))

    keys = redis_env.keys("signpost*")
    assert keys, "the conversation was not stored in Redis"
    ttl = redis_env.ttl(keys[0])
    assert 0 < ttl <= 1800, f"conversations must expire (ttl {ttl})"
    restored = run_coroutine(store.retrieve("redis-test"))
    assert restored.latest_message.text == "I feel lonely"
