package dev.annota.app.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.eval.coco.CocoEvaluation;
import dev.annota.eval.coco.CocoEvaluator;
import dev.annota.eval.coco.CocoGroundTruth;
import dev.annota.eval.coco.CocoResult;
import dev.annota.eval.coco.Detection;
import dev.annota.eval.coco.IouType;
import dev.annota.eval.coco.LoadResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * COCO detection evaluation from files, as {@code COCO(gt)}, {@code loadRes(dt)} and {@code COCOeval(...)
 * evaluate/accumulate/summarize} in pycocotools: reads a ground-truth file and a results file and evaluates
 * them. A mistake in either file is a {@link ValidationException} naming the file, the JSON pointer, the field
 * and the value.
 */
public final class EvaluateCoco {
    private static final JsonFactory JSON = new JsonFactory();

    /** Reads {@code groundTruth} and {@code results} and evaluates by {@code type}. */
    public CocoEvaluation evaluate(Path groundTruth, Path results, IouType type) throws IOException {
        CocoGroundTruth gt = readGroundTruth(groundTruth, type);
        List<CocoResult> raw = readResults(results);
        List<Detection> detections;
        try {
            detections = LoadResults.load(raw, gt);
        } catch (ValidationException e) {
            throw e.at(results.toString() + " ");
        }
        try {
            return CocoEvaluator.evaluate(gt, detections, type);
        } catch (ValidationException e) {
            throw e.errors().get(0).location().startsWith("/") ? e.at(results.toString() + " ") : e.at(groundTruth + " ");
        }
    }

    /** The ground truth of a COCO file, with what {@code type} needs. */
    public CocoGroundTruth readGroundTruth(Path file, IouType type) throws IOException {
        try {
            return GroundTruthJson.read(JSON, file, type);
        } catch (JsonProcessingException e) {
            throw malformed(file, e);
        }
    }

    /** The entries of a COCO results file. */
    public List<CocoResult> readResults(Path file) throws IOException {
        try {
            return ResultsJson.read(JSON, file);
        } catch (JsonProcessingException e) {
            throw malformed(file, e);
        }
    }

    private static ValidationException malformed(Path file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = file + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr());
        ValidationException v = new ValidationException(new FieldError(where, "(json)", null,
                "expected well-formed JSON (" + e.getOriginalMessage() + ")"));
        v.initCause(e);
        return v;
    }
}
