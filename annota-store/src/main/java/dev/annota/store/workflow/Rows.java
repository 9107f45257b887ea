package dev.annota.store.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.annota.core.geometry.PixelBox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Row mapping and small SQL helpers shared by the workflow repositories. */
final class Rows {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final String JOB_COLUMNS = "j.id, j.task_id, j.project_id, j.image_id, j.slot, j.state, j.assignee, "
            + "j.reviewer, t.stage, t.overlap, j.created_at, j.updated_at, j.submitted_at";
    static final String JOB_FROM = " FROM workflow_jobs j JOIN workflow_tasks t ON t.id = j.task_id ";
    static final String TASK_COLUMNS = "id, project_id, image_id, stage, overlap, gold, gold_version, created_at, updated_at";

    private Rows() {
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static Job job(ResultSet rs) throws SQLException {
        long submitted = rs.getLong(13);
        Optional<Instant> submittedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(submitted));
        return new Job(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                JobState.fromDb(rs.getString(6)), Optional.ofNullable(rs.getString(7)),
                Optional.ofNullable(rs.getString(8)), Stage.valueOf(rs.getString(9).toUpperCase(java.util.Locale.ROOT)),
                rs.getInt(10), Instant.ofEpochMilli(rs.getLong(11)), Instant.ofEpochMilli(rs.getLong(12)), submittedAt);
    }

    static Task task(ResultSet rs) throws SQLException {
        long goldVersion = rs.getLong(7);
        Optional<Long> gv = rs.wasNull() ? Optional.empty() : Optional.of(goldVersion);
        return new Task(rs.getString(1), rs.getString(2), rs.getString(3),
                Stage.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)), rs.getInt(5), rs.getInt(6) != 0, gv,
                Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9)));
    }

    static String regionJson(Optional<PixelBox> region) {
        if (region.isEmpty()) {
            return null;
        }
        ArrayNode a = MAPPER.createArrayNode();
        PixelBox b = region.get();
        a.add(b.x()).add(b.y()).add(b.width()).add(b.height());
        return a.toString();
    }

    static Optional<PixelBox> region(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            JsonNode a = MAPPER.readTree(json);
            return Optional.of(new PixelBox(a.get(0).asDouble(), a.get(1).asDouble(), a.get(2).asDouble(),
                    a.get(3).asDouble()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored comment region is not JSON: " + json, e);
        }
    }
}
