/** The route groups of the accounts-and-access area: sign-in, API tokens, users, project members, audit log; and of the review
 * workflow ({@link dev.annota.server.routes.WorkflowRoutes}). */
package dev.annota.server.routes;
