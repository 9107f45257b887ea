package dev.annota.app.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ForbiddenException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessTest {
    private final Access access = new Access((project, user) ->
            Optional.ofNullable(Map.of("p1:m", ProjectRole.MANAGER, "p1:a", ProjectRole.ANNOTATOR).get(project + ":" + user)));
    private final Actor admin = new Actor("root", "root", GlobalRole.ADMIN);
    private final Actor manager = new Actor("m", "mia", GlobalRole.USER);
    private final Actor annotator = new Actor("a", "abe", GlobalRole.USER);
    private final Actor stranger = new Actor("s", "sue", GlobalRole.USER);

    @Test
    void admins_pass_every_check_even_without_membership() {
        access.requireAdmin(admin);
        assertEquals(Optional.empty(), access.requireProjectRole(admin, "p1", ProjectRole.MANAGER));
    }

    @Test
    void members_pass_with_one_of_the_roles_asked_for() {
        assertEquals(Optional.of(ProjectRole.MANAGER), access.requireProjectRole(manager, "p1", ProjectRole.MANAGER));
        assertEquals(Optional.of(ProjectRole.ANNOTATOR), access.requireProjectRole(annotator, "p1"));
        ForbiddenException e = assertThrows(ForbiddenException.class,
                () -> access.requireProjectRole(annotator, "p1", ProjectRole.MANAGER, ProjectRole.REVIEWER));
        assertTrue(e.getMessage().contains("manager or reviewer"), e.getMessage());
    }

    @Test
    void non_members_and_non_admins_are_forbidden() {
        assertThrows(ForbiddenException.class, () -> access.requireProjectRole(stranger, "p1"));
        assertThrows(ForbiddenException.class, () -> access.requireProjectRole(manager, "p2"));
        assertThrows(ForbiddenException.class, () -> access.requireAdmin(manager));
    }
}
