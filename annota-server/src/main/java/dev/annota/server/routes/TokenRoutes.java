package dev.annota.server.routes;

import dev.annota.app.auth.ApiTokens;
import dev.annota.server.Api;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.ServerContext;
import java.time.Instant;

/** The caller's API tokens, for scripts: {@code Authorization: Bearer <token>}. */
public final class TokenRoutes implements RouteGroup {
    /** A token to make. */
    public record TokenRequest(String name) {
        public TokenRequest {
            Require.present("name", name, "a name for the token");
        }
    }

    /** A token as listed. */
    public record TokenView(String id, String name, String createdAt, String lastUsedAt) {
        static TokenView of(ApiTokens.TokenInfo t) {
            return new TokenView(t.id(), t.name(), t.createdAt().toString(), t.lastUsedAt().map(Instant::toString).orElse(null));
        }
    }

    /** A token just made: the secret is shown this once. */
    public record NewTokenView(String id, String name, String createdAt, String token) {
    }

    private final ApiTokens tokens;

    public TokenRoutes(ServerContext ctx) {
        this.tokens = ctx.auth().tokens();
    }

    @Override
    public void register(Api api) {
        api.add(Route.post("/auth/tokens", "Create an API token (its secret is shown only in this response)").tag("auth")
                .accepts(TokenRequest.class).returns(NewTokenView.class).status(201), call -> {
            ApiTokens.NewToken t = tokens.create(call.actor(), call.body(TokenRequest.class).name());
            call.respond(new NewTokenView(t.info().id(), t.info().name(), t.info().createdAt().toString(), t.secret()));
        });
        api.add(Route.get("/auth/tokens", "The caller's API tokens").tag("auth").returnsList(TokenView.class),
                call -> call.respond(tokens.list(call.actor()).stream().map(TokenView::of).toList()));
        api.add(Route.delete("/auth/tokens/{tokenId}", "Delete one of the caller's API tokens").tag("auth"), call -> {
            tokens.delete(call.actor(), call.path("tokenId"));
            call.noContent();
        });
    }
}
