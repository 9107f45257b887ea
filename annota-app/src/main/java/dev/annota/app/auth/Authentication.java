package dev.annota.app.auth;

import dev.annota.store.Database;
import dev.annota.store.auth.ActiveSession;
import dev.annota.store.auth.SessionStore;
import dev.annota.store.auth.StoredUser;
import dev.annota.store.auth.TokenStore;
import dev.annota.store.auth.UserChange;
import dev.annota.store.auth.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Signing in and out, and finding the {@link Actor} behind a session cookie or an API token. A failed login
 * says the same thing, and takes about as long, whether or not the user exists. Resolved credentials are kept a
 * few seconds in a {@link CredentialCache} (emptied by every change that ends or alters one), and a token's
 * {@code last_used_at} is written at most once a minute.
 */
public final class Authentication {
    /** A new session: its secret (the cookie value, shown only now), who it is for and when it ends. */
    public record Session(String secret, Actor actor, Instant expiresAt) {
        public Session {
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    private static final String WRONG = "wrong user name or password";
    private final UserStore users;
    private final SessionStore sessions;
    private final TokenStore tokens;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration sessionTtl;
    private final String dummyHash;
    private final CredentialCache cache;

    public Authentication(Database db, PasswordHasher hasher, AuditTrail audit, Clock clock, Duration sessionTtl) {
        this(db, hasher, audit, clock, sessionTtl, new CredentialCache(clock, CredentialCache.DEFAULT_TTL));
    }

    /** Shares {@code cache} with the other use cases that change accounts, tokens and sessions. */
    public Authentication(Database db, PasswordHasher hasher, AuditTrail audit, Clock clock, Duration sessionTtl,
                          CredentialCache cache) {
        this.users = new UserStore(db);
        this.sessions = new SessionStore(db);
        this.tokens = new TokenStore(db);
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.sessionTtl = sessionTtl;
        this.dummyHash = hasher.hash(Secrets.token());
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /** Checks the password and opens a session; {@link AuthenticationException} when anything is wrong. */
    public Session login(String username, String password) {
        Optional<StoredUser> user = users.findByUsername(username);
        boolean ok = hasher.verify(password, user.map(StoredUser::passwordHash).orElse(dummyHash));
        if (!ok || user.isEmpty() || user.get().disabled()) {
            audit.record(Optional.empty(), "auth.login_failed", "user:" + username, "wrong password, unknown or disabled user");
            throw new AuthenticationException(WRONG);
        }
        Instant now = clock.instant();
        sessions.deleteExpired(now);
        String secret = Secrets.token();
        Instant expires = now.plus(sessionTtl);
        sessions.create(Secrets.sha256(secret), user.get().id(), now, expires);
        Actor actor = UserInfo.of(user.get()).actor();
        audit.record(Optional.of(actor), "auth.login", "user:" + actor.userId(), "signed in");
        return new Session(secret, actor, expires);
    }

    /** Ends the session with this secret (nothing happens for an unknown one). */
    public void logout(String sessionSecret) {
        sessions.delete(Secrets.sha256(sessionSecret));
        cache.invalidateAll();
    }

    /** The actor of an unexpired session of an enabled user. */
    public Optional<Actor> actorForSession(String sessionSecret) {
        String hash = Secrets.sha256(sessionSecret);
        String key = "session:" + hash;
        Optional<Actor> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached;
        }
        long generation = cache.generation();
        Optional<ActiveSession> found = sessions.findActive(hash, clock.instant());
        found.ifPresent(s -> cache.put(key, UserInfo.of(s.user()).actor(), generation, Optional.of(s.expiresAt())));
        return found.map(s -> UserInfo.of(s.user()).actor());
    }

    /** The actor owning this API token, if it exists and the user is enabled; its use is noted (once a minute). */
    public Optional<Actor> actorForToken(String tokenSecret) {
        String hash = Secrets.sha256(tokenSecret);
        String key = "token:" + hash;
        Optional<Actor> actor = cache.get(key);
        if (actor.isEmpty()) {
            long generation = cache.generation();
            actor = tokens.owner(hash).map(u -> UserInfo.of(u).actor());
            actor.ifPresent(a -> cache.put(key, a, generation, Optional.empty()));
        }
        if (actor.isPresent() && cache.touchDue(key)) {
            tokens.touch(hash, clock.instant());
        }
        return actor;
    }

    /** The actor's own account. */
    public UserInfo me(Actor actor) {
        return users.find(actor.userId()).map(UserInfo::of)
                .orElseThrow(() -> new AuthenticationException("the signed-in account no longer exists"));
    }

    /** Changes the actor's own password after checking the current one; other sessions end. */
    public void changePassword(Actor actor, String currentPassword, String newPassword) {
        Credentials.password("new_password", newPassword);
        StoredUser user = users.find(actor.userId())
                .orElseThrow(() -> new AuthenticationException("the signed-in account no longer exists"));
        if (!hasher.verify(currentPassword, user.passwordHash())) {
            throw new AuthenticationException("the current password is wrong");
        }
        users.update(user.id(), new UserChange(Optional.empty(), Optional.empty(), Optional.of(hasher.hash(newPassword))));
        sessions.deleteForUser(user.id());
        cache.invalidateAll();
        audit.record(Optional.of(actor), "user.password", "user:" + user.id(), "changed own password");
    }
}
