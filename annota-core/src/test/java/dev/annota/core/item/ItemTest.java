package dev.annota.core.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annota.core.annotation.BoundsPolicy;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ItemTest {
    private static final LabelSchema SCHEMA = LabelSchema.of("car");
    private static final LabelId CAR = LabelId.of(1);
    private static final ImageRef IMAGE = ImageRef.of("images/a.jpg", new ImageSize(100, 80));

    @Test
    void validated_clips_annotations_to_a_known_image_size() {
        Item item = Item.of("a", IMAGE, List.of(BoxAnnotation.of(CAR, new PixelBox(90, 70, 20, 20))));
        Item clipped = item.validated(SCHEMA, BoundsPolicy.CLIP);
        assertEquals(new PixelBox(90, 70, 10, 10), ((BoxAnnotation) clipped.annotations().get(0)).box());
    }

    @Test
    void validated_returns_the_same_item_when_nothing_changes() {
        Item item = Item.of("a", IMAGE, List.of(Tag.of(CAR)));
        assertSame(item, item.validated(SCHEMA, BoundsPolicy.REJECT));
    }

    @Test
    void validated_reports_schema_and_bounds_errors_together_located_at_the_item() {
        Item item = Item.of("a", IMAGE, List.of(
                BoxAnnotation.of(LabelId.of(5), new PixelBox(0, 0, 1, 1)),
                BoxAnnotation.of(CAR, new PixelBox(0, 0, 200, 1))));
        ValidationException e = assertThrows(ValidationException.class, () -> item.validated(SCHEMA, BoundsPolicy.REJECT));
        assertEquals(List.of("item a: annotations[0]", "item a: annotations[1]"),
                e.errors().stream().map(FieldError::location).toList());
        assertEquals(List.of("label", "box"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void skips_bounds_checks_when_the_image_size_is_unknown() {
        Item item = Item.of("a", ImageRef.of("a.jpg"), List.of(BoxAnnotation.of(CAR, new PixelBox(5000, 0, 1, 1))));
        assertSame(item, item.validated(SCHEMA, BoundsPolicy.REJECT));
    }

    @Test
    void rejects_blank_ids_subsets_and_locations_and_bad_hashes() {
        assertEquals("id", assertThrows(ValidationException.class, () -> Item.of(" ", IMAGE, List.of())).errors().get(0).field());
        assertEquals("subset", assertThrows(ValidationException.class,
                () -> Item.of("a", IMAGE, List.of()).withSubset("")).errors().get(0).field());
        assertEquals("image", assertThrows(ValidationException.class, () -> ImageRef.of("")).errors().get(0).field());
        assertEquals("sha256", assertThrows(ValidationException.class,
                () -> ImageRef.of("a.jpg").withSha256("abc")).errors().get(0).field());
    }

    @Test
    void stores_sha256_in_lower_case() {
        String hash = "AB".repeat(32);
        assertEquals(Optional.of("ab".repeat(32)), ImageRef.of("a.jpg").withSha256(hash).sha256());
    }

    @Test
    void items_and_image_refs_compare_by_value() {
        Item a = new Item("a", IMAGE, "train", List.of(Tag.of(CAR)), Map.of("camera", "3"));
        Item b = new Item("a", ImageRef.of("images/a.jpg", new ImageSize(100, 80)), "train", List.of(Tag.of(CAR)),
                Map.of("camera", "3"));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, b.withSubset("val"));
    }

    @Test
    void in_memory_datasets_refuse_duplicate_item_ids_and_know_their_size() {
        Item a = Item.of("a", IMAGE, List.of());
        ValidationException e = assertThrows(ValidationException.class, () -> InMemoryDataset.of(SCHEMA, List.of(a, a)));
        assertEquals("items[1].id", e.errors().get(0).field());
        InMemoryDataset one = InMemoryDataset.of(SCHEMA, List.of(a));
        assertEquals(OptionalLong.of(1), one.size());
        assertEquals(one, InMemoryDataset.copyOf(Dataset.streaming(SCHEMA, () -> List.of(a).stream())));
    }
}
