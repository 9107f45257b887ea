package dev.annota.app.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemNamesTest {
    @Test
    void keeps_the_file_stem_and_numbers_repeats_case_insensitively() {
        ItemNames names = new ItemNames();
        assertEquals("cat", names.next("cat.jpg", "id1"));
        assertEquals("cat_2", names.next("cat.png", "id2"));
        assertEquals("Cat_3", names.next("Cat.jpeg", "id3"));
        assertEquals("a_b", names.next("a b.jpg", "id4"));
        assertEquals("id5", names.next("...", "id5"));
    }

    @Test
    void two_hundred_thousand_names_stay_unique() {
        ItemNames names = new ItemNames();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            // every tenth name repeats an earlier stem, so suffixes are exercised at scale too
            String file = (i % 10 == 0 ? "img_" + (i / 10) : "img_" + i) + ".jpg";
            String id = names.next(file, "x" + i);
            if (!seen.add(id.toLowerCase(Locale.ROOT))) {
                throw new AssertionError("duplicate id " + id + " at " + i);
            }
        }
        assertEquals(200_000, seen.size());
    }
}
