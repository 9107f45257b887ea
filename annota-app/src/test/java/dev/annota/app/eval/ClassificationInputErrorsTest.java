package dev.annota.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One case per kind of mistake in an IN.json or RATINGS.json: the error names the pointer, field and value. */
class ClassificationInputErrorsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "y_true index out of range    | {\"labels\":[\"a\",\"b\"],\"y_true\":[0,2],\"y_pred\":[0,1]}                    | /y_true/1   | y_true  | 2",
        "y_pred not an integer        | {\"labels\":[\"a\",\"b\"],\"y_true\":[0,1],\"y_pred\":[0,\"x\"]}                | /y_pred/1   | y_pred  | \"x\"",
        "y_true and y_pred lengths    | {\"labels\":[\"a\",\"b\"],\"y_true\":[0,1,1],\"y_pred\":[0,1]}                  | /y_pred     | y_pred  | 2 values",
        "score row of wrong length    | {\"labels\":[\"a\",\"b\",\"c\"],\"y_true\":[0,1],\"y_pred\":[0,1],\"y_score\":[[0.5,0.5,0],[1,0]]} | /y_score/1 | y_score | 2 values",
        "probability above 1          | {\"labels\":[\"a\",\"b\"],\"y_true\":[0,1],\"y_pred\":[0,1],\"y_score\":[0.2,1.5]} | /y_score/1 | y_score | 1.5",
        "negative probability         | {\"labels\":[\"a\",\"b\",\"c\"],\"y_true\":[0,1],\"y_pred\":[0,1],\"y_score\":[[0.5,0.5,0],[1.2,-0.2,0]]} | /y_score/1/0 | y_score | 1.2",
        "row not summing to 1         | {\"labels\":[\"a\",\"b\",\"c\"],\"y_true\":[0,1],\"y_pred\":[0,1],\"y_score\":[[0.5,0.5,0],[0.2,0.2,0.2]]} | /y_score/1 | y_score | [0.2,0.2,0.2]",
        "multi-label cell not 0 or 1  | {\"labels\":[\"a\",\"b\"],\"y_true\":[[0,1],[1,2]],\"y_pred\":[[0,1],[1,0]]}      | /y_true/1/1 | y_true  | 2",
        "slices of the wrong length   | {\"labels\":[\"a\",\"b\"],\"y_true\":[0,1],\"y_pred\":[0,1],\"slices\":[\"x\"]}  | /slices     | slices  | 1 values",
        "a single label               | {\"labels\":[\"a\"],\"y_true\":[0],\"y_pred\":[0]}                              | /labels     | labels  | [\"a\"]",
    })
    void classification_input_errors_name_pointer_field_and_value(String what, String json, String pointer,
                                                                     String field, String value) throws IOException {
        Path f = tmp.resolve("in.json");
        Files.writeString(f, json);
        ValidationException e = assertThrows(ValidationException.class,
                () -> EvaluateClassification.run(f, Optional.empty()), what);
        FieldError err = e.errors().get(0);
        assertEquals(f + "#" + pointer, err.location(), e.getMessage());
        assertEquals(field, err.field(), e.getMessage());
        assertEquals(value, err.value(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "rating not in categories | {\"categories\":[1,2],\"ratings\":[[1,3],[2,2]]}        | /ratings/0/1 | ratings | 3",
        "rows of unequal width    | {\"ratings\":[[1,2],[2]]}                              | /ratings/1   | ratings | 1 values",
        "unknown level            | {\"level\":\"ratio\",\"ratings\":[[1,2],[2,2]]}        | /level       | level   | \"ratio\"",
        "interval on words        | {\"level\":\"interval\",\"ratings\":[[\"a\",\"b\"]]}   | /level       | level   | \"interval\"",
        "annotators differ        | {\"annotator_a\":[1,2,3],\"annotator_b\":[1,2]}       | /annotator_b | annotator_b | 2 ratings",
    })
    void ratings_errors_name_pointer_field_and_value(String what, String json, String pointer, String field,
                                                     String value) throws IOException {
        Path f = tmp.resolve("ratings.json");
        Files.writeString(f, json);
        ValidationException e = assertThrows(ValidationException.class, () -> EvaluateAgreement.run(f), what);
        FieldError err = e.errors().get(0);
        assertEquals(f + "#" + pointer, err.location(), e.getMessage());
        assertEquals(field, err.field(), e.getMessage());
        assertEquals(value, err.value(), e.getMessage());
    }
}
