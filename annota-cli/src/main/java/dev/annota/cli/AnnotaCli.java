package dev.annota.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code annota} command: parses arguments and hands each subcommand to a use case in annota-app. */
@Command(
        name = "annota",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "AI-assisted image annotation and automated image classification.",
        subcommands = {DemoCommand.class, ServeCommand.class, InspectCommand.class, ConvertCommand.class, FormatsCommand.class, EvalCommand.class,
                PredictCommand.class, ServeModelCommand.class, TrainCommand.class, ModelsCommand.class, PrelabelCommand.class, QualityCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Every command that prints results takes --json and then prints one JSON document on stdout.",
                "Exit codes: 0 success, 1 internal error, 2 bad input (the message names file, location, field and value)."})
public final class AnnotaCli implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line wired with Annota's error handling, writing to the given streams (tests pass their own). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new AnnotaCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new ErrorHandler());
        return cl;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
