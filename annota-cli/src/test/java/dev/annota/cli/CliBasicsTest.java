package dev.annota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CliBasicsTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AnnotaCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void help_lists_the_commands() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("demo"), r.out());
        assertTrue(r.out().contains("--version"), r.out());
    }

    @Test
    void version_prints_the_project_version_and_the_commit() {
        System.setProperty("annota.commit", "abc123def456");
        try {
            Run r = run("--version");
            assertEquals(0, r.code());
            assertTrue(r.out().startsWith("annota 0."), r.out());
            assertTrue(r.out().contains("commit abc123def456"), r.out());
        } finally {
            System.clearProperty("annota.commit");
        }
    }

    @Test
    void an_unknown_option_is_bad_input_with_exit_code_2_and_no_stack_trace() {
        Run r = run("--no-such-option");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--no-such-option"), r.err());
        assertTrue(!r.err().contains("at dev.annota"), r.err());
    }
}
