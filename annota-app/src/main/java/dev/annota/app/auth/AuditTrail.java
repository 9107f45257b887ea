package dev.annota.app.auth;

import dev.annota.core.error.ValidationException;
import dev.annota.store.Database;
import dev.annota.store.Ids;
import dev.annota.store.auth.AuditEntry;
import dev.annota.store.auth.AuditStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Who changed what: written by the use cases, read by admins a page at a time, newest first. */
public final class AuditTrail {
    /** One page of the log; {@code next} is the cursor of the following page, if there is one. */
    public record Page(List<AuditEntry> entries, Optional<String> next) {
        public Page {
            entries = List.copyOf(entries);
        }
    }

    private final AuditStore store;
    private final Access access;
    private final Clock clock;

    public AuditTrail(Database db, Access access, Clock clock) {
        this.store = new AuditStore(db);
        this.access = access;
        this.clock = clock;
    }

    /** Notes an action by {@code actor} (empty for the system) on {@code target}, e.g. {@code user:<id>}. */
    public void record(Optional<Actor> actor, String action, String target, String detail) {
        store.append(new AuditEntry(Ids.newId(), clock.instant(), actor.map(Actor::userId), action, target, detail));
    }

    /** Admins only: up to {@code limit} (1..1000) entries after the cursor {@code after}. */
    public Page list(Actor actor, int limit, Optional<String> after) {
        access.requireAdmin(actor);
        if (limit < 1 || limit > 1000) {
            throw ValidationException.of("limit", limit, "expected a number from 1 to 1000");
        }
        Optional<AuditEntry> cursor = after.map(id -> store.find(id)
                .orElseThrow(() -> ValidationException.of("after", id, "expected the id of an audit entry from an earlier page")));
        List<AuditEntry> entries = store.list(limit + 1, cursor);
        if (entries.size() > limit) {
            return new Page(entries.subList(0, limit), Optional.of(entries.get(limit - 1).id()));
        }
        return new Page(entries, Optional.empty());
    }
}
