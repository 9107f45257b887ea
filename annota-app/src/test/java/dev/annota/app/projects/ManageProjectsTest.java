package dev.annota.app.projects;

import static dev.annota.app.projects.ProjectFixture.ADMIN;
import static dev.annota.app.projects.ProjectFixture.ANNOTATOR;
import static dev.annota.app.projects.ProjectFixture.MANAGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.app.auth.ProjectRole;
import dev.annota.app.projects.ManageProjects.NewProject;
import dev.annota.app.projects.ManageProjects.ProjectChanges;
import dev.annota.core.error.ConflictException;
import dev.annota.core.error.ForbiddenException;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import dev.annota.store.projects.Project;
import dev.annota.store.projects.ProjectSummary;
import dev.annota.store.projects.Projects;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ManageProjectsTest {
    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void administrators_create_projects_which_they_then_manage_and_a_duplicate_name_names_the_existing_one(Dialect dialect) {
        try (ProjectFixture f = new ProjectFixture(dialect)) {
            Project p = f.manage.create(ADMIN, NewProject.named("Catalog"));
            assertEquals("Catalog", p.name());
            assertEquals(Optional.of(ProjectRole.MANAGER), f.access.roleIn(ADMIN, p.id()), "the creator manages the new project");
            assertThrows(ForbiddenException.class, () -> f.manage.create(MANAGER, NewProject.named("Mine")));
            ConflictException e = assertThrows(ConflictException.class, () -> f.manage.create(ADMIN, NewProject.named(" STREETS")));
            assertTrue(e.getMessage().contains("\"Streets\"") && e.getMessage().contains(f.project.id()), e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void members_see_their_projects_and_administrators_see_all(Dialect dialect) {
        try (ProjectFixture f = new ProjectFixture(dialect)) {
            Project other = f.manage.create(ADMIN, NewProject.named("Other"));
            assertEquals(List.of("Other", "Streets"), f.manage.list(ADMIN).stream().map(ProjectSummary::name).toList());
            assertEquals(List.of("Streets"), f.manage.list(ANNOTATOR).stream().map(ProjectSummary::name).toList());
            assertEquals(List.of(), f.manage.list(ProjectFixture.STRANGER));
            assertEquals("Box every vehicle.", f.manage.get(ANNOTATOR, f.project.id()).guidelines());
            assertThrows(ForbiddenException.class, () -> f.manage.get(ANNOTATOR, other.id()));
            assertThrows(NotFoundException.class, () -> f.manage.get(ADMIN, "nope"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void managers_rename_and_rewrite_guidelines_together_within_the_size_limit(Dialect dialect) {
        try (ProjectFixture f = new ProjectFixture(dialect)) {
            Project p = f.manage.update(MANAGER, f.project.id(), new ProjectChanges(Optional.of("City streets"),
                    Optional.of("## Boxes\n\n* tight\n* every vehicle")));
            assertEquals("City streets", p.name());
            assertEquals("## Boxes\n\n* tight\n* every vehicle", p.guidelines());
            assertThrows(ForbiddenException.class, () -> f.manage.update(ANNOTATOR, f.project.id(),
                    new ProjectChanges(Optional.of("x"), Optional.empty())));
            ValidationException big = assertThrows(ValidationException.class, () -> f.manage.update(MANAGER, f.project.id(),
                    new ProjectChanges(Optional.of("Renamed"), Optional.of("#".repeat(Projects.MAX_GUIDELINES_BYTES + 1)))));
            assertEquals("guidelines", big.errors().get(0).field());
            assertEquals("City streets", f.current().name(), "the rename in the refused update was rolled back");
            assertThrows(ValidationException.class, () -> f.manage.update(MANAGER, f.project.id(),
                    new ProjectChanges(Optional.empty(), Optional.empty())));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void managers_delete_a_project_with_everything_in_it(Dialect dialect) {
        try (ProjectFixture f = new ProjectFixture(dialect)) {
            assertThrows(ForbiddenException.class, () -> f.manage.delete(ANNOTATOR, f.project.id()));
            f.manage.delete(MANAGER, f.project.id());
            assertThrows(NotFoundException.class, () -> f.manage.get(ADMIN, f.project.id()));
            assertEquals(0, (int) f.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM annotation_history")
                    .mapTo(Integer.class).one()));
        }
    }
}
