/**
 * Accounts and access in the database: users, login sessions, API tokens, project membership and the audit
 * log. Repositories over Jdbi; roles are stored as their wire names, secrets only as SHA-256 hashes.
 */
package dev.annota.store.auth;
