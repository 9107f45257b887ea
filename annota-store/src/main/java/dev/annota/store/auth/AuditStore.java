package dev.annota.store.auth;

import dev.annota.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The {@code audit_log} table: appended to, listed newest first with a keyset cursor. */
public final class AuditStore {
    private final Jdbi jdbi;

    public AuditStore(Database db) {
        this.jdbi = db.jdbi();
    }

    public void append(AuditEntry e) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO audit_log (id, at, user_id, action, target, detail) "
                        + "VALUES (:id, :at, :user, :action, :target, :detail)")
                .bind("id", e.id()).bind("at", e.at().toEpochMilli()).bind("user", e.userId().orElse(null))
                .bind("action", e.action()).bind("target", e.target()).bind("detail", e.detail()).execute());
    }

    /**
     * Up to {@code limit} entries, newest first; with {@code after}, only those that come after that entry in
     * this order (the next page).
     */
    public List<AuditEntry> list(int limit, Optional<AuditEntry> after) {
        return jdbi.withHandle(h -> {
            var q = after.isEmpty()
                    ? h.createQuery("SELECT id, at, user_id, action, target, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT :limit")
                    : h.createQuery("SELECT id, at, user_id, action, target, detail FROM audit_log "
                            + "WHERE at < :at OR (at = :at AND id < :id) ORDER BY at DESC, id DESC LIMIT :limit")
                    .bind("at", after.get().at().toEpochMilli()).bind("id", after.get().id());
            return q.bind("limit", limit)
                    .map((rs, ctx) -> new AuditEntry(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                            Optional.ofNullable(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6)))
                    .list();
        });
    }

    public Optional<AuditEntry> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, at, user_id, action, target, detail FROM audit_log WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new AuditEntry(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                        Optional.ofNullable(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6)))
                .findOne());
    }
}
