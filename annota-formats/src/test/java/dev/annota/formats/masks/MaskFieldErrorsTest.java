package dev.annota.formats.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row per field rule of the semantic-mask and Cityscapes readers. */
class MaskFieldErrorsTest {
    static void masksDataset(Path dir) throws IOException {
        PalettePng.writeRgb(dir.resolve("images/a.png"), 4, 3, new int[12]);
        PalettePng.writeIndexed(dir.resolve("masks/a.png"), 4, 3, new int[] {0, 1, 1, 0, 0, 2, 2, 0, 0, 0, 0, 0}, VocColormap.palette());
        Files.writeString(dir.resolve("palette.txt"), "background:0,0,0\ncat:128,0,0\ndog:0,128,0\n");
    }

    static void cityscapesDataset(Path dir) throws IOException {
        PalettePng.writeRgb(dir.resolve("leftImg8bit/train/c/c_1_leftImg8bit.png"), 4, 3, new int[12]);
        PalettePng.writeGray(dir.resolve("gtFine/train/c/c_1_gtFine_instanceIds.png"), 4, 3,
                new int[] {7, 7, 26000, 26000, 7, 7, 26001, 0, 0, 0, 0, 0}, true);
        Files.writeString(dir.resolve("gtFine/train/c/notes.txt"), "");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "palette colour out of range | masks | palette.txt | cat:128,0,0 | cat:300,0,0 | palette.txt:2 | colour | '300,0,0'",
        "palette colour not a triple | masks | palette.txt | dog:0,128,0 | dog:0,128 | palette.txt:3 | colour | '0,128'",
        "palette value too large     | masks | palette.txt | cat:128,0,0 | 70000 cat | palette.txt:2 | value | 70000",
        "mask of another size        | masks | masks/a.png | NULL | NULL | masks/a.png | size | 5x3",
        "label_colors colour         | cityscapes | label_colors.txt | NULL | 0 0 0 background\\n300 0 0 car | label_colors.txt:2 | colour | 300 0 0",
        "id PNG of another size      | cityscapes | gtFine/train/c/c_1_gtFine_instanceIds.png | NULL | NULL | gtFine/train/c/c_1_gtFine_instanceIds.png | size | 5x3",
    })
    void names_file_location_field_and_value(String rule, String format, String file, String from, String to,
            String location, String field, String value, @TempDir Path dir) throws IOException {
        if (format.equals("masks")) {
            masksDataset(dir);
        } else {
            cityscapesDataset(dir);
        }
        Path target = dir.resolve(file);
        if (file.endsWith(".png")) {
            if (format.equals("masks")) {
                PalettePng.writeIndexed(target, 5, 3, new int[15], VocColormap.palette());
            } else {
                PalettePng.writeGray(target, 5, 3, new int[15], true);
            }
        } else if (from == null) {
            Files.writeString(target, to.replace("\\n", "\n") + "\n");
        } else {
            Files.writeString(target, Files.readString(target).replace(from, to));
        }
        var reader = Formats.standard().get(format).reader().orElseThrow();
        ValidationException e = assertThrows(ValidationException.class, () -> reader.read(dir, new ImportReport(ErrorPolicy.FAIL_FAST)));
        FieldError fe = e.errors().get(0);
        assertEquals(field, fe.field(), e.getMessage());
        assertEquals(value, fe.value(), e.getMessage());
        assertTrue(e.getMessage().startsWith(location), e.getMessage());
        ImportReport collected = new ImportReport(ErrorPolicy.COLLECT);
        reader.read(dir, collected);
        assertEquals(1, collected.errors().size(), () -> collected.problems().toString());
    }
}
