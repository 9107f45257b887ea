package dev.annota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    private static final Pattern PASSWORD = Pattern.compile("password:\\s+(\\S+)");

    record Started(ServeCommand.Running running, String out) {
    }

    static Started start(Path data, String envPassword) {
        ServeCommand cmd = new ServeCommand();
        new CommandLine(cmd).parseArgs("--port", "0", "--data", data.toString());
        cmd.environment = name -> name.equals(ServeCommand.ADMIN_PASSWORD_ENV) ? envPassword : null;
        StringWriter out = new StringWriter();
        ServeCommand.Running r = cmd.start(new PrintWriter(out, true));
        return new Started(r, out.toString());
    }

    static int login(ServeCommand.Running r, String password) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(r.server().apiUrl() + "/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + password + "\"}")).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void the_first_start_prints_a_one_time_admin_password_and_the_second_does_not(@TempDir Path dir) throws Exception {
        String password;
        Path fresh = dir.resolve("fresh");
        Started s = start(fresh, null);
        try (ServeCommand.Running r = s.running()) {
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
        try (ServeCommand.Running r = again.running()) {
            assertFalse(again.out().contains("password"), again.out());
            assertTrue(again.out().contains("Annota is running at"), again.out());
            assertEquals(200, login(r, password), "the password made on the first start still works");
        }
    }

    @Test
    void the_admin_password_can_come_from_the_environment_and_is_not_printed(@TempDir Path dir) throws Exception {
        Started s = start(dir, "from-the-environment");
        try (ServeCommand.Running r = s.running()) {
            assertTrue(s.out().contains("with the password from ANNOTA_ADMIN_PASSWORD"), s.out());
            assertFalse(s.out().contains("from-the-environment"), s.out());
            assertEquals(200, login(r, "from-the-environment"));
        }
    }

    @Test
    void a_port_out_of_range_is_bad_input_with_exit_code_2() {
        CliBasicsTest.Run r = CliBasicsTest.run("serve", "--port", "70000");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--port"), r.err());
    }

    @Test
    void serve_is_listed_in_the_help() {
        CliBasicsTest.Run r = CliBasicsTest.run("serve", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--db-password"), r.out());
        assertTrue(r.out().contains("ANNOTA_ADMIN_PASSWORD"), r.out());
    }
}
