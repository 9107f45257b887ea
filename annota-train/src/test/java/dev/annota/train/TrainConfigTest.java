package dev.annota.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annota.core.error.ValidationException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TrainConfigTest {
    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("epochs", "0", (UnaryOperator<TrainConfig>) c -> c.withEpochs(0)),
                Arguments.of("batch_size", "-3", (UnaryOperator<TrainConfig>) c -> c.withBatchSize(-3)),
                Arguments.of("threads", "0", (UnaryOperator<TrainConfig>) c -> c.withThreads(0)),
                Arguments.of("learning_rate", "0", (UnaryOperator<TrainConfig>) c -> c.withLearningRate(0)),
                Arguments.of("learning_rate", "NaN", (UnaryOperator<TrainConfig>) c -> c.withLearningRate(Double.NaN)),
                Arguments.of("patience", "-1", (UnaryOperator<TrainConfig>) c -> c.withPatience(-1)),
                Arguments.of("hidden", "-2", (UnaryOperator<TrainConfig>) c -> c.withHidden(-2)),
                Arguments.of("image_size", "4", (UnaryOperator<TrainConfig>) c -> c.withImageSize(4)),
                Arguments.of("image_size", "1024", (UnaryOperator<TrainConfig>) c -> c.withImageSize(1024)),
                Arguments.of("validation", "0", (UnaryOperator<TrainConfig>) c -> c.withSplit(0, 0.2)),
                Arguments.of("test", "1", (UnaryOperator<TrainConfig>) c -> c.withSplit(0.2, 1)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badValues")
    void rejects_a_value_outside_its_range_naming_the_field_and_the_value(String field, String value, UnaryOperator<TrainConfig> change) {
        ValidationException e = assertThrows(ValidationException.class, () -> change.apply(TrainConfig.defaults(TrainMode.CNN)));
        assertEquals(field, e.errors().get(0).field());
        assertEquals(value, e.errors().get(0).value());
    }

    @Test
    void accepts_the_edges_of_each_range() {
        TrainConfig c = TrainConfig.defaults(TrainMode.HEAD);
        assertDoesNotThrow(() -> c.withEpochs(1).withImageSize(8).withImageSize(512).withPatience(0).withHidden(0).withSplit(0.1, 0));
    }
}
