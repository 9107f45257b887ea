package dev.annota.formats.csv;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An RFC 4180 reader: comma-separated fields, fields in double quotes may hold commas, line breaks and
 * doubled quotes ({@code ""}); records end in CRLF, LF or CR; a byte order mark at the start is dropped.
 * A malformed record (a quote inside an unquoted field, text after a closing quote, a quote never closed)
 * is a {@link ValidationException} naming {@code file:line} (the line where the record starts); the parser
 * then resumes at the next line, so a caller collecting errors can go on.
 */
final class CsvParser implements Closeable {
    /** One record: the line it starts on and its fields. */
    record Row(int line, List<String> cells) {
        Row {
            cells = List.copyOf(cells);
        }

        /** True for an empty line (one empty field). */
        boolean isBlank() {
            return cells.size() == 1 && cells.get(0).isEmpty();
        }
    }

    private static final int EOF = -1;
    private final PushbackReader in;
    private final String file;
    private int line = 1;
    private boolean first = true;

    CsvParser(Reader in, String file) {
        this.in = new PushbackReader(in, 2);
        this.file = file;
    }

    /** The next record, or empty at the end of the input. */
    Optional<Row> next() throws IOException {
        if (first) {
            first = false;
            int c = in.read();
            if (c != '\uFEFF' && c != EOF) {
                in.unread(c);
            }
        }
        int c = in.read();
        if (c == EOF) {
            return Optional.empty();
        }
        in.unread(c);
        int start = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        while (true) {
            c = in.read();
            if (c == '"' && cell.isEmpty()) {
                quoted(cell, start);
                c = in.read();
                if (c != ',' && c != '\r' && c != '\n' && c != EOF) {
                    skipLine(c);
                    throw fail(start, cells.size(), "expected a comma or the end of the line after a closing quote",
                            "\"" + cell + "\"" + (char) c);
                }
            } else if (c == '"') {
                String bad = cell.toString() + '"';
                skipLine(in.read());
                throw fail(start, cells.size(), "expected a quote only around a whole field (write \"a \"\"b\"\"\" for a \"b\")", bad);
            } else if (c != ',' && c != '\r' && c != '\n' && c != EOF) {
                cell.append((char) c);
                continue;
            }
            cells.add(cell.toString());
            cell.setLength(0);
            if (c == ',') {
                continue;
            }
            endOfLine(c);
            return Optional.of(new Row(start, cells));
        }
    }

    /** Reads a quoted field's content up to its closing quote. */
    private void quoted(StringBuilder cell, int start) throws IOException {
        while (true) {
            int c = in.read();
            if (c == EOF) {
                String text = cell.toString();
                int cut = Math.min(40, text.length());
                for (int i = 0; i < cut; i++) {
                    if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                        cut = i;
                    }
                }
                throw fail(start, -1, "expected a closing quote before the end of the file (the quote opens here)",
                        "\"" + text.substring(0, cut) + (cut < text.length() ? "…" : ""));
            }
            if (c == '"') {
                int d = in.read();
                if (d == '"') {
                    cell.append('"');
                    continue;
                }
                if (d != EOF) {
                    in.unread(d);
                }
                return;
            }
            if (c == '\r') { // a line break inside quotes is part of the field, as written
                cell.append('\r');
                int d = in.read();
                if (d == '\n') {
                    cell.append('\n');
                } else if (d != EOF) {
                    in.unread(d);
                }
                line++;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            cell.append((char) c);
        }
    }

    private void endOfLine(int c) throws IOException {
        if (c == '\r') {
            int d = in.read();
            if (d != '\n' && d != EOF) {
                in.unread(d);
            }
        }
        if (c != EOF) {
            line++;
        }
    }

    /** Drops the rest of a malformed line, {@code c} being its next character. */
    private void skipLine(int c) throws IOException {
        while (c != '\n' && c != '\r' && c != EOF) {
            c = in.read();
        }
        endOfLine(c);
    }

    private ValidationException fail(int at, int column, String expected, String value) {
        String field = column < 0 ? "(record)" : "column " + (column + 1);
        return new ValidationException(new FieldError(file + ":" + at, field, value, expected));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
