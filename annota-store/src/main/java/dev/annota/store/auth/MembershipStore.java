package dev.annota.store.auth;

import dev.annota.core.error.ConflictException;
import dev.annota.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The {@code project_members} table: one role per user and project. */
public final class MembershipStore {
    private final Jdbi jdbi;

    public MembershipStore(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Whether a project with this id exists. */
    public boolean projectExists(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM projects WHERE id = :id")
                .bind("id", projectId).mapTo(Integer.class).one() > 0);
    }

    /** The role of a user in a project, if a member. */
    public Optional<String> role(String projectId, String userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT role FROM project_members WHERE project_id = :p AND user_id = :u")
                .bind("p", projectId).bind("u", userId).mapTo(String.class).findOne());
    }

    /** The ids of the projects a user is a member of, in any role. */
    public Set<String> projectIdsOf(String userId) {
        return Set.copyOf(jdbi.withHandle(h -> h.createQuery("SELECT project_id FROM project_members WHERE user_id = :u")
                .bind("u", userId).mapTo(String.class).list()));
    }

    /** Adds the user to the project with {@code role}, or changes the role; true when the membership is new. */
    public boolean put(String projectId, String userId, String role, Instant at) {
        try {
            return jdbi.inTransaction(h -> {
                int updated = h.createUpdate("UPDATE project_members SET role = :r WHERE project_id = :p AND user_id = :u")
                        .bind("r", role).bind("p", projectId).bind("u", userId).execute();
                if (updated > 0) {
                    return false;
                }
                h.createUpdate("INSERT INTO project_members (project_id, user_id, role, added_at) VALUES (:p, :u, :r, :at)")
                        .bind("p", projectId).bind("u", userId).bind("r", role).bind("at", at.toEpochMilli()).execute();
                return true;
            });
        } catch (UnableToExecuteStatementException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException("user " + userId + " was added to project " + projectId
                        + " by someone else at the same moment; try again", e);
            }
            throw e;
        }
    }

    /** Removes a membership; false when there was none. */
    public boolean remove(String projectId, String userId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM project_members WHERE project_id = :p AND user_id = :u")
                .bind("p", projectId).bind("u", userId).execute()) > 0;
    }

    /** The members of a project, by user name. */
    public List<StoredMember> list(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT m.project_id, m.user_id, u.username, m.role, m.added_at "
                        + "FROM project_members m JOIN users u ON u.id = m.user_id WHERE m.project_id = :p "
                        + "ORDER BY LOWER(u.username), u.id")
                .bind("p", projectId)
                .map((rs, ctx) -> new StoredMember(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5))))
                .list());
    }
}
