package dev.annota.server.routes;

import dev.annota.app.auth.Authentication;
import dev.annota.server.Api;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.ServerContext;
import java.time.Duration;
import java.time.Instant;

/** Signing in and out with a session cookie, the signed-in account, and changing one's own password. */
public final class AuthRoutes implements RouteGroup {
    private static final String COOKIE = Api.SESSION_COOKIE;

    /** Credentials. */
    public record LoginRequest(String username, String password) {
        public LoginRequest {
            Require.present("username", username, "a user name");
            Require.present("password", password, "a password");
        }
    }

    /** A new session. */
    public record LoginResponse(UserView user, String expiresAt) {
    }

    /** A password change. */
    public record PasswordChange(String currentPassword, String newPassword) {
        public PasswordChange {
            Require.present("current_password", currentPassword, "the current password");
            Require.present("new_password", newPassword, "the new password");
        }
    }

    private final Authentication auth;

    public AuthRoutes(ServerContext ctx) {
        this.auth = ctx.auth().authentication();
    }

    @Override
    public void register(Api api) {
        api.add(Route.post("/auth/login", "Sign in; sets the session cookie").tag("auth").open()
                .accepts(LoginRequest.class).returns(LoginResponse.class), call -> {
            LoginRequest req = call.body(LoginRequest.class);
            Authentication.Session s = auth.login(req.username(), req.password());
            long maxAge = Math.max(0, Duration.between(Instant.now(), s.expiresAt()).getSeconds());
            call.ctx().header("Set-Cookie", COOKIE + "=" + s.secret() + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict");
            call.respond(new LoginResponse(UserView.of(auth.me(s.actor())), s.expiresAt().toString()));
        });
        api.add(Route.post("/auth/logout", "Sign out: ends the session of the cookie").tag("auth").open().status(204), call -> {
            String secret = call.ctx().cookie(COOKIE);
            if (secret != null && !secret.isBlank()) {
                auth.logout(secret);
            }
            call.ctx().header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
            call.noContent();
        });
        api.add(Route.get("/auth/me", "The signed-in account").tag("auth").returns(UserView.class),
                call -> call.respond(UserView.of(auth.me(call.actor()))));
        api.add(Route.post("/auth/password", "Change one's own password (ends all sessions)").tag("auth")
                .accepts(PasswordChange.class).status(204), call -> {
            PasswordChange req = call.body(PasswordChange.class);
            auth.changePassword(call.actor(), req.currentPassword(), req.newPassword());
            call.noContent();
        });
    }
}
