package dev.annota.server.routes;

import dev.annota.app.operations.OperationEvent;
import dev.annota.app.operations.OperationListener;
import dev.annota.app.operations.Subscription;
import dev.annota.store.operations.Operation;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An operation's events as server-sent events ({@code text/event-stream}): first {@code event: state} with the
 * operation as it is, then {@code event: progress} and {@code event: state} as they happen, each with the
 * operation's JSON as data; the stream ends after the final state. A comment line is sent whenever nothing
 * happened for a heartbeat interval: it keeps proxies from closing the connection and reveals a client that
 * went away (the write fails), so a request thread never waits on a gone client for longer than one interval.
 *
 * <p>This is a plain streaming response rather than Javalin's {@code SseHandler}: that one answers only requests
 * whose {@code Accept} header is exactly {@code text/event-stream} (so {@code curl -N} without it would get an
 * empty body) and its {@code keepAlive()} leaves disconnect detection to writes the caller makes anyway.
 */
final class EventStream {
    /** The default time between heartbeat comments. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private EventStream() {
    }

    /** Opens a subscription for the queue's listener. */
    @FunctionalInterface
    interface Subscribe {
        Subscription open(OperationListener listener);
    }

    /** Streams the events of one operation until its final state or until the client leaves. */
    static void stream(Context ctx, Subscribe subscribe, Function<Operation, String> render, Duration heartbeat) {
        BlockingQueue<OperationEvent> queue = new LinkedBlockingQueue<>();
        try (Subscription sub = subscribe.open(queue::add)) {
            ctx.status(200);
            ctx.res().setCharacterEncoding("UTF-8");
            ctx.res().setContentType("text/event-stream");
            ctx.res().setHeader("Cache-Control", "no-cache");
            ctx.res().setHeader("X-Accel-Buffering", "no");
            OutputStream out = ctx.res().getOutputStream();
            send(out, "state", render.apply(sub.current()));
            if (!sub.live() || sub.current().state().isFinished()) {
                return;
            }
            while (true) {
                OperationEvent e = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (e == null) {
                    write(out, ": keep-alive\n\n");
                    continue;
                }
                send(out, e.type().wireName(), render.apply(e.operation()));
                if (e.isFinal()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away: nothing to answer
            return;
        }
    }

    private static void send(OutputStream out, String event, String json) throws IOException {
        // the JSON is on one line (no line breaks in compact JSON), as one data field
        write(out, "event: " + event + "\ndata: " + json + "\n\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
