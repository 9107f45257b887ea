package dev.annota.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a reference result with ours, field by field, as plain trees (maps, lists, numbers, strings,
 * booleans, {@code null}: what a JSON parser produces). Every field of the reference is walked: a number must
 * be within the tolerance, anything else equal, and a field we do not produce is a difference too. Fields of
 * ours that the reference lacks are allowed. Reference fields whose name starts with {@code _} (notes such as
 * {@code _reference}) and the paths listed as not supported are skipped.
 */
public final class ReferenceTrees {
    private ReferenceTrees() {
    }

    /** Every difference, as {@code /json/pointer: what}; empty when ours covers the reference. */
    public static List<String> differences(Object expected, Object actual, double tolerance, Set<String> skipped) {
        List<String> out = new ArrayList<>();
        walk("", expected, actual, tolerance, skipped, out);
        return out;
    }

    /** How many leaf values of the reference were compared (not skipped). */
    public static int leaves(Object expected, Set<String> skipped) {
        return count("", expected, skipped);
    }

    private static void walk(String path, Object e, Object a, double tol, Set<String> skipped, List<String> out) {
        if (skipped.contains(path)) {
            return;
        }
        if (e instanceof Map<?, ?> em) {
            if (!(a instanceof Map<?, ?> am)) {
                out.add(path + ": expected an object, got " + describe(a));
                return;
            }
            for (Map.Entry<?, ?> entry : em.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (key.startsWith("_")) {
                    continue;
                }
                String child = path + "/" + key;
                if (!am.containsKey(key) && !skipped.contains(child)) {
                    out.add(child + ": not produced");
                } else {
                    walk(child, entry.getValue(), am.get(key), tol, skipped, out);
                }
            }
        } else if (e instanceof List<?> el) {
            if (!(a instanceof List<?> al) || al.size() != el.size()) {
                out.add(path + ": expected an array of " + el.size() + ", got " + describe(a));
                return;
            }
            for (int i = 0; i < el.size(); i++) {
                walk(path + "/" + i, el.get(i), al.get(i), tol, skipped, out);
            }
        } else if (e instanceof Number en) {
            if (!(a instanceof Number an)) {
                out.add(path + ": expected " + en + ", got " + describe(a));
            } else if (!(Math.abs(en.doubleValue() - an.doubleValue()) <= tol)) {
                out.add(path + ": expected " + en + ", got " + an + " (difference "
                        + Math.abs(en.doubleValue() - an.doubleValue()) + ")");
            }
        } else if (e == null ? a != null : !e.equals(a)) {
            out.add(path + ": expected " + describe(e) + ", got " + describe(a));
        }
    }

    private static int count(String path, Object e, Set<String> skipped) {
        if (skipped.contains(path)) {
            return 0;
        }
        if (e instanceof Map<?, ?> m) {
            int n = 0;
            for (Map.Entry<?, ?> entry : m.entrySet()) {
                String key = String.valueOf(entry.getKey());
                n += key.startsWith("_") ? 0 : count(path + "/" + key, entry.getValue(), skipped);
            }
            return n;
        }
        if (e instanceof List<?> l) {
            int n = 0;
            for (int i = 0; i < l.size(); i++) {
                n += count(path + "/" + i, l.get(i), skipped);
            }
            return n;
        }
        return 1;
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        String s = v instanceof Map ? "an object" : v instanceof List<?> l ? "an array of " + l.size() : String.valueOf(v);
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
