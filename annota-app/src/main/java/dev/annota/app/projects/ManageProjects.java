package dev.annota.app.projects;

import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.LabelSchema;
import dev.annota.store.projects.Project;
import dev.annota.store.projects.ProjectSummary;
import dev.annota.store.projects.ProjectVisibility;
import dev.annota.store.projects.Projects;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates, reads, lists, updates and deletes projects, checking who may: administrators create projects and
 * may do everything; a project's managers update and delete it; any member reads it; a listing shows an
 * administrator every project and anyone else the projects they are a member of. Label-schema edits are
 * {@link EditSchema}'s.
 */
public final class ManageProjects {
    private final Projects projects;
    private final ProjectAccess access;

    public ManageProjects(Projects projects, MembershipLookup members) {
        this.projects = Objects.requireNonNull(projects, "projects");
        this.access = new ProjectAccess(members);
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

    /** Creates a project (administrators only); a name already used, compared normalised, is a conflict. */
    public Project create(Actor actor, NewProject request) {
        access.requireAdmin(actor, "create projects");
        return projects.create(request.name(), request.guidelines(), request.schema());
    }

    /** A project with its schema and guidelines (members and administrators). */
    public Project get(Actor actor, String projectId) {
        access.requireMember(actor, projectId, "read");
        return projects.get(projectId);
    }

    /** The projects the actor may see, ordered by name. */
    public List<ProjectSummary> list(Actor actor) {
        ProjectVisibility visible = actor.isAdmin() ? ProjectVisibility.all()
                : ProjectVisibility.only(access.members().projectIds(actor.userId()));
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
            return projects.get(projectId);
        });
    }

    /** Deletes a project with its images, annotations and history (managers and administrators). */
    public void delete(Actor actor, String projectId) {
        access.requireManager(actor, projectId, "delete");
        projects.delete(projectId);
    }
}
