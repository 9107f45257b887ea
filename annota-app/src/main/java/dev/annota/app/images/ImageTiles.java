package dev.annota.app.images;

import dev.annota.app.auth.Actor;
import dev.annota.store.images.ImageRecord;
import dev.annota.store.images.StoredFile;
import dev.annota.store.images.TilePyramid;
import java.io.IOException;
import java.util.Objects;

/**
 * The tile pyramid of an image for a viewer: its layout, and one tile, each with the same access rule as the
 * original (any member of the image's project, or an admin). Tiles are made on first request and cached by
 * content hash (see {@link TilePyramid}).
 */
public final class ImageTiles {
    private final ImageCatalog catalog;
    private final TilePyramid pyramid;

    public ImageTiles(ImageCatalog catalog, TilePyramid pyramid) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.pyramid = Objects.requireNonNull(pyramid, "pyramid");
    }

    /** An image with its pyramid's layout. */
    public record Info(ImageRecord image, TilePyramid.Layout layout) {
    }

    public Info info(Actor actor, String imageId) {
        ImageRecord image = catalog.image(actor, imageId);
        return new Info(image, TilePyramid.Layout.of(image.width(), image.height()));
    }

    /** The tile (level, x, y); a coordinate outside the pyramid is a ValidationException naming it. */
    public ImageCatalog.Served tile(Actor actor, String imageId, int level, int x, int y) throws IOException {
        ImageCatalog.Served original = catalog.original(actor, imageId);
        ImageRecord image = original.image();
        TilePyramid.Layout layout = TilePyramid.Layout.of(image.width(), image.height());
        StoredFile tile = pyramid.tile(image.sha256(), original.file().path(), image.format(), image.orientation(), layout, level, x, y);
        return new ImageCatalog.Served(image, tile);
    }
}
