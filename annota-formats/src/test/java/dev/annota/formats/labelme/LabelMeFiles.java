package dev.annota.formats.labelme;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;

/** LabelMe files built by hand, as LabelMe 5.x writes them. */
final class LabelMeFiles {
    private LabelMeFiles() {
    }

    static void png(Path file, int width, int height) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    }

    /** A 1-bit PNG (what PIL writes for LabelMe's boolean masks), base64; {@code rows} of '#' and '.'. */
    static String maskPng(String... rows) throws IOException {
        BufferedImage img = new BufferedImage(rows[0].length(), rows.length, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length(); x++) {
                img.getRaster().setSample(x, y, 0, rows[y].charAt(x) == '#' ? 1 : 0);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** A LabelMe 5.4 file for a 64x48 image with every shape type. */
    static String everyShape(String imagePath, int declaredWidth, int declaredHeight) throws IOException {
        String mask = maskPng("##..", "###.", ".###");
        return """
                {
                  "version": "5.4.1",
                  "flags": {
                    "night": true,
                    "blurry": false
                  },
                  "shapes": [
                    {
                      "label": "car",
                      "points": [[30.5, 20.0], [10.0, 5.25]],
                      "group_id": null,
                      "description": "",
                      "shape_type": "rectangle",
                      "flags": {"parked": true},
                      "mask": null
                    },
                    {
                      "label": "person",
                      "points": [[1.0, 2.0], [20.0, 2.5], [11.0, 30.0]],
                      "group_id": 3,
                      "description": "walking left",
                      "shape_type": "polygon",
                      "flags": {},
                      "mask": null
                    },
                    {
                      "label": "wheel",
                      "points": [[40.0, 30.0], [43.0, 34.0]],
                      "group_id": 3,
                      "description": "",
                      "shape_type": "circle",
                      "flags": {},
                      "mask": null
                    },
                    {
                      "label": "lane",
                      "points": [[0.0, 47.0], [63.0, 40.0]],
                      "group_id": null,
                      "description": "",
                      "shape_type": "line",
                      "flags": {},
                      "mask": null
                    },
                    {
                      "label": "lane",
                      "points": [[0.0, 10.0], [30.0, 12.0], [63.0, 9.5]],
                      "group_id": null,
                      "description": "",
                      "shape_type": "linestrip",
                      "flags": {},
                      "mask": null
                    },
                    {
                      "label": "person",
                      "points": [[5.0, 6.0]],
                      "group_id": null,
                      "description": "",
                      "shape_type": "point",
                      "flags": {},
                      "mask": null
                    },
                    {
                      "label": "person",
                      "points": [[5.0, 6.0], [7.0, 8.0]],
                      "group_id": null,
                      "description": "",
                      "shape_type": "points",
                      "flags": {},
                      "mask": null
                    },
                    {
                      "label": "puddle",
                      "points": [[50.0, 40.0], [53.0, 42.0]],
                      "group_id": null,
                      "description": "",
                      "shape_type": "mask",
                      "flags": {},
                      "mask": "%s"
                    }
                  ],
                  "imagePath": "%s",
                  "imageData": null,
                  "imageHeight": %d,
                  "imageWidth": %d
                }
                """.formatted(mask, imagePath, declaredHeight, declaredWidth);
    }
}
