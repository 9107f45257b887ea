package dev.annota.app.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The actors behind recently used credentials (API token hashes, session hashes), kept for a short time so that
 * a script's requests do not each look their token up, plus the throttle of the token's {@code last_used_at}
 * write (at most once per {@link #TOUCH_INTERVAL} per token, instead of a database write on every request).
 *
 * <p>Every change that can end or alter a credential on this server (logout, token deletion, a password change
 * or reset, disabling an account, a role change) calls {@link #invalidateAll()}, which takes effect for every
 * request that starts after it: a lookup that raced the change and read the old row cannot put its stale answer
 * back (see {@link #put}). Changes made by another process on the same database (none of Annota's own commands
 * edit accounts while a server runs) are seen after at most the time to live.
 */
public final class CredentialCache {
    /** How long a resolved credential is trusted without asking the database again. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(5);
    /** The shortest time between two {@code last_used_at} writes of one token. */
    public static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Actor actor, long expiresAtMillis) {
    }

    private final Clock clock;
    private final long ttlMillis;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> touched = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public CredentialCache(Clock clock, Duration ttl) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative: " + ttl);
        }
        this.ttlMillis = ttl.toMillis();
    }

    /** The cached actor of {@code key}, when it was resolved less than the time to live ago. */
    Optional<Actor> get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (clock.millis() >= e.expiresAtMillis()) {
            entries.remove(key, e);
            return Optional.empty();
        }
        return Optional.of(e.actor());
    }

    /** The generation to pass to {@link #put}: read it before asking the database. */
    long generation() {
        return generation.get();
    }

    /**
     * Remembers {@code actor} for {@code key} until the time to live (or {@code notAfter}, if sooner) has passed,
     * unless the cache was invalidated since {@code generationBefore} was read.
     */
    void put(String key, Actor actor, long generationBefore, Optional<Instant> notAfter) {
        long expires = clock.millis() + ttlMillis;
        if (notAfter.isPresent()) {
            expires = Math.min(expires, notAfter.get().toEpochMilli());
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        Entry e = new Entry(actor, expires);
        entries.put(key, e);
        if (generation.get() != generationBefore) {
            entries.remove(key, e);
        }
    }

    /** True (and noted) when the token with this key is due for a {@code last_used_at} write. */
    boolean touchDue(String key) {
        long now = clock.millis();
        Long last = touched.get(key);
        if (last != null && now - last < TOUCH_INTERVAL.toMillis()) {
            return false;
        }
        if (touched.size() >= MAX_ENTRIES) {
            touched.clear();
        }
        return last == null ? touched.putIfAbsent(key, now) == null : touched.replace(key, last, now);
    }

    /** Forgets every cached credential: the next request of each looks its credential up again. */
    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
        touched.clear();
    }
}
