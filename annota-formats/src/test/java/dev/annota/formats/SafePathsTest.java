package dev.annota.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafePathsTest {
    @TempDir
    Path dir;

    @Test
    void resolves_a_path_inside_the_root() {
        Path root = dir.resolve("data");
        assertEquals(root.resolve("images/a.jpg").toAbsolutePath(), SafePaths.resolveInside(root, "images/./a.jpg", "x", "file"));
        assertEquals(root.resolve("a.jpg").toAbsolutePath(), SafePaths.resolveInside(root, "images\\..\\a.jpg", "x", "file"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "../secret.txt", "images/../../secret.txt", "C:/Windows/win.ini", "..\\..\\x"})
    void rejects_paths_that_leave_the_dataset_folder(String bad) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> SafePaths.resolveInside(dir.resolve("data"), bad, "list.txt:3", "file_name"));
        assertTrue(e.getMessage().startsWith("list.txt:3: field 'file_name'"), e.getMessage());
        assertTrue(e.getMessage().contains(bad), e.getMessage());
    }

    @Test
    void rejects_a_symbolic_link_out_of_the_tree() throws IOException {
        Path root = Files.createDirectories(dir.resolve("data"));
        Path outside = Files.writeString(dir.resolve("secret.txt"), "s");
        Files.createSymbolicLink(root.resolve("link.jpg"), outside);
        ValidationException e = assertThrows(ValidationException.class,
                () -> SafePaths.resolveInside(root, "link.jpg", "a.json", "file_name"));
        assertTrue(e.getMessage().contains("link"), e.getMessage());
    }
}
