/**
 * The annotation workflow (issue 5): a task per image with stages {@code annotate → review → done}, k independent
 * annotation jobs per task (overlap), assignment, review with comments, reopening.
 *
 * <h2>Model</h2>
 * <ul>
 *   <li><b>Task</b> — one per image, made by {@link dev.annota.store.workflow.WorkflowTasks#ensureTasks} (call it
 *   when images are added; {@link dev.annota.app.workflow.Workflow#ensureTasks} checks the manager role). Its
 *   stage is derived from its jobs: {@code done} when all are accepted, {@code review} when all are submitted or
 *   accepted, {@code annotate} otherwise. A task may be <i>gold</i>: a flag plus the version of the image's
 *   annotation history that is the known answer.</li>
 *   <li><b>Job</b> — slot 0..k-1 of a task; states {@code new → in_progress → submitted → accepted}, or
 *   {@code submitted → rejected → (in_progress →) submitted}. An empty assignee is the open pool. A user never
 *   holds two jobs of one image (a database constraint).</li>
 *   <li><b>Annotations of a job</b> — overlap 1: the image's own {@code AnnotationSets} (one set, same versions
 *   and history as the annotations API). Overlap &gt; 1: one versioned set per job in {@code job_annotations}
 *   (same optimistic-concurrency rules), the image's set untouched. See {@link
 *   dev.annota.app.workflow.JobAnnotationsService}.</li>
 *   <li><b>Queues</b> — {@code claimNext}: the caller's own unfinished jobs (rejected, then in progress, then
 *   new), then the oldest pool job of an image they hold no job of. {@code claimReview}: submitted jobs of tasks
 *   in stage {@code review} (so a reviewer sees all k annotations), not the caller's own, their own claims first.
 *   Both are atomic: concurrent callers never get the same job.</li>
 * </ul>
 *
 * <h2>Roles</h2>
 * Admins: everything. Managers: tasks, assignment, reassign, reopen, gold, and everything annotators and
 * reviewers do. Annotators: claim/start/annotate/submit their jobs. Reviewers: claim reviews, accept, reject,
 * fix annotations of a job they review. Every member: read jobs, comments, progress, and comment. Nobody
 * reviews a job they annotated. Roles are checked with {@link dev.annota.app.auth.Access}.
 *
 * <h2>Errors (one mapping in the server)</h2>
 * {@code ForbiddenException} 403 (wrong role, someone else's job, own job review); {@code ConflictException} 409
 * (the job's state does not allow the action, or it changed meanwhile; {@code JobVersionConflict} and
 * {@code VersionConflict} 409 carry the current set); {@code NotFoundException} 404; {@code ValidationException}
 * 400. Messages name the job ({@code job ID (image IMG, slot 1 of 2, state submitted)}) and the action.
 *
 * <h2>JSON the API uses ({@link dev.annota.app.workflow.WorkflowJson} renders them)</h2>
 * <pre>
 * Job:      {"id", "task_id", "project_id", "image_id", "slot": 0, "overlap": 2,
 *            "state": "new|in_progress|submitted|accepted|rejected", "stage": "annotate|review|done",
 *            "assignee": "user id"|null, "reviewer": "user id"|null,
 *            "created_at": "2025-01-01T00:00:00Z", "updated_at": "...", "submitted_at": "..."|null}
 * Task:     {"id", "project_id", "image_id", "stage", "overlap", "created_at", "updated_at"}
 *           + "gold": true, "gold_version": 3|null   (managers and admins only)
 * Page:     {"items": [Job...], "next": "cursor"|null}
 * Comment:  {"id", "job_id", "kind": "note|accept|reject|reopen", "author": "user id"|null, "at", "text",
 *            "annotation_index": 2|null, "region": [x, y, w, h]|null}
 * Progress: {"project_id", "tasks": 10, "tasks_by_stage": {"annotate": 6, "review": 3, "done": 1},
 *            "jobs_by_state": {"new": 4, "in_progress": 2, "submitted": 3, "accepted": 1, "rejected": 0},
 *            "unassigned_jobs": 4,
 *            "users": [{"user_id", "jobs_by_state": {...}, "accepted": 5, "rejected": 1}]}
 * Assignment result: {"assigned": [{"job_id", "user_id"}], "skipped": 0, "left_open": 2}
 * Tasks created:     {"created": 10, "already_present": 0}
 * Job annotations:   the annotations API's set shape ({"version", "annotations": [AnnotationJson...], ...})
 *
 * Requests (served by annota-server's WorkflowRoutes; image_ids absent = every image of the project):
 *   POST /projects/{p}/workflow/tasks      {"image_ids": [...], "overlap": 2}           → Tasks created
 *   POST /projects/{p}/workflow/assign     {"image_ids": [...], "users": ["ana","ben"]} (round-robin)
 *                                          or {"explicit": {"IMG": ["ana", "ben"]}}       → Assignment result
 *   POST /projects/{p}/workflow/next       (claimNext)   → 200 Job, or 204 when nothing is left
 *   POST /projects/{p}/workflow/next-review (claimReview) → 200 Job, or 204
 *   GET  /projects/{p}/jobs?stage=&amp;state=&amp;assignee=USER|me|none&amp;image=&amp;after=&amp;limit=  → Page
 *   GET  /projects/{p}/workflow/progress   → Progress
 *   GET  /jobs/{j}                         → Job
 *   POST /jobs/{j}/start | /submit         → Job
 *   POST /jobs/{j}/accept  {"text": "optional", "annotation_index": null, "region": null} → Job
 *   POST /jobs/{j}/reject  {"text": "required", "annotation_index": 2, "region": [x,y,w,h]} → Job
 *   POST /jobs/{j}/reassign {"assignee": "ben"|null}  → Job
 *   GET|POST /jobs/{j}/comments {"text", "annotation_index", "region"} → [Comment] | Comment
 *   GET|PUT /jobs/{j}/annotations {"version": 3, "annotations": [...]} → the set | {"version": 4}
 *   POST /tasks/{t}/reopen {"reason": "required"} → Task
 *   GET  /images/{i}/task                  → Task (gold fields for managers and admins only)
 *   PUT|DELETE /images/{i}/gold {"version": 3}   → Task
 * </pre>
 */
package dev.annota.app.workflow;
