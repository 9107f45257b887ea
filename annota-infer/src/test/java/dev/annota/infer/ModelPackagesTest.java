package dev.annota.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.AnnotaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPackagesTest {
    @TempDir
    Path tmp;

    Path copyUltraface(String as) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("face"));
        Files.copy(SharedModels.model("ultraface-rfb-320").resolve("version-RFB-320.onnx"), dir.resolve(as));
        Files.writeString(dir.resolve("labels.txt"), "background\nface\n");
        return dir;
    }

    @Test
    void a_renamed_onnx_file_is_matched_to_its_preset_by_content() throws IOException {
        Path dir = copyUltraface("faces.onnx");
        ModelPackage p = ModelPackages.resolve(dir);
        assertEquals("preset ultraface-rfb-320", p.source());
        assertEquals(dir.resolve("faces.onnx").toAbsolutePath(), p.modelFile());
        assertEquals("face", p.labels().get(1).name());
    }

    @Test
    void a_folder_with_model_json_uses_it() throws IOException {
        Path dir = copyUltraface("m.onnx");
        Files.writeString(dir.resolve("model.json"), """
                {"name": "my-faces", "task": "detection", "model": "m.onnx", "labels": ["bg", "person face"],
                 "input": {"width": 320, "height": 240, "mean": 127, "std": 128},
                 "output": {"decoder": "boxes", "scores": "scores", "boxes": "boxes", "background_class": 0}}
                """);
        ModelPackage p = ModelPackages.resolve(dir);
        assertEquals("my-faces", p.name());
        assertTrue(p.source().startsWith("model.json at "), p.source());
        try (Predictor pr = Predictor.load(p, PredictorOptions.defaults())) {
            Prediction r = pr.predict(SharedModels.photo("grace_hopper.jpg"));
            assertEquals("person face", r.detections().get(0).label().name());
        }
    }

    @Test
    void a_sha256_that_does_not_match_the_file_is_refused() throws IOException {
        Path dir = copyUltraface("m.onnx");
        Files.writeString(dir.resolve("model.json"), """
                {"task": "detection", "model": "m.onnx", "labels": ["bg", "face"], "sha256": "%s",
                 "input": {"width": 320, "height": 240},
                 "output": {"decoder": "boxes", "scores": "scores", "boxes": "boxes"}}
                """.formatted("0".repeat(64)));
        AnnotaException e = assertThrows(AnnotaException.class, () -> ModelPackages.resolve(dir));
        assertTrue(e.getMessage().contains("model.json#/sha256: field 'sha256'"), e.getMessage());
    }

    @Test
    void a_descriptor_whose_size_disagrees_with_the_model_is_refused_when_loading() throws IOException {
        Path dir = copyUltraface("m.onnx");
        Files.writeString(dir.resolve("model.json"), """
                {"task": "detection", "model": "m.onnx", "labels": ["bg", "face"],
                 "input": {"width": 640, "height": 480},
                 "output": {"decoder": "boxes", "scores": "scores", "boxes": "boxes"}}
                """);
        ModelPackage p = ModelPackages.resolve(dir);
        AnnotaException e = assertThrows(AnnotaException.class, () -> Predictor.load(p, PredictorOptions.defaults()));
        assertTrue(e.getMessage().contains("[1, 3, 240, 320]") && e.getMessage().contains("640x480"), e.getMessage());
    }

    @Test
    void an_unknown_onnx_file_without_descriptor_names_the_presets() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mystery"));
        Files.write(dir.resolve("net.onnx"), new byte[] {1, 2, 3});
        AnnotaException e = assertThrows(AnnotaException.class, () -> ModelPackages.resolve(dir));
        assertTrue(e.getMessage().contains("net.onnx") && e.getMessage().contains("yolox-nano"), e.getMessage());
    }

    @Test
    void a_file_that_is_not_onnx_is_a_clear_error_when_loading() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("broken"));
        Files.write(dir.resolve("yolox_nano.onnx"), "not a model".getBytes());
        Files.writeString(dir.resolve("coco80_labels.txt"), "person\n");
        ModelPackage p = ModelPackages.resolve(dir); // matched by file name
        AnnotaException e = assertThrows(AnnotaException.class, () -> Predictor.load(p, PredictorOptions.defaults()));
        assertTrue(e.getMessage().contains("not a loadable ONNX model"), e.getMessage());
    }

    @Test
    void a_missing_path_is_a_clear_error() {
        AnnotaException e = assertThrows(AnnotaException.class, () -> ModelPackages.resolve(tmp.resolve("nope")));
        assertTrue(e.getMessage().endsWith("nope: no such model file or folder"), e.getMessage());
    }
}
