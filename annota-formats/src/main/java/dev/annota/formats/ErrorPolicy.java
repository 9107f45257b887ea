package dev.annota.formats;

/** What an importer does with a problem in the input (Datumaro's ImportErrorPolicy). */
public enum ErrorPolicy {
    /** Stop at the first error, with a message that names file, location, field and value. */
    FAIL_FAST,
    /** Skip what is broken, keep going, and list every problem in the {@link ImportReport}. */
    COLLECT
}
