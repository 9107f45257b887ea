package dev.annota.app.auth;

import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.store.Database;
import dev.annota.store.Ids;
import dev.annota.store.auth.StoredToken;
import dev.annota.store.auth.TokenStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A user's API tokens for scripts: the secret is shown once at creation; only its SHA-256 is kept. */
public final class ApiTokens {
    /** A token as listed (never the secret). */
    public record TokenInfo(String id, String name, Instant createdAt, Optional<Instant> lastUsedAt) {
        public TokenInfo {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        }
    }

    /** A token just made, with its secret. */
    public record NewToken(TokenInfo info, String secret) {
        public NewToken {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(secret, "secret");
        }
    }

    /** Prefix of every token secret, so that leaked tokens are easy to recognise. */
    public static final String PREFIX = "annota_";
    private final TokenStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final CredentialCache cache;

    /** {@code cache}: the one {@link Authentication} reads, emptied when a token is deleted. */
    public ApiTokens(Database db, AuditTrail audit, Clock clock, CredentialCache cache) {
        this.store = new TokenStore(db);
        this.audit = audit;
        this.clock = clock;
        this.cache = java.util.Objects.requireNonNull(cache, "cache");
    }

    /** A new token of the actor, named {@code name} (1 to 100 characters). */
    public NewToken create(Actor actor, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ValidationException.of("name", name, "expected a token name of 1 to 100 characters");
        }
        String secret = PREFIX + Secrets.token();
        StoredToken t = new StoredToken(Ids.newId(), actor.userId(), name.strip(), Secrets.sha256(secret), clock.instant(),
                Optional.empty());
        store.insert(t);
        audit.record(Optional.of(actor), "token.create", "token:" + t.id(), "created API token '" + t.name() + "'");
        return new NewToken(info(t), secret);
    }

    /** The actor's own tokens. */
    public List<TokenInfo> list(Actor actor) {
        return store.list(actor.userId()).stream().map(ApiTokens::info).toList();
    }

    /** Deletes one of the actor's own tokens; someone else's token is as unknown as a missing one. */
    public void delete(Actor actor, String tokenId) {
        if (!store.delete(tokenId, actor.userId())) {
            throw new NotFoundException("no API token " + tokenId + " of " + actor.username());
        }
        cache.invalidateAll();
        audit.record(Optional.of(actor), "token.delete", "token:" + tokenId, "deleted API token");
    }

    private static TokenInfo info(StoredToken t) {
        return new TokenInfo(t.id(), t.name(), t.createdAt(), t.lastUsedAt());
    }
}
