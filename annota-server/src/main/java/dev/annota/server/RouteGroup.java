package dev.annota.server;

/**
 * The routes of one area ({@code AuthRoutes}, {@code UserRoutes}, {@code ProjectRoutes}, ...): registers each of
 * them, with its documentation, on the {@link Api}. Add a group to {@link StandardRoutes}.
 */
@FunctionalInterface
public interface RouteGroup {
    void register(Api api);
}
