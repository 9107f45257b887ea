/**
 * Users and access: Argon2id passwords, login sessions, API tokens, global roles (admin, user) and per-project
 * roles (manager, annotator, reviewer), the {@link dev.annota.app.auth.Access} checks every use case calls with
 * the {@link dev.annota.app.auth.Actor} making the request, and the audit log.
 */
package dev.annota.app.auth;
