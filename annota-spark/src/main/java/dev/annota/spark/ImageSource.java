package dev.annota.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Reads the bytes of one manifest entry: a file path (relative ones against the manifest's folder), a
 * {@code file:} URI, or any other URI a Hadoop file system of the cluster serves ({@code hdfs:}, {@code s3a:}
 * when its connector is on the class path; read through {@link FileSystem}). Local paths and {@code file:} URIs
 * are what the tests cover.
 */
final class ImageSource {
    /** A scheme of two or more letters: one letter is a Windows drive, not a URI. */
    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    private ImageSource() {
    }

    static byte[] read(String entry, Path baseDir) throws IOException {
        if (URI_SCHEME.matcher(entry).matches()) {
            URI uri = uri(entry);
            if ("file".equalsIgnoreCase(uri.getScheme())) {
                return Files.readAllBytes(Path.of(uri));
            }
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
            try (InputStream in = p.getFileSystem(new Configuration()).open(p)) {
                return in.readAllBytes();
            }
        }
        return Files.readAllBytes(baseDir.resolve(entry));
    }

    private static URI uri(String entry) throws IOException {
        try {
            return new URI(entry);
        } catch (URISyntaxException e) {
            throw new IOException("not a valid URI: " + e.getMessage(), e);
        }
    }
}
