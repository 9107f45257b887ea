package dev.annota.server;

import dev.annota.app.auth.Actor;
import dev.annota.app.auth.Authentication;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Finds who is calling: an {@code Authorization: Bearer <token>} header (API token) or the {@code annota_session}
 * cookie (browser session). A credential that is given but wrong is a 401, never silently anonymous.
 */
final class Authenticator {
    static final String COOKIE = Api.SESSION_COOKIE;
    private static final String ATTRIBUTE = "annota.actor";
    private final Authentication authentication;

    Authenticator(Authentication authentication) {
        this.authentication = authentication;
    }

    /** The caller, or empty when the request carries no credential at all. */
    Optional<Actor> actor(Context ctx) {
        Object cached = ctx.attribute(ATTRIBUTE);
        if (cached instanceof Actor a) {
            return Optional.of(a);
        }
        Optional<Actor> actor = resolve(ctx);
        actor.ifPresent(a -> ctx.attribute(ATTRIBUTE, a));
        return actor;
    }

    private Optional<Actor> resolve(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && !header.isBlank()) {
            String[] parts = header.trim().split("\\s+", 2);
            if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
                throw HttpProblem.unauthenticated("expected the header 'Authorization: Bearer <API token>'");
            }
            return Optional.of(authentication.actorForToken(parts[1].trim())
                    .orElseThrow(() -> HttpProblem.unauthenticated("the API token is unknown, was deleted, or its user is disabled")));
        }
        String session = ctx.cookie(COOKIE);
        if (session != null && !session.isBlank()) {
            return Optional.of(authentication.actorForSession(session)
                    .orElseThrow(() -> HttpProblem.unauthenticated("the session has expired or was ended; sign in again")));
        }
        return Optional.empty();
    }
}
