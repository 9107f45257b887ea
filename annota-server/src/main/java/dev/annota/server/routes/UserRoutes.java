package dev.annota.server.routes;

import dev.annota.app.auth.GlobalRole;
import dev.annota.app.auth.UserAdministration;
import dev.annota.server.Api;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.ServerContext;
import java.util.Optional;

/** Account administration (admins only). */
public final class UserRoutes implements RouteGroup {
    /** A new account; the role defaults to {@code user}. */
    public record NewUser(String username, String password, String role) {
        public NewUser {
            Require.present("username", username, "a user name");
            Require.present("password", password, "a password");
        }
    }

    /** Changes to an account; absent fields stay as they are. */
    public record UserPatch(String role, Boolean disabled, String password) {
    }

    private final UserAdministration users;

    public UserRoutes(ServerContext ctx) {
        this.users = ctx.auth().users();
    }

    @Override
    public void register(Api api) {
        api.add(Route.post("/users", "Create an account").tag("users").roles("admin").accepts(NewUser.class)
                .returns(UserView.class).status(201), call -> {
            NewUser req = call.body(NewUser.class);
            GlobalRole role = req.role() == null ? GlobalRole.USER : GlobalRole.parse("role", req.role());
            call.respond(UserView.of(users.create(call.actor(), req.username(), req.password(), role)));
        });
        api.add(Route.get("/users", "List the accounts").tag("users").roles("admin").returnsList(UserView.class),
                call -> call.respond(users.list(call.actor()).stream().map(UserView::of).toList()));
        api.add(Route.get("/users/{userId}", "One account").tag("users").roles("admin").returns(UserView.class),
                call -> call.respond(UserView.of(users.get(call.actor(), call.path("userId")))));
        api.add(Route.patch("/users/{userId}", "Change an account's role, disable or enable it, or reset its password")
                .tag("users").roles("admin").accepts(UserPatch.class).returns(UserView.class), call -> {
            UserPatch p = call.body(UserPatch.class);
            UserAdministration.Update update = new UserAdministration.Update(
                    Optional.ofNullable(p.role()).map(r -> GlobalRole.parse("role", r)),
                    Optional.ofNullable(p.disabled()), Optional.ofNullable(p.password()));
            call.respond(UserView.of(users.update(call.actor(), call.path("userId"), update)));
        });
    }
}
