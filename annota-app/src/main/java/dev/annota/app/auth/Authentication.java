package dev.annota.app.auth;

import dev.annota.store.Database;
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
 * says the same thing, and takes about as long, whether or not the user exists.
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

    public Authentication(Database db, PasswordHasher hasher, AuditTrail audit, Clock clock, Duration sessionTtl) {
        this.users = new UserStore(db);
        this.sessions = new SessionStore(db);
        this.tokens = new TokenStore(db);
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.sessionTtl = sessionTtl;
        this.dummyHash = hasher.hash(Secrets.token());
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
    }

    /** The actor of an unexpired session of an enabled user. */
    public Optional<Actor> actorForSession(String sessionSecret) {
        return sessions.findUser(Secrets.sha256(sessionSecret), clock.instant()).map(u -> UserInfo.of(u).actor());
    }

    /** The actor owning this API token, if it exists and the user is enabled. */
    public Optional<Actor> actorForToken(String tokenSecret) {
        return tokens.findUser(Secrets.sha256(tokenSecret), clock.instant()).map(u -> UserInfo.of(u).actor());
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
        audit.record(Optional.of(actor), "user.password", "user:" + user.id(), "changed own password");
    }
}
