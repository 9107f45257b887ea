package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.LabelId;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Restoring a version whose classes were deleted since needs an explicit choice in the restore request. */
class AnnotationRestoreApiTest {
    static Stream<Dialect> dialects() {
        return TestDatabases.dialects();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_version_with_a_deleted_class_is_restored_only_with_an_explicit_choice(Dialect dialect) {
        try (TestServer t = TestServer.start(dialect)) {
            Http admin = t.admin();
            String p = ProjectApi.create(admin, "Streets", ProjectApi.TWO_CLASSES);
            String image = ProjectApi.annotatedImage(t, p, "img-1", List.of(BoxAnnotation.of(LabelId.of(1), new PixelBox(1, 1, 5, 5)),
                    BoxAnnotation.of(LabelId.of(2), new PixelBox(2, 2, 5, 5))));
            assertEquals(200, admin.delete("/projects/" + p + "/schema/classes/1?schema_version=0&on_use=delete_annotations").status());
            String restore = "/images/" + image + "/annotations/restore";

            Http.Response refused = admin.post(restore, "{\"version\":1,\"expected_version\":2}");
            assertEquals(409, refused.status(), refused.text());
            assertEquals("/problems/change-refused", refused.json().get("type").asText());
            assertTrue(refused.json().get("detail").asText().contains("1 annotation of deleted class [1]"), refused.text());
            Http.Response keep = admin.post(restore, "{\"version\":1,\"expected_version\":2,\"on_use\":\"keep_annotations\"}");
            assertEquals(400, keep.status(), keep.text());
            assertTrue(keep.text().contains("on_use"), keep.text());
            Http.Response noTarget = admin.post(restore, "{\"version\":1,\"expected_version\":2,\"on_use\":\"reassign_to\"}");
            assertEquals(400, noTarget.status(), noTarget.text());
            assertTrue(noTarget.text().contains("reassign_to"), noTarget.text());

            Http.Response moved = admin.post(restore, "{\"version\":1,\"expected_version\":2,\"on_use\":\"reassign_to\",\"reassign_to\":2}");
            assertEquals(200, moved.status(), moved.text());
            assertEquals(3, moved.json().get("version").asInt());
            assertEquals(2, moved.json().get("annotations").get(0).get("label").asInt(), moved.text());
            assertTrue(moved.json().get("source").asText().contains("relabelled to \"Bus\" (id 2)"), moved.text());

            Http.Response without = admin.post(restore, "{\"version\":1,\"expected_version\":3,\"on_use\":\"delete_annotations\"}");
            assertEquals(200, without.status(), without.text());
            assertEquals(1, without.json().get("annotations").size(), without.text());
        }
    }
}
