package dev.annota.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.AnnotaException;
import dev.annota.core.error.ConflictException;
import dev.annota.core.error.ValidationException;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import dev.annota.store.models.ModelRecord;
import dev.annota.store.models.ProjectModels;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelRegistryTest {
    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void registers_a_preset_model_as_a_content_addressed_copy(Dialect dialect) throws Exception {
        try (ModelFixture f = new ModelFixture(dialect)) {
            ModelRecord m = f.register("yolox-nano");
            assertEquals("yolox-nano", m.name());
            assertEquals("detection", m.task());
            assertEquals(80, m.labels().size());
            assertEquals(m.onnxSha256().substring(0, 12), m.version());
            assertEquals("models/" + m.onnxSha256(), m.filePath());
            assertTrue(Files.isRegularFile(f.dataDir.resolve(m.filePath()).resolve("yolox_nano.onnx")));
            assertEquals(m, f.registry.get(m.id()));
            assertEquals(List.of(m), f.registry.list());
            assertEquals("yolox-nano", f.registry.open(m).name(), "the stored copy resolves to the same preset");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void refuses_a_second_model_of_the_same_name_and_version(Dialect dialect) throws Exception {
        try (ModelFixture f = new ModelFixture(dialect)) {
            f.register("squeezenet1.1");
            assertThrows(ConflictException.class, () -> f.register("squeezenet1.1"));
            ModelRecord other = f.registry.add(new ModelRegistry.NewModel(ModelFixture.model("squeezenet1.1"), Optional.of("sq"),
                    Optional.of("2")), Optional.empty());
            assertEquals("sq", other.name());
            assertEquals(2, f.registry.list().size());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void maps_labels_by_name_and_by_the_mapping_table_and_reports_the_rest(Dialect dialect) throws Exception {
        try (ModelFixture f = new ModelFixture(dialect)) {
            ModelRecord m = f.register("yolox-nano");
            ProjectModelLinks links = new ProjectModelLinks(f.db, f.registry, dev.annota.app.auth.Access.of(f.db));
            var admin = f.admin;
            ProjectModelLinks.Link link = links.link(admin, f.project, m.id(), Map.of("truck", "car", "Motorcycle", "2"));
            LabelMapping map = link.mapping();
            assertEquals(List.of("bicycle", "car", "motorcycle", "truck", "dog"), map.mapped().stream().map(LabelMapping.Mapped::modelLabel).toList());
            assertEquals(75, map.unmapped().size());
            assertEquals("label_map", map.mapped().get(3).by());
            assertEquals(3, map.mapped().get(3).classId(), "truck becomes car");
            assertEquals(2, map.mapped().get(2).classId(), "motorcycle becomes bicycle, by id");
            assertEquals(link.mapping().map(), new ProjectModels(f.db).get(f.project, m.id()).orElseThrow().labelMap());
            assertEquals(1, links.list(admin, f.project).size());
        }
    }

    @Test
    void maps_imagenet_synonyms_to_a_class_of_one_of_the_names() {
        LabelMapping m = LabelMapping.of(List.of("tabby, tabby cat", "fox squirrel, eastern fox squirrel, Sciurus niger"),
                dev.annota.core.schema.LabelSchema.of("Fox Squirrel"), Map.of());
        assertEquals(1, m.mapped().size());
        assertEquals(List.of("tabby, tabby cat"), m.unmapped());
    }

    @Test
    void names_an_unknown_label_and_an_unknown_class_of_the_mapping_table() {
        ValidationException e = assertThrows(ValidationException.class, () -> LabelMapping.of(List.of("dog", "cat"),
                dev.annota.core.schema.LabelSchema.of("animal"), Map.of("horse", "animal", "dog", "plant")));
        assertEquals(2, e.errors().size());
        String errors = e.errors().toString();
        assertTrue(errors.contains("horse") && errors.contains("plant"), errors);
    }

    @Test
    void a_pull_names_the_file_to_fetch_by_hand_and_its_sha256() {
        AnnotaException e = assertThrows(AnnotaException.class, () -> ModelPulls.pull("yolox-nano"));
        assertTrue(e.getMessage().contains("yolox_nano.onnx") && e.getMessage().contains("e8af0749"), e.getMessage());
        assertThrows(ValidationException.class, () -> ModelPulls.pull("gpt-9"));
    }
}
