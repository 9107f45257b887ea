package dev.annota.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SkeletonTest {
    private static final List<String> ARM = List.of("shoulder", "elbow", "wrist");

    static Stream<Arguments> invalidSkeletons() {
        return Stream.of(
                Arguments.of("no points", List.of(), List.of(), "points", "expected at least one keypoint name"),
                Arguments.of("duplicate names", List.of("eye", "nose", "Eye "), List.of(), "points[2]",
                        "expected a unique keypoint name (same as points[0] \"eye\")"),
                Arguments.of("blank name", List.of("eye", " "), List.of(), "points[1]", "expected a non-blank keypoint name"),
                Arguments.of("edge index too high", ARM, List.of(Skeleton.Edge.of(1, 3)), "edges[0]",
                        "expected point indices in [0, 2]"),
                Arguments.of("negative edge index", ARM, List.of(Skeleton.Edge.of(-1, 0)), "edges[0]",
                        "expected point indices in [0, 2]"),
                Arguments.of("self edge", ARM, List.of(Skeleton.Edge.of(0, 1), Skeleton.Edge.of(2, 2)), "edges[1]",
                        "expected an edge between two different points"),
                Arguments.of("edge twice, reversed", ARM, List.of(Skeleton.Edge.of(0, 1), Skeleton.Edge.of(1, 0)),
                        "edges[1]", "expected each edge once"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSkeletons")
    void rejects_an_invalid_skeleton_naming_the_field(String rule, List<String> points, List<Skeleton.Edge> edges,
            String field, String expected) {
        ValidationException e = assertThrows(ValidationException.class, () -> new Skeleton(points, edges));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals(field, e.errors().get(0).field());
        assertEquals(expected, e.errors().get(0).expected());
    }

    @Test
    void reports_every_problem_of_a_skeleton() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Skeleton.of(List.of("a", "A"), new int[] {0, 0}, new int[] {0, 5}));
        assertEquals(List.of("points[1]", "edges[0]", "edges[1]"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void accepts_a_valid_skeleton_and_compares_by_value() {
        Skeleton a = Skeleton.of(ARM, new int[] {0, 1}, new int[] {1, 2});
        Skeleton b = new Skeleton(ARM, List.of(Skeleton.Edge.of(0, 1), Skeleton.Edge.of(1, 2)));
        assertEquals(3, a.size());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }
}
