/** Persistence: SQL (JDBI, Flyway) and the content-addressed image store. */
package dev.annota.store;
