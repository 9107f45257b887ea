package dev.annota.app.auth;

import dev.annota.core.error.ConflictException;
import dev.annota.core.error.NotFoundException;
import dev.annota.store.Database;
import dev.annota.store.Ids;
import dev.annota.store.auth.SessionStore;
import dev.annota.store.auth.StoredUser;
import dev.annota.store.auth.TokenStore;
import dev.annota.store.auth.UserChange;
import dev.annota.store.auth.UserStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Admins create, list and change local accounts. The last enabled admin cannot be demoted or disabled. */
public final class UserAdministration {
    /** What an admin changes in an account; an empty field stays as it is. */
    public record Update(Optional<GlobalRole> role, Optional<Boolean> disabled, Optional<String> password) {
        public Update {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(disabled, "disabled");
            Objects.requireNonNull(password, "password");
        }
    }

    private final UserStore users;
    private final SessionStore sessions;
    private final TokenStore tokens;
    private final PasswordHasher hasher;
    private final Access access;
    private final AuditTrail audit;
    private final Clock clock;
    private final CredentialCache cache;

    /** {@code cache}: the one {@link Authentication} reads, emptied by every change of an account. */
    public UserAdministration(Database db, PasswordHasher hasher, Access access, AuditTrail audit, Clock clock,
                              CredentialCache cache) {
        this.users = new UserStore(db);
        this.sessions = new SessionStore(db);
        this.tokens = new TokenStore(db);
        this.hasher = hasher;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.cache = java.util.Objects.requireNonNull(cache, "cache");
    }

    /** Creates an account (admin only); a taken name is a {@link ConflictException}. */
    public UserInfo create(Actor actor, String username, String password, GlobalRole role) {
        access.requireAdmin(actor);
        Credentials.username("username", username);
        Credentials.password("password", password);
        StoredUser u = new StoredUser(Ids.newId(), username, hasher.hash(password), role.wireName(), false, clock.instant());
        users.insert(u);
        audit.record(Optional.of(actor), "user.create", "user:" + u.id(), "created " + username + " as " + role.wireName());
        return UserInfo.of(u);
    }

    /** Every account (admin only). */
    public List<UserInfo> list(Actor actor) {
        access.requireAdmin(actor);
        return users.list().stream().map(UserInfo::of).toList();
    }

    /** One account (admin only). */
    public UserInfo get(Actor actor, String userId) {
        access.requireAdmin(actor);
        return users.find(userId).map(UserInfo::of).orElseThrow(() -> notFound(userId));
    }

    /**
     * Changes role, enabled state or password (admin only). Disabling an account or resetting its password
     * ends its sessions; disabling also deletes its API tokens.
     */
    public UserInfo update(Actor actor, String userId, Update update) {
        access.requireAdmin(actor);
        update.password().ifPresent(p -> Credentials.password("password", p));
        StoredUser before = users.find(userId).orElseThrow(() -> notFound(userId));
        boolean losesAdmin = before.role().equals(GlobalRole.ADMIN.wireName()) && !before.disabled()
                && (update.role().filter(r -> r != GlobalRole.ADMIN).isPresent() || update.disabled().orElse(false));
        if (losesAdmin && users.countEnabled(GlobalRole.ADMIN.wireName()) <= 1) {
            throw new ConflictException(before.username() + " is the last enabled admin; make another admin first");
        }
        users.update(userId, new UserChange(update.role().map(GlobalRole::wireName), update.disabled(),
                update.password().map(hasher::hash)));
        if (update.disabled().orElse(false) || update.password().isPresent()) {
            sessions.deleteForUser(userId);
        }
        if (update.disabled().orElse(false)) {
            tokens.deleteForUser(userId);
        }
        cache.invalidateAll();
        audit.record(Optional.of(actor), "user.update", "user:" + userId, describe(before, update));
        return users.find(userId).map(UserInfo::of).orElseThrow(() -> notFound(userId));
    }

    private static String describe(StoredUser before, Update u) {
        List<String> parts = new ArrayList<>();
        u.role().ifPresent(r -> parts.add("role " + before.role() + " -> " + r.wireName()));
        u.disabled().ifPresent(d -> parts.add(d ? "disabled" : "enabled"));
        u.password().ifPresent(p -> parts.add("password reset"));
        return before.username() + ": " + (parts.isEmpty() ? "no change" : String.join(", ", parts));
    }

    private static NotFoundException notFound(String userId) {
        return new NotFoundException("no user " + userId);
    }
}
