package dev.annota.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;

/**
 * The baseline: what one save writes, done with plain JDBC — in one transaction, the versioned update of the
 * image's {@code annotation_sets} row (or its insert at version 1) and the {@code annotation_history} row,
 * with the same stored JSON — from as many threads for as long, each transaction on a connection taken from the
 * same pool the server uses (so the connection settings are the server's, by construction).
 */
final class RawSaves {
    private final BenchDatabase db;
    private final List<String> images;
    private final SavePayloads payloads;
    private final ConcurrentHashMap<String, Long> versions = new ConcurrentHashMap<>();

    RawSaves(BenchDatabase db, List<String> images, SavePayloads payloads) {
        this.db = db;
        this.images = List.copyOf(images);
        this.payloads = payloads;
        images.forEach(id -> versions.put(id, 0L));
        db.database().jdbi().useHandle(h -> h.createQuery("SELECT image_id, version FROM annotation_sets")
                .map((rs, ctx) -> versions.put(rs.getString(1), rs.getLong(2))).list());
    }

    /** Saves committed per second over {@code seconds}, from {@code threads} threads. */
    double run(int threads, double seconds, long seed) throws InterruptedException {
        AtomicLong saves = new AtomicLong();
        List<Thread> all = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        for (int t = 0; t < threads; t++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000 + t);
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        try (Handle h = db.database().jdbi().open()) {
                            Connection c = h.getConnection();
                            c.setAutoCommit(false);
                            try {
                                if (save(c, images.get(random.nextInt(images.size())), payloads.get(random.nextInt()).storedJson())) {
                                    saves.incrementAndGet();
                                }
                            } finally {
                                c.setAutoCommit(true);
                            }
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    failures.add(e);
                }
            }, "raw-save-" + t);
            all.add(thread);
            thread.start();
        }
        for (Thread t : all) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the raw JDBC baseline failed: " + failures.get(0), failures.get(0));
        }
        return saves.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** One save in one transaction; false (rolled back, version refreshed) when another thread saved first. */
    private boolean save(Connection c, String image, String json) throws SQLException {
        long expected = versions.get(image);
        long next = expected + 1;
        long now = System.currentTimeMillis();
        try {
            int rows;
            String sql = expected == 0
                    ? "INSERT INTO annotation_sets (annotations_json, updated_at, updated_by, source, image_id, version) VALUES (?, ?, ?, ?, ?, 1)"
                    : "UPDATE annotation_sets SET annotations_json = ?, updated_at = ?, updated_by = ?, source = ?, version = ? "
                    + "WHERE image_id = ? AND version = ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, json);
                s.setLong(2, now);
                s.setString(3, "bench");
                s.setString(4, "api");
                if (expected == 0) {
                    s.setString(5, image);
                } else {
                    s.setLong(5, next);
                    s.setString(6, image);
                    s.setLong(7, expected);
                }
                rows = s.executeUpdate();
            }
            if (rows != 1) {
                c.rollback();
                refresh(c, image);
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO annotation_history (image_id, version, annotations_json, created_at, "
                    + "author, source) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, image);
                s.setLong(2, next);
                s.setString(3, json);
                s.setLong(4, now);
                s.setString(5, "bench");
                s.setString(6, "api");
                s.executeUpdate();
            }
            c.commit();
            versions.merge(image, next, Math::max);
            return true;
        } catch (SQLException e) {
            c.rollback();
            if (isConflict(e)) {
                refresh(c, image);
                return false;
            }
            throw e;
        }
    }

    private void refresh(Connection c, String image) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT version FROM annotation_sets WHERE image_id = ?")) {
            q.setString(1, image);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    versions.merge(image, rs.getLong(1), Math::max);
                }
            }
            c.commit();
        }
    }

    private static boolean isConflict(SQLException e) {
        return "23505".equals(e.getSQLState()) || String.valueOf(e.getMessage()).contains("UNIQUE constraint failed")
                || String.valueOf(e.getMessage()).contains("PRIMARYKEY");
    }
}
