/** The route groups of the accounts-and-access area: sign-in, API tokens, users, project members, audit log. */
package dev.annota.server.routes;
