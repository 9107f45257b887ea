/**
 * Projects and their label schemas: {@link dev.annota.app.projects.ManageProjects} (create, get, list,
 * update, delete), {@link dev.annota.app.projects.EditSchema} (add, rename, change, delete classes) and
 * {@link dev.annota.app.projects.RestoreAnnotations} (restore an earlier version, checked against the schema).
 * Every use case takes the acting {@link dev.annota.app.auth.Actor} and checks it with
 * {@link dev.annota.app.auth.Access} (memberships from {@code project_members}). Only administrators create
 * projects; the creator becomes the project's manager.
 *
 * <h2>JSON the API uses (handlers parse and render; these classes hold no HTTP)</h2>
 *
 * <pre>
 * Project          {"id": "uuid", "name": "Streets", "guidelines": "# Markdown…", "schema": SCHEMA,
 *                   "schema_version": 3, "created_at": "2025-01-01T10:00:00Z", "updated_at": "…"}
 * Project in lists {"id", "name", "schema_version", "created_at", "updated_at"}           (ProjectSummary)
 * SCHEMA           LabelSchemaJson: {"next_id": 4, "classes": [CLASS, …]}
 * CLASS            {"id": 1, "name": "Car", "colour": "#E6194B", "kinds": ["box", "polygon"],
 *                   "attributes": [ATTRIBUTE, …], "skeleton": {"points": ["head", "neck"], "edges": [[0, 1]]}}
 * ATTRIBUTE        {"name", "type": "select"|"multi_select"|"number"|"text"|"checkbox", "required",
 *                   "default", "options" (select kinds), "min"/"max"/"integer" (number), "max_length" (text)}
 *
 * The routes (annota-server's ProjectRoutes and SchemaRoutes, under /api/v1):
 * POST   /projects                     {"name", "guidelines"?, "schema"?: SCHEMA}       → 201 Project
 * GET    /projects                                                                      → 200 [summary, …]
 * GET    /projects/{id}                                                                 → 200 Project
 * PATCH  /projects/{id}                {"name"?, "guidelines"?}                         → 200 Project
 * DELETE /projects/{id}                                                                 → 204
 * GET    /projects/{id}/schema         → 200 {"schema_version", "schema"}, header ETag: "3"
 * POST   /projects/{id}/schema/classes {"schema_version"?: 3, CLASS fields without id}   → 201 SchemaChange
 * PATCH  /projects/{id}/schema/classes/{classId}
 *                                      {"schema_version"?: 3, "name"?, "colour"?, "kinds"?, "attributes"?,
 *                                       "skeleton"? (null removes it),
 *                                       "on_use"?: "refuse"|"delete_annotations"|"keep_annotations"} → 200 SchemaChange
 * DELETE /projects/{id}/schema/classes/{classId}?schema_version=3&amp;on_use=reassign_to&amp;reassign_to=2
 *                                                                                       → 200 SchemaChange
 *   (the schema version comes from the body or query, or from an If-Match: "3" header; one is required)
 * SchemaChange     {"schema_version": 4, "schema": SCHEMA, "annotations_changed": 3, "images_changed": 2}
 * POST   /images/{imageId}/annotations/restore
 *                                      {"version": 1, "expected_version": 4, "on_use"?, "reassign_to"?}
 *                                                                                       → 200 the image's new set
 * </pre>
 *
 * <p>Errors map the usual way: {@link dev.annota.core.error.ValidationException} 400 (schema JSON errors name
 * the JSON pointer under the request's {@code /schema} or {@code /class}); {@code ForbiddenException} 403;
 * {@code NotFoundException} 404 (project, class id, image, version); 409 for a duplicate project or class
 * name ({@code ConflictException}, naming the existing one), a stale {@code schema_version}
 * ({@link dev.annota.store.projects.SchemaVersionConflict}: put {@code current_version} and the current
 * {@code schema} in the problem JSON), and a change refused because of annotations
 * ({@link dev.annota.app.projects.ChangeRefused}: put {@code annotations}, {@code images} and
 * {@code problems} — a map from field to count — in the problem JSON, so the UI can offer the choices).
 * Guidelines over {@link dev.annota.store.projects.Projects#MAX_GUIDELINES_BYTES} are a 400 on field
 * {@code guidelines}.
 */
package dev.annota.app.projects;
