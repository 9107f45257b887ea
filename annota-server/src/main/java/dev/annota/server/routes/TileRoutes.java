package dev.annota.server.routes;

import dev.annota.app.images.ImageCatalog;
import dev.annota.app.images.ImageTiles;
import dev.annota.core.error.ValidationException;
import dev.annota.server.Api;
import dev.annota.server.Call;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.ServerContext;
import dev.annota.store.images.ImageStore;
import dev.annota.store.images.TilePyramid;

/**
 * Large images for the viewer: the tile pyramid's layout ({@code GET /images/{imageId}/tiles}) and its tiles
 * ({@code GET /images/{imageId}/tiles/{level}/{x}/{y}}: JPEG, level 0 full resolution, each next level half the
 * size), with the original's access rule and caching (strong ETag, immutable, 304, ranges).
 */
public final class TileRoutes implements RouteGroup {
    private final ImageTiles tiles;

    public TileRoutes(ServerContext ctx) {
        ImageStore store = new ImageStore(ctx.config().dataDir());
        this.tiles = new ImageTiles(new ImageCatalog(ctx.db(), store, ctx.access()), new TilePyramid(ctx.config().dataDir()));
    }

    /** The pyramid of an image: level 0 is {@code width × height}; level l is 1/2^l of it, cut in tiles. */
    public record TileInfoView(String imageId, int width, int height, int tileSize, int levels, String format, String urlTemplate) {
        static TileInfoView of(ImageTiles.Info i) {
            return new TileInfoView(i.image().id(), i.layout().width(), i.layout().height(), i.layout().tileSize(),
                    i.layout().levels(), "jpeg", "/api/v1/images/" + i.image().id() + "/tiles/{level}/{x}/{y}");
        }
    }

    @Override
    public void register(Api api) {
        String members = "admin, or a member of the image's project (any role)";
        api.add(Route.get("/images/{imageId}/tiles", "The image's tile pyramid: size, tile size, levels (0 = full "
                        + "resolution, each next level half), URL template").tag("images").roles(members).returns(TileInfoView.class),
                call -> call.respond(TileInfoView.of(tiles.info(call.actor(), call.path("imageId")))));
        api.add(Route.get("/images/{imageId}/tiles/{level}/{x}/{y}", "One JPEG tile of the pyramid, made on first request "
                        + "(ETag, immutable caching)").tag("images").roles(members), call -> {
            ImageCatalog.Served s = tiles.tile(call.actor(), call.path("imageId"), number(call, "level"), number(call, "x"), number(call, "y"));
            FileResponses.send(call.ctx(), s.file(), s.file().sha256(), s.image().createdAt());
        });
    }

    private static int number(Call call, String name) {
        String raw = call.path(name);
        if (!raw.matches("\\d{1,6}")) {
            throw ValidationException.of(name, raw, "expected a whole number >= 0 in the tile path");
        }
        return Integer.parseInt(raw);
    }
}
