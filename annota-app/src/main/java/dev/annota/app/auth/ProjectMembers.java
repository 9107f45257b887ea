package dev.annota.app.auth;

import dev.annota.core.error.NotFoundException;
import dev.annota.store.Database;
import dev.annota.store.auth.MembershipStore;
import dev.annota.store.auth.StoredMember;
import dev.annota.store.auth.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who works on a project and in which role. Any member may see the members; admins and the project's
 * managers add, change and remove them.
 */
public final class ProjectMembers {
    /** A member as the API shows it. */
    public record Member(String projectId, String userId, String username, ProjectRole role, Instant addedAt) {
        public Member {
            Objects.requireNonNull(projectId, "projectId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(addedAt, "addedAt");
        }
    }

    /** The outcome of a put: the membership now, and whether it is new. */
    public record Put(Member member, boolean created) {
        public Put {
            Objects.requireNonNull(member, "member");
        }
    }

    private final MembershipStore store;
    private final UserStore users;
    private final Access access;
    private final AuditTrail audit;
    private final Clock clock;

    public ProjectMembers(Database db, Access access, AuditTrail audit, Clock clock) {
        this.store = new MembershipStore(db);
        this.users = new UserStore(db);
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The members of a project (any member, or an admin). */
    public List<Member> list(Actor actor, String projectId) {
        access.requireProjectRole(actor, projectId);
        requireProject(projectId);
        return store.list(projectId).stream().map(ProjectMembers::member).toList();
    }

    /** One member (any member, or an admin). */
    public Member get(Actor actor, String projectId, String userId) {
        access.requireProjectRole(actor, projectId);
        requireProject(projectId);
        return find(projectId, userId).orElseThrow(() -> new NotFoundException(
                "user " + userId + " is not a member of project " + projectId));
    }

    /** Adds a user or changes their role (managers of the project, or an admin). */
    public Put put(Actor actor, String projectId, String userId, ProjectRole role) {
        access.requireProjectRole(actor, projectId, ProjectRole.MANAGER);
        requireProject(projectId);
        String username = users.find(userId).orElseThrow(() -> new NotFoundException("no user " + userId)).username();
        boolean created = store.put(projectId, userId, role.wireName(), clock.instant());
        audit.record(Optional.of(actor), created ? "member.add" : "member.update", "project:" + projectId,
                username + " (" + userId + ") as " + role.wireName());
        return new Put(find(projectId, userId).orElseThrow(), created);
    }

    /** Removes a member (managers of the project, or an admin). */
    public void remove(Actor actor, String projectId, String userId) {
        access.requireProjectRole(actor, projectId, ProjectRole.MANAGER);
        requireProject(projectId);
        if (!store.remove(projectId, userId)) {
            throw new NotFoundException("user " + userId + " is not a member of project " + projectId);
        }
        audit.record(Optional.of(actor), "member.remove", "project:" + projectId, "removed " + userId);
    }

    private Optional<Member> find(String projectId, String userId) {
        return store.list(projectId).stream().filter(m -> m.userId().equals(userId)).findFirst().map(ProjectMembers::member);
    }

    private void requireProject(String projectId) {
        if (!store.projectExists(projectId)) {
            throw new NotFoundException("no project " + projectId);
        }
    }

    private static Member member(StoredMember m) {
        return new Member(m.projectId(), m.userId(), m.username(), ProjectRole.parse("role", m.role()), m.addedAt());
    }
}
