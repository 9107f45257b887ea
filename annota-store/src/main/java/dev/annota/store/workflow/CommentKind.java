package dev.annota.store.workflow;

import java.util.Locale;

/** Why a comment was written: a free remark, a review decision, or a manager reopening the task. */
public enum CommentKind {
    NOTE, ACCEPT, REJECT, REOPEN;

    /** The name in the database and in JSON: {@code note}, {@code accept}, {@code reject}, {@code reopen}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CommentKind fromDb(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
