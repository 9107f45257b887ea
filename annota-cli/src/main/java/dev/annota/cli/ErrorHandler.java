package dev.annota.cli;

import dev.annota.core.error.AnnotaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns errors into exit codes: a user's mistake (bad argument, bad file, bad value) is one line on stderr and
 * exit code 2, never a stack trace; anything else is a bug and keeps its stack trace (exit code 1).
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int INTERNAL = 1;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        cl.getErr().println("annota: " + ex.getMessage());
        cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        return BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (t instanceof AnnotaException) {
            cl.getErr().println("annota: " + t.getMessage());
            return BAD_INPUT;
        }
        if (t instanceof NoSuchFileException nf) {
            cl.getErr().println("annota: " + nf.getFile() + ": no such file or folder");
            return BAD_INPUT;
        }
        if (t instanceof AccessDeniedException ad) {
            cl.getErr().println("annota: " + ad.getFile() + ": permission denied");
            return BAD_INPUT;
        }
        if (t instanceof IOException io) {
            cl.getErr().println("annota: I/O error: " + io.getMessage());
            return INTERNAL;
        }
        cl.getErr().println("annota: internal error (please report it with the lines below)");
        t.printStackTrace(new java.io.PrintWriter(cl.getErr(), true));
        return INTERNAL;
    }
}
