package dev.annota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.infer.Predictor;
import dev.annota.infer.PredictorOptions;
import dev.annota.infer.serve.ModelServer;
import dev.annota.infer.serve.ServeOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServeModelCommandTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void the_server_answers_exactly_what_annota_predict_json_prints() throws Exception {
        String model = PredictCommandTest.shared("models/yolox-nano");
        List<String> photos = List.of(PredictCommandTest.shared("images/photos/darknet_dog_bicycle_truck.jpg"),
                PredictCommandTest.shared("images/photos/coffee.png"));
        CliBasicsTest.Run cli = CliBasicsTest.run(Stream.concat(Stream.of("predict", "--model", model, "--json"), photos.stream())
                .toArray(String[]::new));
        assertEquals(0, cli.code(), cli.err());
        JsonNode printed = MAPPER.readTree(cli.out());
        try (Predictor p = Predictor.load(Path.of(model), PredictorOptions.defaults());
             ModelServer server = ModelServer.start(p, ServeOptions.defaults().withPort(0))) {
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < photos.size(); i++) {
                URI uri = server.uri().resolve("/v1/predict?name=" + java.net.URLEncoder.encode(photos.get(i), "UTF-8"));
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofFile(Path.of(photos.get(i)))).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                ObjectNode want = MAPPER.createObjectNode();
                want.putArray("results").add(printed.get("results").get(i));
                assertEquals(want, MAPPER.readTree(r.body()), photos.get(i));
            }
        }
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of(List.of("--model", "no/such/model"), "no/such/model"),
                Arguments.of(List.of("--model", "MODEL", "--port", "70000"), "--port"),
                Arguments.of(List.of("--model", "MODEL", "--max-batch", "0"), "--max-batch"),
                Arguments.of(List.of("--model", "MODEL", "--max-delay-ms", "-1"), "--max-delay-ms"),
                Arguments.of(List.of("--model", "MODEL", "--max-bytes", "lots"), "--max-bytes"),
                Arguments.of(List.of("--model", "MODEL", "--host", " "), "--host"),
                Arguments.of(List.of("--model", "MODEL", "--threads", "-2"), "--threads"),
                Arguments.of(List.of("--model", "MODEL", "--port", "eighty"), "--port"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void a_bad_model_path_or_option_is_exit_code_2_with_one_line_naming_it(List<String> args, String named) throws Exception {
        Path notAModel = Files.createTempFile("not-a-model", ".onnx");
        Files.writeString(notAModel, "not onnx");
        try {
            String[] argv = Stream.concat(Stream.of("serve-model"), args.stream().map(a -> a.equals("MODEL") ? notAModel.toString() : a))
                    .toArray(String[]::new);
            CliBasicsTest.Run r = CliBasicsTest.run(argv);
            assertEquals(2, r.code(), r.out() + r.err());
            assertTrue(r.err().contains(named), r.err());
            assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
        } finally {
            Files.deleteIfExists(notAModel);
        }
    }

    @Test
    void a_file_that_is_not_an_onnx_model_is_exit_code_2() throws Exception {
        Path dir = Files.createTempDirectory("serve-model");
        Path f = dir.resolve("model.onnx");
        Files.writeString(f, "not onnx");
        CliBasicsTest.Run r = CliBasicsTest.run("serve-model", "--model", f.toString(), "--port", "0");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("annota: "), r.err());
    }
}
