package dev.annota.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options Spark 3.5 needs on Java 17 (the list the parent pom's {@code annota.add-opens} and the
 * {@code ./annota} launcher pass too): for {@code spark-submit}, in {@code spark.driver.extraJavaOptions} and
 * {@code spark.executor.extraJavaOptions}; for a child JVM, on its command line. No Spark class is touched, so
 * callers without Spark on their class path may use it.
 */
public final class JavaOptions {
    /** The packages of {@code java.base} opened to the unnamed module. */
    public static final List<String> OPENED = List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io",
            "java.net", "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "jdk.internal.ref",
            "sun.nio.ch", "sun.nio.cs", "sun.security.action", "sun.util.calendar");

    private JavaOptions() {
    }

    /** Every option, one per element. */
    public static List<String> all() {
        List<String> out = new ArrayList<>();
        OPENED.forEach(p -> out.add("--add-opens=java.base/" + p + "=ALL-UNNAMED"));
        out.add("-Djdk.reflect.useDirectMethodHandle=false");
        return out;
    }

    /** Every option on one line, as {@code --conf spark.executor.extraJavaOptions="..."} takes them. */
    public static String line() {
        return String.join(" ", all());
    }
}
