package dev.annota.infer;

import ai.onnxruntime.OrtException;
import dev.annota.core.error.AnnotaException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where ONNX Runtime calls run: daemon threads with a 32 MiB stack. ORT recurses deeply in native code for
 * some graphs (SqueezeNet 1.1's opset-7 graph here): on a JVM thread's default 1 MiB stack the process dies
 * with a segmentation fault and no hs_err file (seen with ORT 1.29 on the CLI's main thread; a core dump
 * shows the recursion inside libonnxruntime). Every call that touches a session goes through here. The pool grows with the
 * number of concurrent callers and shrinks when idle; a hand-off costs tens of microseconds.
 */
final class NativeThreads {
    static final long STACK_BYTES = 32L << 20;
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(null, r, "annota-onnx-" + COUNT.incrementAndGet(), STACK_BYTES);
        t.setDaemon(true);
        return t;
    });

    private NativeThreads() {
    }

    /** A call into ONNX Runtime. */
    @FunctionalInterface
    interface OrtCall<T> {
        T call() throws OrtException;
    }

    /** Runs {@code call} on a large-stack thread and returns its result; its exceptions come back unchanged. */
    static <T> T call(OrtCall<T> call) throws OrtException {
        Callable<T> task = call::call;
        Future<T> f = POOL.submit(task);
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new AnnotaException("interrupted while waiting for ONNX Runtime", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw (OrtException) c;
        }
    }
}
