package dev.annota.store.images;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** How an {@link ImageRecord} maps to a row of {@code images} (aliased {@code i}). */
final class ImageRows {
    static final String COLUMNS = "i.id, i.project_id, i.sha256, i.file_name, i.width, i.height, i.format, i.orientation, "
            + "i.phash, i.source_path, i.split, i.metadata_json, i.created_at, i.import_id";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    private ImageRows() {
    }

    static ImageRecord map(ResultSet rs) throws SQLException {
        String format = rs.getString(7);
        return new ImageRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
                ImageFormat.fromKey(format).orElseThrow(() -> new IllegalStateException("unknown image format in the database: " + format)),
                rs.getInt(8), rs.getLong(9), Optional.ofNullable(rs.getString(10)), rs.getString(11), readMetadata(rs.getString(12)),
                Instant.ofEpochMilli(rs.getLong(13)), Optional.ofNullable(rs.getString(14)));
    }

    static String writeMetadata(Map<String, String> metadata) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(metadata));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string map always serialises", e);
        }
    }

    static Map<String, String> readMetadata(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("images.metadata_json is not a JSON object of strings: " + json, e);
        }
    }
}
