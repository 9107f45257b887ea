package dev.annota.core.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Rle;
import dev.annota.core.schema.LabelId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotationGroupsTest {
    static final LabelId L = LabelId.of(1);

    @Test
    void two_different_masks_of_equal_area_and_run_count_are_different_objects() {
        Rle a = Rle.of(2, 2, new int[] {0, 1, 3});
        Rle b = Rle.of(2, 2, new int[] {1, 1, 2});
        assertEquals(a.area(), b.area());
        assertFalse(AnnotationGroups.sameObjects(List.of(MaskAnnotation.of(L, a)), List.of(MaskAnnotation.of(L, b))));
        assertNotEquals(AnnotationGroups.canonical(List.of(MaskAnnotation.of(L, a))),
                AnnotationGroups.canonical(List.of(MaskAnnotation.of(L, b))));
    }

    @Test
    void equal_masks_written_with_an_extra_empty_run_are_the_same_object() {
        Rle a = Rle.of(2, 2, new int[] {1, 2, 1});
        Rle b = Rle.of(2, 2, new int[] {1, 2, 1, 0});
        assertTrue(AnnotationGroups.sameObjects(List.of(MaskAnnotation.of(L, a)), List.of(MaskAnnotation.of(L, b))));
        assertEquals(a.toString(), b.toString());
    }

    @Test
    void group_numbers_and_order_do_not_matter_but_grouping_does() {
        BoxAnnotation box = BoxAnnotation.of(L, new PixelBox(0, 0, 1, 1));
        Tag tag = Tag.of(L);
        List<Annotation> a = List.of(box.withInfo(box.info().withGroup(1)), tag.withInfo(tag.info().withGroup(1)));
        List<Annotation> b = List.of(tag.withInfo(tag.info().withGroup(9)), box.withInfo(box.info().withGroup(9)));
        List<Annotation> apart = List.of(box, tag);
        assertTrue(AnnotationGroups.sameObjects(a, b));
        assertFalse(AnnotationGroups.sameObjects(a, apart));
    }
}
