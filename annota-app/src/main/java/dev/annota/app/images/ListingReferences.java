package dev.annota.app.images;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.store.Database;
import dev.annota.store.auth.StoredUser;
import dev.annota.store.auth.UserStore;
import dev.annota.store.projects.Projects;
import java.util.Objects;
import java.util.Optional;

/**
 * The names a listing filter may use for classes and users, resolved to the ids the index holds: a class by id
 * or by name in the project's schema, a user by id, by username, or {@code me}. Used by the image listing (and
 * whatever else filters images, such as exports).
 */
public final class ListingReferences {
    private final Projects projects;
    private final UserStore users;
    private final Access access;

    public ListingReferences(Database db, Access access) {
        this.projects = new Projects(db);
        this.users = new UserStore(db);
        this.access = Objects.requireNonNull(access, "access");
    }

    /** The resolver of one project, once {@code actor} is checked to be a member of it (any role) or an admin. */
    public Resolver forProject(Actor actor, String projectId) {
        access.requireProjectRole(actor, projectId);
        return new Resolver(projects.get(projectId).schema(), actor);
    }

    /** Resolves references within one project, for one caller. */
    public final class Resolver {
        private final LabelSchema schema;
        private final Actor actor;

        private Resolver(LabelSchema schema, Actor actor) {
            this.schema = schema;
            this.actor = actor;
        }

        /** The class with this id (digits) or name in the project's schema. */
        public Optional<LabelId> label(String reference) {
            String r = reference.strip();
            if (r.matches("\\d{1,9}")) {
                LabelId id = LabelId.of(Integer.parseInt(r));
                if (schema.contains(id)) {
                    return Optional.of(id);
                }
            }
            return schema.byName(r).map(LabelClass::id);
        }

        /** The user id of {@code me} (the caller), of a user id, or of a username. */
        public Optional<String> user(String reference) {
            String r = reference.strip();
            if (r.equals("me")) {
                return Optional.of(actor.userId());
            }
            return users.find(r).or(() -> users.findByUsername(r)).map(StoredUser::id);
        }
    }
}
