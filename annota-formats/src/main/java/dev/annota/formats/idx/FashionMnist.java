package dev.annota.formats.idx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (70,000 labelled 28×28 grey images in 10 classes) as Debian's {@code dataset-fashion-mnist}
 * package installs it: four gzipped IDX files in one folder.
 */
public record FashionMnist(IdxImages trainImages, int[] trainLabels, IdxImages testImages, int[] testLabels) {
    /** Where Debian's package puts the files. */
    public static final Path DEBIAN_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");

    /** Class names in label-index order. */
    public static final List<String> CLASSES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    public FashionMnist {
        if (trainImages.count() != trainLabels.length || testImages.count() != testLabels.length) {
            throw new IllegalArgumentException("image and label counts differ");
        }
    }

    /** Whether {@code folder} holds the four files. */
    public static boolean presentIn(Path folder) {
        return Files.isRegularFile(folder.resolve("train-images-idx3-ubyte.gz"))
                && Files.isRegularFile(folder.resolve("t10k-labels-idx1-ubyte.gz"));
    }

    /** Reads the four files from {@code folder}. */
    public static FashionMnist read(Path folder) throws IOException {
        return new FashionMnist(
                IdxFiles.readImages(folder.resolve("train-images-idx3-ubyte.gz")),
                IdxFiles.readLabels(folder.resolve("train-labels-idx1-ubyte.gz")),
                IdxFiles.readImages(folder.resolve("t10k-images-idx3-ubyte.gz")),
                IdxFiles.readLabels(folder.resolve("t10k-labels-idx1-ubyte.gz")));
    }
}
