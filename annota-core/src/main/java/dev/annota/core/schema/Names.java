package dev.annota.core.schema;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How names of classes and attributes are compared: two names are the same when their normalised forms are
 * equal. The normal form is NFKC (full-width letters become ASCII, a non-breaking space becomes a space),
 * case-folded with {@link Locale#ROOT} (upper then lower case, so {@code ß} and {@code SS} match), with
 * surrounding white space removed and inner runs of white space collapsed to one space.
 */
public final class Names {
    private static final Pattern WHITE_SPACE = Pattern.compile("\\p{IsWhite_Space}+");

    private Names() {
    }

    /** The form under which names are compared; never shown to users. */
    public static String normalise(String name) {
        String nfkc = Normalizer.normalize(name, Normalizer.Form.NFKC);
        String collapsed = WHITE_SPACE.matcher(nfkc).replaceAll(" ").strip();
        return collapsed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** The name as stored and shown: white space trimmed and collapsed, otherwise as written. */
    static String display(String name) {
        return WHITE_SPACE.matcher(name).replaceAll(" ").strip();
    }

    static boolean isBlank(String name) {
        return normalise(name).isEmpty();
    }
}
