package dev.annota.app.projects;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.AuditTrail;
import dev.annota.app.auth.AuthServices;
import dev.annota.app.auth.ProjectRole;
import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.LabelSchema;
import dev.annota.store.Database;
import dev.annota.store.auth.MembershipStore;
import dev.annota.store.projects.Project;
import dev.annota.store.projects.ProjectSummary;
import dev.annota.store.projects.ProjectVisibility;
import dev.annota.store.projects.Projects;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates, reads, lists, updates and deletes projects, checking who may: administrators create projects and
 * may do everything; a project's managers update and delete it; any member reads it; a listing shows an
 * administrator every project and anyone else the projects they are a member of. Label-schema edits are
 * {@link EditSchema}'s.
 *
 * <p>Creating a project is for administrators only: the server has no global setting (yet) that lets ordinary
 * users create projects, and a project's managers are chosen by an administrator or by a manager of that
 * project. The creator becomes the new project's manager in the same transaction (a membership in
 * {@code project_members}), so the project is listed for them and stays manageable by them even if they later
 * lose the admin role. Creating, changing and deleting a project are written to the audit log.
 */
public final class ManageProjects {
    private final Projects projects;
    private final MembershipStore memberships;
    private final ProjectAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    public ManageProjects(Projects projects, MembershipStore memberships, Access access, AuditTrail audit, Clock clock) {
        this.projects = Objects.requireNonNull(projects, "projects");
        this.memberships = Objects.requireNonNull(memberships, "memberships");
        this.access = new ProjectAccess(access);
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Over {@code db}, with the access checks and audit log of {@code auth}, on the system clock. */
    public static ManageProjects of(Database db, AuthServices auth) {
        return new ManageProjects(new Projects(db), new MembershipStore(db), auth.access(), auth.audit(), Clock.systemUTC());
    }

    /** What a new project starts with: a name, guidelines (Markdown, may be empty) and a label schema (may be empty). */
    public record NewProject(String name, String guidelines, LabelSchema schema) {
        public NewProject {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(guidelines, "guidelines");
            Objects.requireNonNull(schema, "schema");
        }

        public static NewProject named(String name) {
            return new NewProject(name, "", LabelSchema.empty());
        }
    }

    /** A partial update: each present field is replaced, absent ones stay. */
    public record ProjectChanges(Optional<String> name, Optional<String> guidelines) {
        public ProjectChanges {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(guidelines, "guidelines");
        }
    }

    /**
     * Creates a project (administrators only) with its creator as manager; a name already used, compared
     * normalised, is a conflict.
     */
    public Project create(Actor actor, NewProject request) {
        access.requireAdmin(actor, "create projects");
        return projects.inTransaction(() -> {
            Project p = projects.create(request.name(), request.guidelines(), request.schema());
            memberships.put(p.id(), actor.userId(), ProjectRole.MANAGER.wireName(), clock.instant());
            audit.record(Optional.of(actor), "project.create", "project:" + p.id(), "\"" + p.name() + "\", creator as manager");
            return p;
        });
    }

    /** A project with its schema and guidelines (members and administrators). */
    public Project get(Actor actor, String projectId) {
        access.requireMember(actor, projectId, "read");
        return projects.get(projectId);
    }

    /** The projects the actor may see, ordered by name. */
    public List<ProjectSummary> list(Actor actor) {
        ProjectVisibility visible = actor.isAdmin() ? ProjectVisibility.all()
                : ProjectVisibility.only(memberships.projectIdsOf(actor.userId()));
        return projects.list(visible);
    }

    /** Renames a project and/or replaces its guidelines, together (managers and administrators). */
    public Project update(Actor actor, String projectId, ProjectChanges changes) {
        access.requireManager(actor, projectId, "change the name or guidelines");
        if (changes.name().isEmpty() && changes.guidelines().isEmpty()) {
            throw ValidationException.of("(body)", "{}", "expected at least one of name, guidelines");
        }
        return projects.inTransaction(() -> {
            changes.name().ifPresent(n -> projects.rename(projectId, n));
            changes.guidelines().ifPresent(g -> projects.updateGuidelines(projectId, g));
            Project p = projects.get(projectId);
            audit.record(Optional.of(actor), "project.update", "project:" + projectId,
                    changes.name().map(n -> "name \"" + p.name() + "\"").orElse("") + (changes.name().isPresent()
                            && changes.guidelines().isPresent() ? ", " : "") + changes.guidelines().map(g -> "guidelines").orElse(""));
            return p;
        });
    }

    /** Deletes a project with its images, annotations and history (managers and administrators). */
    public void delete(Actor actor, String projectId) {
        access.requireManager(actor, projectId, "delete");
        String name = projects.get(projectId).name();
        projects.delete(projectId);
        audit.record(Optional.of(actor), "project.delete", "project:" + projectId, "\"" + name + "\"");
    }
}
