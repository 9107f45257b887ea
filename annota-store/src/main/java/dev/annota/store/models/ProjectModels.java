package dev.annota.store.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.UncheckedIOException;
import dev.annota.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Which models a project uses, each with its label mapping ({@code project_models} table). */
public final class ProjectModels {
    private static final String COLUMNS = "project_id, model_id, label_map_json, created_by, created_at";

    private final Jdbi jdbi;

    public ProjectModels(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Links the model to the project, replacing an earlier link (and its mapping). */
    public ProjectModel link(ProjectModel link) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM project_models WHERE project_id = :p AND model_id = :m")
                    .bind("p", link.projectId()).bind("m", link.modelId()).execute();
            h.createUpdate("INSERT INTO project_models (" + COLUMNS + ") VALUES (:p, :m, :map, :by, :at)")
                    .bind("p", link.projectId()).bind("m", link.modelId()).bind("map", Models.write(link.labelMap()))
                    .bind("by", link.createdBy().orElse(null)).bind("at", link.createdAt().toEpochMilli()).execute();
        });
        return link;
    }

    public Optional<ProjectModel> get(String projectId, String modelId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM project_models WHERE project_id = :p AND model_id = :m")
                .bind("p", projectId).bind("m", modelId).map((rs, ctx) -> map(rs)).findOne());
    }

    /** The project's model links, oldest first. */
    public List<ProjectModel> list(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM project_models WHERE project_id = :p "
                + "ORDER BY created_at, model_id").bind("p", projectId).map((rs, ctx) -> map(rs)).list());
    }

    /** Removes the link; false when there was none. */
    public boolean unlink(String projectId, String modelId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM project_models WHERE project_id = :p AND model_id = :m")
                .bind("p", projectId).bind("m", modelId).execute()) > 0;
    }

    private static ProjectModel map(ResultSet rs) throws SQLException {
        Map<Integer, Integer> labelMap;
        try {
            labelMap = Models.JSON.readValue(rs.getString(3), new TypeReference<Map<Integer, Integer>>() { });
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("project model " + rs.getString(2) + ": unreadable label_map_json", e);
        }
        return new ProjectModel(rs.getString(1), rs.getString(2), labelMap, Optional.ofNullable(rs.getString(4)),
                Instant.ofEpochMilli(rs.getLong(5)));
    }
}
