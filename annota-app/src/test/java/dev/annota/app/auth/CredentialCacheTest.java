package dev.annota.app.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {
    private static final Actor ANN = new Actor("u1", "ann", GlobalRole.USER);

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void a_resolved_credential_is_kept_for_the_time_to_live_only() {
        ManualClock clock = new ManualClock();
        CredentialCache cache = new CredentialCache(clock, Duration.ofSeconds(5));
        cache.put("token:a", ANN, cache.generation(), Optional.empty());
        assertEquals(Optional.of(ANN), cache.get("token:a"));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Optional.empty(), cache.get("token:a"));
    }

    @Test
    void a_session_is_not_kept_past_its_end() {
        ManualClock clock = new ManualClock();
        CredentialCache cache = new CredentialCache(clock, Duration.ofSeconds(5));
        cache.put("session:a", ANN, cache.generation(), Optional.of(clock.instant().plusSeconds(1)));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), cache.get("session:a"));
    }

    @Test
    void invalidation_forgets_everything_and_drops_a_lookup_that_raced_it() {
        CredentialCache cache = new CredentialCache(new ManualClock(), Duration.ofSeconds(5));
        cache.put("token:a", ANN, cache.generation(), Optional.empty());
        long before = cache.generation();
        cache.invalidateAll();
        assertEquals(Optional.empty(), cache.get("token:a"));
        cache.put("token:b", ANN, before, Optional.empty());
        assertEquals(Optional.empty(), cache.get("token:b"), "read before the change: not kept");
    }

    @Test
    void a_token_use_is_written_at_most_once_a_minute() {
        ManualClock clock = new ManualClock();
        CredentialCache cache = new CredentialCache(clock, Duration.ofSeconds(5));
        assertTrue(cache.touchDue("token:a"));
        assertFalse(cache.touchDue("token:a"));
        assertTrue(cache.touchDue("token:b"), "per token");
        clock.advance(Duration.ofSeconds(59));
        assertFalse(cache.touchDue("token:a"));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(cache.touchDue("token:a"));
    }
}
