package dev.annota.bench;

import dev.annota.infer.PreparedImage;
import dev.annota.infer.Predictor;
import dev.annota.infer.image.ExifOrientation;
import dev.annota.infer.image.RgbImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Where one image's end-to-end time goes, stage by stage on one thread (milliseconds per image, averaged over
 * the photos): file read, JPEG/PNG decode at full size, EXIF orientation, conversion to packed RGB, preprocessing
 * (resize, normalise, fill the tensor), inference with postprocessing (batch 1), and the reduced-scale path
 * ({@link Predictor#prepareEncoded}: decode at reduced scale + preprocess) that replaces decode … preprocess.
 */
final class PrelabelProfile {
    private PrelabelProfile() {
    }

    static Map<String, Object> of(Predictor predictor, List<Path> files, int passes) throws IOException {
        ImageIO.setUseCache(false);
        long[] t = new long[7];
        int n = 0;
        for (int pass = 0; pass <= passes; pass++) {
            for (Path f : files) {
                long t0 = System.nanoTime();
                byte[] bytes = Files.readAllBytes(f);
                long t1 = System.nanoTime();
                java.awt.image.BufferedImage decoded = decode(bytes);
                long t2 = System.nanoTime();
                int orientation = ExifOrientation.read(bytes);
                long t3 = System.nanoTime();
                RgbImage rgb = ExifOrientation.apply(RgbImage.of(decoded), orientation);
                long t4 = System.nanoTime();
                PreparedImage input = predictor.prepare(rgb);
                long t5 = System.nanoTime();
                predictor.predictPrepared(List.of(input));
                long t6 = System.nanoTime();
                predictor.prepareEncoded(bytes, f.toString());
                long t7 = System.nanoTime();
                if (pass == 0) {
                    continue; // warm-up
                }
                t[0] += t1 - t0;
                t[1] += t2 - t1;
                t[2] += t3 - t2;
                t[3] += t4 - t3;
                t[4] += t5 - t4;
                t[5] += t6 - t5;
                t[6] += t7 - t6;
                n++;
            }
        }
        String[] names = {"read_file", "decode_full", "exif", "to_rgb", "preprocess", "infer_and_postprocess", "reduced_decode_and_preprocess"};
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            out.put(names[i] + "_ms", Math.round(t[i] / 1e3 / n) / 1000.0);
        }
        return out;
    }

    private static java.awt.image.BufferedImage decode(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in, true, true);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }
}
