package dev.annota.store.workflow;

import java.util.Objects;
import java.util.Optional;

/**
 * A compare-and-set change of one job's state: applied only if the job is still in state {@code from} and held by
 * {@code fromAssignee} (empty: in the pool), so a change decided on a stale read fails instead of overwriting.
 * A review decision ({@code to} accepted or rejected) names its {@code reviewer}, and then also requires that no
 * other reviewer has claimed the job, and carries its record: an {@code accept} or {@code reject} comment by the
 * reviewer (the progress counts count these). The comment is written in the same transaction.
 */
public record JobChange(String jobId, JobState from, Optional<String> fromAssignee, JobState to,
                        Optional<String> reviewer, Optional<NewComment> comment) {
    public JobChange {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(fromAssignee, "fromAssignee");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(comment, "comment");
        if (!from.canMoveTo(to)) {
            throw new IllegalArgumentException("a job cannot go from " + from.wireName() + " to " + to.wireName());
        }
        boolean decision = to == JobState.ACCEPTED || to == JobState.REJECTED;
        if (decision != reviewer.isPresent()) {
            throw new IllegalArgumentException("a review decision, and only a review decision, names its reviewer");
        }
        if (decision) {
            CommentKind kind = to == JobState.ACCEPTED ? CommentKind.ACCEPT : CommentKind.REJECT;
            if (comment.isEmpty() || comment.get().kind() != kind || !comment.get().author().equals(reviewer)) {
                throw new IllegalArgumentException("a review decision is recorded as a " + kind.wireName()
                        + " comment by its reviewer");
            }
        }
    }
}
