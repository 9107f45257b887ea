package dev.annota.server.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.server.Api;
import dev.annota.server.Call;
import dev.annota.server.Json;
import dev.annota.store.operations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON shapes of operations and exports (fields in snake_case; absent values are JSON null). */
final class OperationViews {
    private OperationViews() {
    }

    /**
     * One operation: its state ({@code queued}, {@code running}, {@code succeeded}, {@code failed},
     * {@code cancelled}), the current phase with {@code done} of {@code total} steps (0: unknown), a message for
     * people, the request it was started with, and once finished its {@code result} report; {@code result_url}
     * when there is a file to download.
     */
    record OperationView(String id, String projectId, String kind, String state, String phase, long done, long total,
                         String message, JsonNode request, JsonNode result, boolean cancelRequested, String createdBy,
                         String createdAt, String updatedAt, String startedAt, String finishedAt, String url, String eventsUrl,
                         String resultUrl) {
        static OperationView of(Operation op) {
            String url = Api.PREFIX + "/operations/" + op.id();
            return new OperationView(op.id(), op.projectId(), op.kind(), op.state().wireName(), op.phase(), op.done(), op.total(),
                    op.message(), tree(op.requestJson()), op.resultJson().map(OperationViews::tree).orElse(null), op.cancelRequested(),
                    op.createdBy().orElse(null), op.createdAt().toString(), op.updatedAt().toString(), time(op.startedAt()),
                    time(op.finishedAt()), url, url + "/events", op.resultPath().isPresent() ? url + "/result" : null);
        }
    }

    /** A page of a project's operations, newest first. */
    record OperationList(List<OperationView> operations) {
    }

    /**
     * An export: {@code format} (a writable format: coco, voc, yolo, ...), {@code include_images} (default
     * true) and an optional {@code filter} object with the image listing's filters.
     */
    record ExportBody(String format, Boolean includeImages, JsonNode filter) {
        ExportBody {
            Require.present("format", format, "the name of a writable format, e.g. coco");
        }
    }

    /** Answers 202 Accepted with the queued operation and its URL in {@code Location}. */
    static void accepted(Call call, Operation op) {
        OperationView view = OperationView.of(op);
        call.ctx().header("Location", view.url());
        call.respond(202, view);
    }

    /** {@code value} rendered as the API renders it, as a JSON document. */
    static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + value.getClass().getSimpleName(), e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an operation holds malformed JSON", e);
        }
    }

    private static String time(Optional<Instant> t) {
        return t.map(Instant::toString).orElse(null);
    }
}
