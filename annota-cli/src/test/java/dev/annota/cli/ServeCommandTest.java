package dev.annota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.testkit.shapes.ShapesConfig;
import dev.annota.testkit.shapes.ShapesDataset;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    private static final Pattern PASSWORD = Pattern.compile("password:\\s+(\\S+)");
    private static final String ADMIN_PASSWORD = "from-the-environment";

    record Started(ServerLauncher.Running running, String out) {
    }

    /** Starts {@code serve} on port 0 in {@code data} with extra options. */
    static Started start(Path data, String envPassword, String... options) {
        ServeCommand cmd = new ServeCommand();
        List<String> args = new ArrayList<>(List.of("--port", "0", "--data", data.toString()));
        args.addAll(List.of(options));
        new CommandLine(cmd).parseArgs(args.toArray(String[]::new));
        cmd.environment = name -> name.equals(ServerLauncher.ADMIN_PASSWORD_ENV) ? envPassword : null;
        StringWriter out = new StringWriter();
        ServerLauncher.Running r = cmd.start(new PrintWriter(out, true));
        return new Started(r, out.toString());
    }

    static int login(ServerLauncher.Running r, String password) {
        return ApiClient.loginStatus(r.server().apiUrl(), "admin", password);
    }

    @Test
    void the_first_start_prints_a_one_time_admin_password_and_the_second_does_not(@TempDir Path dir) {
        String password;
        Path fresh = dir.resolve("fresh");
        Started s = start(fresh, null);
        try (ServerLauncher.Running r = s.running()) {
            Matcher m = PASSWORD.matcher(s.out());
            assertTrue(m.find(), s.out());
            password = m.group(1);
            assertEquals(20, password.length());
            assertTrue(s.out().contains("shown only this once"), s.out());
            assertTrue(s.out().contains("Annota is running at http://localhost:" + r.server().port()), s.out());
            assertEquals(200, login(r, password));
            assertEquals(401, login(r, password + "x"));
        }
        assertTrue(Files.exists(fresh.resolve("annota.db")));
        Started again = start(fresh, null);
        try (ServerLauncher.Running r = again.running()) {
            assertFalse(again.out().contains("password"), again.out());
            assertTrue(again.out().contains("Annota is running at"), again.out());
            assertEquals(200, login(r, password), "the password made on the first start still works");
        }
    }

    @Test
    void the_admin_password_can_come_from_the_environment_and_is_not_printed(@TempDir Path dir) {
        Started s = start(dir, ADMIN_PASSWORD);
        try (ServerLauncher.Running r = s.running()) {
            assertTrue(s.out().contains("with the password from ANNOTA_ADMIN_PASSWORD"), s.out());
            assertFalse(s.out().contains(ADMIN_PASSWORD), s.out());
            assertEquals(200, login(r, ADMIN_PASSWORD));
        }
    }

    @Test
    void without_an_import_root_server_side_imports_are_refused_with_a_400(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Started s = start(dir.resolve("data"), ADMIN_PASSWORD);
        try (ServerLauncher.Running r = s.running()) {
            assertTrue(s.out().contains("Server-side imports are off"), s.out());
            ApiClient admin = ApiClient.login(r.server().apiUrl(), "admin", ADMIN_PASSWORD);
            String project = admin.post("/projects", "{\"name\":\"P\",\"schema\":{\"classes\":[]}}").json().get("id").asText();
            ApiClient.Response refused = admin.post("/projects/" + project + "/images/import", "{\"path\":\"" + folder + "\"}");
            assertEquals(400, refused.status(), refused.text());
            assertTrue(refused.text().contains("no import root is configured"), refused.text());
        }
    }

    @Test
    void with_an_import_root_its_folders_import_and_others_are_refused(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        new ShapesDataset(ShapesConfig.defaults(64, 48), 1, 3).writePngs(root.resolve("shapes"), i -> { });
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Started s = start(dir.resolve("data"), ADMIN_PASSWORD, "--import-root", root.toString());
        try (ServerLauncher.Running r = s.running()) {
            assertTrue(s.out().contains("Server-side imports read from " + root.toAbsolutePath()), s.out());
            ApiClient admin = ApiClient.login(r.server().apiUrl(), "admin", ADMIN_PASSWORD);
            String project = admin.post("/projects", "{\"name\":\"P\",\"schema\":{\"classes\":[]}}").json().get("id").asText();
            ApiClient.Response imported = admin.post("/projects/" + project + "/images/import", "{\"path\":\"shapes\"}");
            assertEquals(200, imported.status(), imported.text());
            assertEquals(3, imported.json().get("added").size(), imported.text());
            ApiClient.Response refused = admin.post("/projects/" + project + "/images/import", "{\"path\":\"" + outside + "\"}");
            assertEquals(400, refused.status(), refused.text());
        }
    }

    @Test
    void an_import_root_that_is_not_a_folder_is_bad_input(@TempDir Path dir) {
        CliBasicsTest.Run r = CliBasicsTest.run("serve", "--port", "0", "--data", dir.toString(), "--import-root",
                dir.resolve("missing").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--import-root") && r.err().contains("missing"), r.err());
    }

    @Test
    void max_upload_takes_decimal_and_binary_units(@TempDir Path dir) {
        Started s = start(dir, ADMIN_PASSWORD, "--max-upload", "500MB");
        try (ServerLauncher.Running r = s.running()) {
            assertEquals(500_000_000L, r.server().context().config().maxUploadBytes());
        }
        assertEquals(2L << 30, config("--max-upload", "2GiB").maxUploadBytes());
        assertEquals(1_048_576L, config("--max-upload", "1048576").maxUploadBytes());
        assertEquals(3L << 20, config("--max-upload", "3 mib").maxUploadBytes());
    }

    @Test
    void a_bad_max_upload_is_bad_input_naming_the_option_and_value(@TempDir Path dir) {
        for (String bad : List.of("lots", "5XB", "-1MB", "12", "99999999999TB")) {
            CliBasicsTest.Run r = CliBasicsTest.run("serve", "--port", "0", "--data", dir.toString(), "--max-upload", bad);
            assertEquals(2, r.code(), bad + ": " + r.err());
            assertTrue(r.err().contains("--max-upload") && r.err().contains(bad), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void host_chooses_the_address_listened_on(@TempDir Path dir) {
        Started s = start(dir, ADMIN_PASSWORD, "--host", "127.0.0.1");
        try (ServerLauncher.Running r = s.running()) {
            assertTrue(s.out().contains("Annota is running at http://127.0.0.1:" + r.server().port()), s.out());
            assertEquals(200, login(r, ADMIN_PASSWORD));
        }
        assertEquals("localhost", config().host(), "the default listens on this machine only");
    }

    @Test
    void a_host_it_cannot_listen_on_is_bad_input(@TempDir Path dir) {
        CliBasicsTest.Run r = CliBasicsTest.run("serve", "--port", "0", "--data", dir.toString(), "--host", "203.0.113.7");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("cannot listen on 203.0.113.7"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void a_port_out_of_range_is_bad_input_with_exit_code_2() {
        CliBasicsTest.Run r = CliBasicsTest.run("serve", "--port", "70000");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--port"), r.err());
    }

    @Test
    void serve_is_listed_in_the_help_with_its_options() {
        CliBasicsTest.Run r = CliBasicsTest.run("serve", "--help");
        assertEquals(0, r.code());
        for (String option : List.of("--db-password", "--host", "--import-root", "--max-upload", "ANNOTA_ADMIN_PASSWORD")) {
            assertTrue(r.out().contains(option), option + " in " + r.out());
        }
    }

    private static dev.annota.server.ServerConfig config(String... options) {
        ServeCommand cmd = new ServeCommand();
        new CommandLine(cmd).parseArgs(options);
        return cmd.config();
    }
}
