package dev.annota.app.auth;

import dev.annota.store.Database;
import dev.annota.store.Ids;
import dev.annota.store.auth.StoredUser;
import dev.annota.store.auth.UserStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** The first start of a server: when there are no users at all, creates the {@code admin} account. */
public final class FirstAdmin {
    /** The account made; {@code generated} when the password was made up here (and must be shown once). */
    public record Created(UserInfo user, String password, boolean generated) {
        public Created {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }
    }

    public static final String USERNAME = "admin";
    private final UserStore users;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;

    public FirstAdmin(Database db, PasswordHasher hasher, AuditTrail audit, Clock clock) {
        this.users = new UserStore(db);
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates {@code admin} with {@code password} (checked against the password rules) or with a random one,
     * when the database has no user yet; empty when it already has users.
     */
    public Optional<Created> ensure(Optional<String> password) {
        if (users.count() > 0) {
            return Optional.empty();
        }
        password.ifPresent(p -> Credentials.password("ANNOTA_ADMIN_PASSWORD", p));
        String pw = password.orElseGet(Secrets::password);
        StoredUser u = new StoredUser(Ids.newId(), USERNAME, hasher.hash(pw), GlobalRole.ADMIN.wireName(), false, clock.instant());
        users.insert(u);
        audit.record(Optional.empty(), "user.create", "user:" + u.id(), "first start: created " + USERNAME + " as admin");
        return Optional.of(new Created(UserInfo.of(u), pw, password.isEmpty()));
    }

    /** The account {@code admin} as an actor, when it exists, is enabled and is still an administrator. */
    public Optional<Actor> actor() {
        return users.findByUsername(USERNAME).filter(u -> !u.disabled() && u.role().equals(GlobalRole.ADMIN.wireName()))
                .map(u -> new Actor(u.id(), u.username(), GlobalRole.ADMIN));
    }
}
