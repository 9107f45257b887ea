package dev.annota.formats.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZipArchivesTest {
    @TempDir
    Path dir;

    /** A zip with one entry of the given name (and, for links, unix mode 0120777). */
    Path zipWith(String entryName, boolean symlink) throws IOException {
        Path zip = dir.resolve("evil.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip.toFile())) {
            ZipArchiveEntry good = new ZipArchiveEntry("data/ok.txt");
            out.putArchiveEntry(good);
            out.write("fine".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
            ZipArchiveEntry e = new ZipArchiveEntry(entryName);
            if (symlink) {
                e.setUnixMode(0120777);
            }
            out.putArchiveEntry(e);
            out.write((symlink ? "/etc/passwd" : "payload").getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }
        return zip;
    }

    @Test
    void packs_a_folder_and_extracts_the_same_files() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/ds/images"));
        Files.writeString(src.resolve("a.txt"), "alpha");
        Files.writeString(dir.resolve("src/ds/labels.json"), "{}");
        Path zip = dir.resolve("out.zip");
        ZipArchives.pack(dir.resolve("src"), zip);
        assertTrue(ZipArchives.isZip(zip));
        assertFalse(Files.exists(dir.resolve("out.zip.partial")));
        try (DatasetInput in = DatasetInput.open(zip)) {
            assertTrue(in.isArchive());
            assertEquals("ds", in.root().getFileName().toString(), "a single top folder is the root");
            assertEquals("alpha", Files.readString(in.root().resolve("images/a.txt")));
            assertEquals("{}", Files.readString(in.root().resolve("labels.json")));
        }
    }

    @Test
    void the_temporary_folder_is_gone_after_close() throws IOException {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/x.txt"), "x");
        ZipArchives.pack(dir.resolve("src"), dir.resolve("a.zip"));
        Path root;
        try (DatasetInput in = DatasetInput.open(dir.resolve("a.zip"))) {
            root = in.root();
            assertTrue(Files.exists(root.resolve("x.txt")));
        }
        assertFalse(Files.exists(root));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "data/../../evil.txt", "/tmp/evil.txt", "C:/evil.txt"})
    void refuses_entries_that_leave_the_folder_and_writes_nothing(String entry) throws IOException {
        Path zip = zipWith(entry, false);
        Path into = dir.resolve("into");
        ValidationException e = assertThrows(ValidationException.class, () -> ZipArchives.extract(zip, into));
        assertTrue(e.getMessage().contains("evil.zip:" + entry), e.getMessage());
        assertTrue(e.getMessage().contains("field 'entry'"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("evil.txt")));
        try (Stream<Path> s = Files.walk(into)) {
            assertEquals(1, s.count(), "nothing is extracted when any entry is bad");
        }
    }

    @Test
    void refuses_a_symbolic_link_entry() throws IOException {
        Path zip = zipWith("data/link.jpg", true);
        ValidationException e = assertThrows(ValidationException.class, () -> ZipArchives.extract(zip, dir.resolve("into")));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void refuses_an_archive_larger_than_the_limit() throws IOException {
        Path zip = dir.resolve("big.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip.toFile())) {
            out.putArchiveEntry(new ZipArchiveEntry("zeros.bin"));
            out.write(new byte[100_000]);
            out.closeArchiveEntry();
        }
        ValidationException e = assertThrows(ValidationException.class,
                () -> ZipArchives.extract(zip, dir.resolve("into"), 10_000, 100));
        assertTrue(e.getMessage().contains("at most 10000 bytes"), e.getMessage());
    }

    @Test
    void a_plain_folder_is_read_in_place() throws IOException {
        try (DatasetInput in = DatasetInput.open(dir)) {
            assertFalse(in.isArchive());
            assertEquals(dir, in.root());
        }
    }
}
