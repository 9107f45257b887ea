package dev.annota.infer.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.infer.Presets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DescriptorReaderTest {
    static final String VALID = """
            {"task": "classification", "model": "m.onnx", "labels": ["a", "b"],
             "input": {"width": 224, "height": 224, "resize": {"mode": "center_crop", "shorter_side": 256},
                       "color": "bgr", "mean": [1, 2, 3], "std": 2},
             "output": {"decoder": "classifier", "name": "out", "activation": "softmax"},
             "postprocess": {"top_k": 3}}
            """;

    static ModelDescriptor read(String json) throws IOException {
        return DescriptorReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "model.json");
    }

    @Test
    void reads_a_full_descriptor_with_defaults_for_what_is_left_out() throws IOException {
        ModelDescriptor d = read(VALID);
        assertEquals("m", d.name());
        assertEquals(Task.CLASSIFICATION, d.task());
        assertEquals(Layout.NCHW, d.input().layout());
        assertEquals(ColorOrder.BGR, d.input().color());
        assertEquals(ResizeMode.CENTER_CROP, d.input().resize().mode());
        assertEquals(256, d.input().resize().shorterSide());
        assertEquals(ResizeFilter.BILINEAR, d.input().resize().filter());
        assertEquals(2.0, d.input().std()[1]);
        assertEquals(TensorType.FP32, d.input().dtype());
        assertEquals(new OutputSpec.Classifier("out", Activation.SOFTMAX), d.output());
        assertEquals(3, d.postprocess().topK());
        assertEquals(0.0, d.postprocess().scoreThreshold());
    }

    @Test
    void every_preset_in_the_jar_parses() {
        assertEquals(Presets.NAMES, Presets.all().stream().map(ModelDescriptor::name).toList());
        assertTrue(Presets.all().stream().allMatch(d -> d.sha256().isPresent()));
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of("\"task\": \"classification\"", "\"task\": \"regression\"", "model.json#/task", "task", "regression"),
                Arguments.of("\"width\": 224", "\"width\": \"wide\"", "model.json#/input/width", "width", "wide"),
                Arguments.of("\"width\": 224", "\"width\": 0", "model.json#/input", "size", "0x224"),
                Arguments.of("\"mean\": [1, 2, 3]", "\"mean\": [1, 2]", "model.json#/input/mean", "mean", "[1,2]"),
                Arguments.of("\"mean\": [1, 2, 3]", "\"mean\": [1, \"x\", 3]", "model.json#/input/mean/1", "mean", "x"),
                Arguments.of("\"std\": 2", "\"std\": 0", "model.json#/input", "std", "0.0"),
                Arguments.of("\"color\": \"bgr\"", "\"color\": \"cmyk\"", "model.json#/input/color", "color", "cmyk"),
                Arguments.of("\"color\": \"bgr\"", "\"color\": \"bgr\", \"resize_filter\": \"bicubic\"", "model.json#/input/resize_filter",
                        "resize_filter", "bicubic"),
                Arguments.of("\"mode\": \"center_crop\"", "\"mode\": \"zoom\"", "model.json#/input/resize/mode", "mode", "zoom"),
                Arguments.of("\"shorter_side\": 256", "\"shorter_side\": 100", "model.json#/input", "shorter_side", "100"),
                Arguments.of("\"decoder\": \"classifier\"", "\"decoder\": \"yolo9\"", "model.json#/output/decoder", "decoder", "yolo9"),
                Arguments.of("\"activation\": \"softmax\"", "\"activation\": \"relu\"", "model.json#/output/activation", "activation", "relu"),
                Arguments.of("\"top_k\": 3", "\"top_k\": 0", "model.json#/postprocess", "top_k", "0"),
                Arguments.of("\"top_k\": 3", "\"treshold\": 0.3", "model.json#/postprocess/treshold", "treshold", "0.3"),
                Arguments.of("\"model\": \"m.onnx\",", "", "model.json#/model", "model", null),
                Arguments.of("\"task\": \"classification\"", "\"task\": \"detection\"", "model.json#/", "output.decoder", "classifier"));
    }

    @ParameterizedTest(name = "{3} at {2}")
    @MethodSource("badFields")
    void a_bad_field_is_reported_with_its_json_pointer_field_and_value(String from, String to, String location, String field,
            String value) {
        assertTrue(VALID.contains(from), from);
        ValidationException e = assertThrows(ValidationException.class, () -> read(VALID.replace(from, to)));
        FieldError err = e.errors().get(0);
        assertEquals(location, err.location(), e.getMessage());
        assertEquals(field, err.field(), e.getMessage());
        assertEquals(value, err.value(), e.getMessage());
    }

    @Test
    void the_resize_filter_is_read_from_input_resize_filter() throws IOException {
        ModelDescriptor d = read(VALID.replace("\"color\": \"bgr\"", "\"color\": \"bgr\", \"resize_filter\": \"bilinear_antialias\""));
        assertEquals(ResizeFilter.BILINEAR_ANTIALIAS, d.input().resize().filter());
        assertEquals(ResizeMode.CENTER_CROP, d.input().resize().mode());
    }

    @Test
    void broken_json_names_the_line_and_column() {
        ValidationException e = assertThrows(ValidationException.class, () -> read("{\n  \"task\": }"));
        assertTrue(e.getMessage().startsWith("model.json:2:"), e.getMessage());
    }
}
