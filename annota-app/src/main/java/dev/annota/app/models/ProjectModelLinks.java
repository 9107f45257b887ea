package dev.annota.app.models;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.ProjectRole;
import dev.annota.core.error.NotFoundException;
import dev.annota.store.Database;
import dev.annota.store.models.ModelRecord;
import dev.annota.store.models.ProjectModel;
import dev.annota.store.models.ProjectModels;
import dev.annota.store.projects.Project;
import dev.annota.store.projects.Projects;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models a project uses. Managers of the project (and admins) link a registered model with a label mapping
 * ({@link LabelMapping}) and unlink it; every member reads the links. Linking again replaces the mapping.
 */
public final class ProjectModelLinks {
    private final ProjectModels links;
    private final Projects projects;
    private final ModelRegistry registry;
    private final Access access;

    public ProjectModelLinks(Database db, ModelRegistry registry, Access access) {
        this.links = new ProjectModels(db);
        this.projects = new Projects(db);
        this.registry = registry;
        this.access = access;
    }

    /** A project's model with its mapping as it applies to the project's schema now. */
    public record Link(ModelRecord model, ProjectModel link, LabelMapping mapping) {
    }

    /** Links {@code modelId} to the project with the explicit {@code labelMap} entries; returns the mapping report. */
    public Link link(Actor actor, String projectId, String modelId, Map<String, String> labelMap) {
        access.requireProjectRole(actor, projectId, ProjectRole.MANAGER);
        return store(projectId, modelId, labelMap, Optional.of(actor.userId()));
    }

    /** Links {@code modelId} as the machine's owner (the CLI: no user, no access check). */
    public Link linkAsOwner(String projectId, String modelId, Map<String, String> labelMap) {
        return store(projectId, modelId, labelMap, Optional.empty());
    }

    private Link store(String projectId, String modelId, Map<String, String> labelMap, Optional<String> createdBy) {
        Project project = projects.get(projectId);
        ModelRecord model = registry.get(modelId);
        LabelMapping mapping = LabelMapping.of(model.labels(), project.schema(), labelMap);
        ProjectModel stored = links.link(new ProjectModel(projectId, modelId, mapping.map(), createdBy,
                Instant.ofEpochMilli(System.currentTimeMillis())));
        return new Link(model, stored, mapping);
    }

    /** Removes the link; a {@link NotFoundException} when the model is not linked. */
    public void unlink(Actor actor, String projectId, String modelId) {
        access.requireProjectRole(actor, projectId, ProjectRole.MANAGER);
        projects.get(projectId);
        if (!links.unlink(projectId, modelId)) {
            throw new NotFoundException("model " + modelId + " is not linked to project " + projectId);
        }
    }

    /** The project's links (any member). */
    public List<Link> list(Actor actor, String projectId) {
        access.requireProjectRole(actor, projectId);
        Project project = projects.get(projectId);
        return links.list(projectId).stream().map(l -> view(project, l)).toList();
    }

    /** The link of {@code modelId} in the project, without access checks (callers check). */
    public Link get(String projectId, String modelId) {
        Project project = projects.get(projectId);
        ProjectModel l = links.get(projectId, modelId).orElseThrow(() -> new NotFoundException("model " + modelId
                + " is not linked to project " + projectId + " (POST /api/v1/projects/" + projectId + "/models first)"));
        return view(project, l);
    }

    /** The link when there is one, without access checks. */
    public Optional<Link> find(String projectId, String modelId) {
        return links.get(projectId, modelId).map(l -> view(projects.get(projectId), l));
    }

    /** The project's label schema now. */
    public dev.annota.core.schema.LabelSchema schema(String projectId) {
        return projects.get(projectId).schema();
    }

    private Link view(Project project, ProjectModel l) {
        ModelRecord model = registry.get(l.modelId());
        return new Link(model, l, LabelMapping.ofStored(model.labels(), project.schema(), l.labelMap()));
    }
}
