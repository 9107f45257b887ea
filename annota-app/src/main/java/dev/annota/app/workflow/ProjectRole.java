package dev.annota.app.workflow;

import java.util.Locale;

/** A user's membership role in one project. */
public enum ProjectRole {
    MANAGER, ANNOTATOR, REVIEWER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
