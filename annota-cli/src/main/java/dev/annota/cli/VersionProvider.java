package dev.annota.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code annota --version}: the project version (from the build) and the git commit (from the launcher). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"annota " + version() + " (commit " + commit() + ")",
                "Java " + System.getProperty("java.version") + " " + System.getProperty("java.vm.name")};
    }

    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/annota-version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }

    static String commit() {
        return System.getProperty("annota.commit", "unknown");
    }
}
