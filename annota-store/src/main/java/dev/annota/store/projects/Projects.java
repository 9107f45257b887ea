package dev.annota.store.projects;

import dev.annota.core.error.ConflictException;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.LabelSchema;
import dev.annota.core.schema.Names;
import dev.annota.store.Database;
import dev.annota.store.json.LabelSchemaJson;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The projects: create, read, list, rename, edit guidelines, delete, and save the label schema with optimistic
 * concurrency.
 *
 * <p>Names are unique when {@link Names#normalise normalised} ("Catalog" and " catalog" are the same name):
 * the {@code name_key} column holds the normalised form under a UNIQUE constraint, so two concurrent creates
 * cannot both succeed; the loser gets a {@link ConflictException} naming the existing project. Deleting a
 * project deletes its images, annotation sets and history by {@code ON DELETE CASCADE} in one statement.
 *
 * <p>Every method runs in its own transaction, or joins the one {@link #inTransaction} opened on this thread.
 */
public final class Projects {
    /** The longest project name, in characters (code points). */
    public static final int MAX_NAME_LENGTH = 200;
    /** The largest guidelines text, in UTF-8 bytes (1 MiB). */
    public static final int MAX_GUIDELINES_BYTES = 1024 * 1024;

    private static final Pattern WHITE_SPACE = Pattern.compile("\\p{IsWhite_Space}+");
    private static final String COLUMNS = "id, name, guidelines, schema_json, schema_version, created_at, updated_at";

    private final Jdbi jdbi;

    public Projects(Database db) {
        this.jdbi = db.jdbi();
    }

    /**
     * Runs {@code work} in one database transaction: the calls it makes on this thread to this repository, to
     * {@link dev.annota.store.AnnotationSets} and to {@link ProjectAnnotationScan} of the same database join it,
     * and all of it is committed together or not at all (an exception rolls everything back).
     */
    public <T> T inTransaction(Supplier<T> work) {
        return jdbi.inTransaction(h -> work.get());
    }

    /** Creates a project; a name already used (compared normalised) is a {@link ConflictException}. */
    public Project create(String name, String guidelines, LabelSchema schema) {
        String display = checkName(name);
        checkGuidelines(guidelines);
        Objects.requireNonNull(schema, "schema");
        String id = UUID.randomUUID().toString();
        String key = Names.normalise(display);
        long now = System.currentTimeMillis();
        try {
            return jdbi.inTransaction(h -> {
                refuseTakenName(h, key, Optional.empty());
                h.createUpdate("INSERT INTO projects (" + COLUMNS + ", name_key) VALUES (:id, :name, :guidelines, :schema, 0, :now, :now, :key)")
                        .bind("id", id).bind("name", display).bind("guidelines", guidelines)
                        .bind("schema", LabelSchemaJson.write(schema)).bind("now", now).bind("key", key).execute();
                return find(h, id).orElseThrow();
            });
        } catch (UnableToExecuteStatementException e) {
            throw takenOrRethrow(e, key);
        }
    }

    /** The project with this id, if there is one. */
    public Optional<Project> find(String id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    /** The project with this id, or a {@link NotFoundException}. */
    public Project get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * The version of the project's label schema (it grows with every schema save), without reading the schema:
     * callers that keep parsed schemas use it to tell whether theirs is current. Empty for an unknown project.
     */
    public Optional<Long> schemaVersion(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT schema_version FROM projects WHERE id = :id").bind("id", id)
                .mapTo(Long.class).findOne());
    }

    /** The projects {@code visible} allows, ordered by name. */
    public List<ProjectSummary> list(ProjectVisibility visible) {
        Objects.requireNonNull(visible, "visible");
        if (visible instanceof ProjectVisibility.Only only && only.projectIds().isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, schema_version, created_at, updated_at FROM projects ORDER BY name_key, id")
                .map((rs, ctx) -> new ProjectSummary(rs.getString(1), rs.getString(2), rs.getLong(3),
                        Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5))))
                .stream()
                .filter(p -> visible.shows(p.id()))
                .toList());
    }

    /** Renames a project; its id and everything in it stay. A name used by another project is a conflict. */
    public Project rename(String id, String newName) {
        String display = checkName(newName);
        String key = Names.normalise(display);
        try {
            return jdbi.inTransaction(h -> {
                refuseTakenName(h, key, Optional.of(id));
                int rows = h.createUpdate("UPDATE projects SET name = :name, name_key = :key, updated_at = :now WHERE id = :id")
                        .bind("name", display).bind("key", key).bind("now", System.currentTimeMillis()).bind("id", id).execute();
                if (rows != 1) {
                    throw notFound(id);
                }
                return find(h, id).orElseThrow();
            });
        } catch (UnableToExecuteStatementException e) {
            throw takenOrRethrow(e, key);
        }
    }

    /** Replaces the guidelines (Markdown, at most {@link #MAX_GUIDELINES_BYTES} bytes). */
    public Project updateGuidelines(String id, String markdown) {
        checkGuidelines(markdown);
        return jdbi.inTransaction(h -> {
            int rows = h.createUpdate("UPDATE projects SET guidelines = :g, updated_at = :now WHERE id = :id")
                    .bind("g", markdown).bind("now", System.currentTimeMillis()).bind("id", id).execute();
            if (rows != 1) {
                throw notFound(id);
            }
            return find(h, id).orElseThrow();
        });
    }

    /** Deletes a project with its images, annotation sets and their history. */
    public void delete(String id) {
        int rows = jdbi.withHandle(h -> h.createUpdate("DELETE FROM projects WHERE id = :id").bind("id", id).execute());
        if (rows != 1) {
            throw notFound(id);
        }
    }

    /**
     * Saves a new label schema as the version after {@code expectedVersion} and returns the project with it.
     * Throws {@link SchemaVersionConflict} (carrying the current schema and version) when the stored version
     * is not {@code expectedVersion}. Inside a transaction this also locks the project row on PostgreSQL, so
     * concurrent schema edits of one project queue behind each other.
     */
    public Project saveSchema(String id, long expectedVersion, LabelSchema schema) {
        String json = LabelSchemaJson.write(schema);
        return jdbi.inTransaction(h -> {
            int rows = h.createUpdate("UPDATE projects SET schema_json = :json, schema_version = :next, updated_at = :now "
                            + "WHERE id = :id AND schema_version = :expected")
                    .bind("json", json).bind("next", expectedVersion + 1).bind("now", System.currentTimeMillis())
                    .bind("id", id).bind("expected", expectedVersion).execute();
            Project current = find(h, id).orElseThrow(() -> notFound(id));
            if (rows != 1) {
                throw new SchemaVersionConflict(current, expectedVersion);
            }
            return current;
        });
    }

    private static Optional<Project> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM projects WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> project(rs)).findOne();
    }

    private static Project project(ResultSet rs) throws SQLException {
        return new Project(rs.getString(1), rs.getString(2), rs.getString(3), LabelSchemaJson.read(rs.getString(4)),
                rs.getLong(5), Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7)));
    }

    private static void refuseTakenName(Handle h, String key, Optional<String> self) {
        h.createQuery("SELECT id, name FROM projects WHERE name_key = :key").bind("key", key)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .findOne()
                .filter(holder -> self.map(s -> !s.equals(holder[0])).orElse(true))
                .ifPresent(holder -> {
                    throw taken(holder[1], holder[0]);
                });
    }

    private RuntimeException takenOrRethrow(UnableToExecuteStatementException e, String key) {
        if (!SqlErrors.isUniqueViolation(e)) {
            return e;
        }
        // another create or rename with the same name committed between our check and our write
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM projects WHERE name_key = :key").bind("key", key)
                .map((rs, ctx) -> (RuntimeException) taken(rs.getString(2), rs.getString(1)))
                .findOne().orElse(e));
    }

    private static ConflictException taken(String existingName, String existingId) {
        return new ConflictException("a project named \"" + existingName + "\" already exists (id " + existingId
                + "); project names must differ in more than case and spacing");
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException("project " + id + ": no such project");
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        String display = WHITE_SPACE.matcher(name).replaceAll(" ").strip();
        if (Names.normalise(display).isEmpty()) {
            throw ValidationException.of("name", name, "expected a non-blank project name");
        }
        if (display.codePointCount(0, display.length()) > MAX_NAME_LENGTH) {
            throw ValidationException.of("name", display.substring(0, 40) + "...",
                    "expected a project name of at most " + MAX_NAME_LENGTH + " characters");
        }
        return display;
    }

    private static void checkGuidelines(String markdown) {
        Objects.requireNonNull(markdown, "guidelines");
        int bytes = markdown.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_GUIDELINES_BYTES) {
            throw ValidationException.of("guidelines", bytes + " bytes",
                    "expected Markdown of at most " + MAX_GUIDELINES_BYTES + " bytes (1 MiB)");
        }
    }
}
