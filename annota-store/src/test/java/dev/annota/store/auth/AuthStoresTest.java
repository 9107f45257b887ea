package dev.annota.store.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ConflictException;
import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.Ids;
import dev.annota.store.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuthStoresTest {
    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    static StoredUser user(String name, String role) {
        return new StoredUser(Ids.newId(), name, "$argon2id$x", role, false, Instant.ofEpochMilli(1000));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void user_names_are_unique_ignoring_case_and_updates_change_only_what_is_given(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            UserStore users = new UserStore(db);
            StoredUser ana = user("Ana", "admin");
            users.insert(ana);
            assertThrows(ConflictException.class, () -> users.insert(user("ana", "user")));
            assertEquals(Optional.of(ana), users.findByUsername("ANA"));
            assertTrue(users.update(ana.id(), new UserChange(Optional.of("user"), Optional.of(true), Optional.empty())));
            StoredUser changed = users.find(ana.id()).orElseThrow();
            assertEquals("user", changed.role());
            assertTrue(changed.disabled());
            assertEquals("$argon2id$x", changed.passwordHash());
            assertFalse(users.update("nobody", new UserChange(Optional.of("user"), Optional.empty(), Optional.empty())));
            assertEquals(0, users.countEnabled("admin"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void sessions_expire_and_disabled_users_are_not_found_by_session_or_token(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            UserStore users = new UserStore(db);
            SessionStore sessions = new SessionStore(db);
            TokenStore tokens = new TokenStore(db);
            StoredUser ben = user("ben", "user");
            users.insert(ben);
            sessions.create("h1", ben.id(), Instant.ofEpochMilli(0), Instant.ofEpochMilli(5000));
            tokens.insert(new StoredToken("t1", ben.id(), "script", "th1", Instant.ofEpochMilli(0), Optional.empty()));
            assertEquals(ben.id(), sessions.findUser("h1", Instant.ofEpochMilli(4999)).orElseThrow().id());
            assertTrue(sessions.findUser("h1", Instant.ofEpochMilli(5000)).isEmpty());
            assertEquals(ben.id(), tokens.findUser("th1", Instant.ofEpochMilli(7000)).orElseThrow().id());
            assertEquals(Optional.of(Instant.ofEpochMilli(7000)), tokens.list(ben.id()).get(0).lastUsedAt());
            users.update(ben.id(), new UserChange(Optional.empty(), Optional.of(true), Optional.empty()));
            assertTrue(sessions.findUser("h1", Instant.ofEpochMilli(1)).isEmpty());
            assertTrue(tokens.findUser("th1", Instant.ofEpochMilli(1)).isEmpty());
            assertFalse(tokens.delete("t1", "someone-else"));
            assertTrue(tokens.delete("t1", ben.id()));
            assertEquals(1, sessions.deleteExpired(Instant.ofEpochMilli(6000)));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void membership_is_added_changed_listed_and_removed(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            UserStore users = new UserStore(db);
            MembershipStore members = new MembershipStore(db);
            db.jdbi().useHandle(h -> h.execute("INSERT INTO projects (id, name, name_key, guidelines, schema_json, created_at, updated_at) "
                    + "VALUES ('p1', 'P', 'p', '', '{}', 0, 0)"));
            StoredUser cy = user("cy", "user");
            users.insert(cy);
            assertTrue(members.projectExists("p1"));
            assertFalse(members.projectExists("p2"));
            assertTrue(members.put("p1", cy.id(), "annotator", Instant.ofEpochMilli(10)));
            assertFalse(members.put("p1", cy.id(), "reviewer", Instant.ofEpochMilli(20)));
            assertEquals(Optional.of("reviewer"), members.role("p1", cy.id()));
            assertEquals(List.of(new StoredMember("p1", cy.id(), "cy", "reviewer", Instant.ofEpochMilli(10))), members.list("p1"));
            assertTrue(members.remove("p1", cy.id()));
            assertFalse(members.remove("p1", cy.id()));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void the_audit_log_pages_newest_first(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            AuditStore audit = new AuditStore(db);
            for (int i = 0; i < 5; i++) {
                audit.append(new AuditEntry("e" + i, Instant.ofEpochMilli(100 + i / 2), Optional.of("u"), "user.create",
                        "user:" + i, "detail " + i));
            }
            List<AuditEntry> first = audit.list(3, Optional.empty());
            assertEquals(List.of("e4", "e3", "e2"), first.stream().map(AuditEntry::id).toList());
            List<AuditEntry> next = audit.list(3, Optional.of(first.get(2)));
            assertEquals(List.of("e1", "e0"), next.stream().map(AuditEntry::id).toList());
        }
    }
}
