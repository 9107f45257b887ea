package dev.annota.app.models;

import dev.annota.app.auth.Actor;
import dev.annota.app.auth.ProjectRole;
import dev.annota.app.images.ImageCatalog;
import dev.annota.infer.image.ImageDecoder;
import dev.annota.infer.image.RgbImage;
import dev.annota.store.images.ImageRecord;
import java.io.IOException;
import java.nio.file.Files;

/** Reads a project image for a model: the caller must be a member of its project (with one of the roles). */
final class ModelImages {
    private final ImageCatalog catalog;

    ModelImages(ImageCatalog catalog) {
        this.catalog = catalog;
    }

    /** The image's record and its upright pixels. */
    record Loaded(ImageRecord record, RgbImage pixels) {
    }

    Loaded load(Actor actor, String imageId, ProjectRole... roles) throws IOException {
        ImageRecord record = catalog.image(actor, imageId, roles);
        ImageCatalog.Served served = catalog.original(actor, imageId);
        return new Loaded(record, ImageDecoder.decode(Files.readAllBytes(served.file().path()), "image " + imageId));
    }
}
