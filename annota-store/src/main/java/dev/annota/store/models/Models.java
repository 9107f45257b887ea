package dev.annota.store.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.core.error.ConflictException;
import dev.annota.store.Database;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The registered models ({@code models} table). */
public final class Models {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, name, version, task, descriptor_json, onnx_sha256, file_path, labels_json, created_by, created_at";

    private final Jdbi jdbi;

    public Models(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Stores a new model; a {@link ConflictException} when its name and version are taken. */
    public ModelRecord insert(ModelRecord m) {
        return jdbi.inTransaction(h -> {
            boolean taken = h.createQuery("SELECT COUNT(*) FROM models WHERE name = :n AND version = :v")
                    .bind("n", m.name()).bind("v", m.version()).mapTo(Integer.class).one() > 0;
            if (taken) {
                throw new ConflictException("a model " + m.name() + " version " + m.version() + " is already registered; "
                        + "give another name or version");
            }
            h.createUpdate("INSERT INTO models (" + COLUMNS + ") VALUES (:id, :n, :v, :t, :d, :s, :f, :l, :by, :at)")
                    .bind("id", m.id()).bind("n", m.name()).bind("v", m.version()).bind("t", m.task())
                    .bind("d", m.descriptorJson()).bind("s", m.onnxSha256()).bind("f", m.filePath())
                    .bind("l", write(m.labels())).bind("by", m.createdBy().orElse(null)).bind("at", m.createdAt().toEpochMilli())
                    .execute();
            return m;
        });
    }

    public Optional<ModelRecord> get(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM models WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    /** Every model, by name then newest first. */
    public List<ModelRecord> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM models ORDER BY name, created_at DESC, id")
                .map((rs, ctx) -> map(rs)).list());
    }

    /** The models called {@code name}, newest first. */
    public List<ModelRecord> byName(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM models WHERE name = :n ORDER BY created_at DESC, id")
                .bind("n", name).map((rs, ctx) -> map(rs)).list());
    }

    private static ModelRecord map(ResultSet rs) throws SQLException {
        List<String> labels;
        try {
            labels = JSON.readValue(rs.getString(8), new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("model " + rs.getString(1) + ": unreadable labels_json", e);
        }
        return new ModelRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), labels, Optional.ofNullable(rs.getString(9)), Instant.ofEpochMilli(rs.getLong(10)));
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
