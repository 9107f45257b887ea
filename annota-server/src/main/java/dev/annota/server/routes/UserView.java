package dev.annota.server.routes;

import dev.annota.app.auth.UserInfo;

/** A user in responses. */
public record UserView(String id, String username, String role, boolean disabled, String createdAt) {
    public static UserView of(UserInfo u) {
        return new UserView(u.id(), u.username(), u.role().wireName(), u.disabled(), u.createdAt().toString());
    }
}
