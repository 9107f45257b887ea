package dev.annota.app.auth;

import dev.annota.store.Database;
import java.time.Clock;
import java.time.Duration;

/** The auth use cases over one database, wired together (one {@link Access}, one {@link AuditTrail}). */
public record AuthServices(Access access, AuditTrail audit, Authentication authentication, ApiTokens tokens,
                           UserAdministration users, ProjectMembers members, FirstAdmin firstAdmin) {

    /** Standard Argon2id cost, the system clock and the given session lifetime. */
    public static AuthServices of(Database db, Duration sessionTtl) {
        return of(db, PasswordHasher.standard(), Clock.systemUTC(), sessionTtl);
    }

    public static AuthServices of(Database db, PasswordHasher hasher, Clock clock, Duration sessionTtl) {
        Access access = Access.of(db);
        AuditTrail audit = new AuditTrail(db, access, clock);
        CredentialCache credentials = new CredentialCache(clock, CredentialCache.DEFAULT_TTL);
        return new AuthServices(access, audit, new Authentication(db, hasher, audit, clock, sessionTtl, credentials),
                new ApiTokens(db, audit, clock, credentials), new UserAdministration(db, hasher, access, audit, clock, credentials),
                new ProjectMembers(db, access, audit, clock), new FirstAdmin(db, hasher, audit, clock));
    }
}
