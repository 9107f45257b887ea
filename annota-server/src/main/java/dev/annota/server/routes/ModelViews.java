package dev.annota.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.app.models.AssistTools;
import dev.annota.app.models.LabelMapping;
import dev.annota.app.models.ProjectModelLinks;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.RleCodec;
import dev.annota.infer.PredictionJson;
import dev.annota.server.Json;
import dev.annota.store.models.ModelRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies and JSON views of the model, assist and pre-labelling endpoints. */
final class ModelViews {
    private ModelViews() {
    }

    /** A registered model; {@code labels} only when one model is read. */
    record ModelView(String id, String name, String version, String task, String sha256, int labelCount, List<String> labels,
                     String createdAt) {
        static ModelView of(ModelRecord m, boolean withLabels) {
            return new ModelView(m.id(), m.name(), m.version(), m.task(), m.onnxSha256(), m.labels().size(),
                    withLabels ? m.labels() : List.of(), m.createdAt().toString());
        }
    }

    record ModelList(List<ModelView> models) {
    }

    /** Link a model to a project: its id and explicit mapping entries (model label → class id or name). */
    record LinkBody(String modelId, JsonNode labelMap) {
        LinkBody {
            Require.present("model_id", modelId, "the id of a registered model");
        }

        Map<String, String> entries() {
            Map<String, String> out = new LinkedHashMap<>();
            if (labelMap == null || labelMap.isNull()) {
                return out;
            }
            if (!labelMap.isObject()) {
                throw new ValidationException(new FieldError("/label_map", "label_map", labelMap.toString(),
                        "an object mapping model labels to class ids or names, e.g. {\"truck\": \"car\"}"));
            }
            labelMap.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual() && !e.getValue().isIntegralNumber()) {
                    throw new ValidationException(new FieldError("/label_map/" + e.getKey(), "label_map." + e.getKey(),
                            e.getValue().toString(), "a class id or class name"));
                }
                out.put(e.getKey(), e.getValue().asText());
            });
            return out;
        }
    }

    record Mapped(String modelLabel, int classId, String className, String by) {
    }

    /** A model link and its mapping report. */
    record LinkView(String projectId, String modelId, String model, String modelVersion, List<Mapped> mapped,
                    int unmappedCount, List<String> unmapped) {
        static LinkView of(ProjectModelLinks.Link l) {
            LabelMapping m = l.mapping();
            return new LinkView(l.link().projectId(), l.model().id(), l.model().name(), l.model().version(),
                    m.mapped().stream().map(x -> new Mapped(x.modelLabel(), x.classId(), x.className(), x.by())).toList(),
                    m.unmapped().size(), m.unmapped());
        }
    }

    record LinkList(List<LinkView> links) {
    }

    /** Predict on a stored image (the alternative to sending the image's bytes). */
    record PredictBody(String imageId) {
        PredictBody {
            Require.present("image_id", imageId, "the id of an image of a project you are a member of");
        }
    }

    record AutoBoxBody(String modelId, Double threshold, Boolean store) {
        AutoBoxBody {
            Require.present("model_id", modelId, "the id of a registered detection model");
        }
    }

    record ClickToMaskBody(String modelId, List<Double> box) {
        ClickToMaskBody {
            Require.present("model_id", modelId, "the id of a registered segmentation model (u2netp)");
            Require.present("box", box, "[x, y, width, height] in image pixels");
            if (box.size() != 4 || box.stream().anyMatch(v -> v == null || !Double.isFinite(v)) || box.get(2) <= 0 || box.get(3) <= 0) {
                throw new ValidationException(new FieldError("/box", "box", box.toString(),
                        "[x, y, width, height] in image pixels, four numbers with width and height > 0"));
            }
        }
    }

    record AutoTagBody(String modelId, Integer topK) {
        AutoTagBody {
            Require.present("model_id", modelId, "the id of a registered classification model");
        }
    }

    record PrelabelBody(String modelId, Double threshold, Integer maxDetections, Boolean onlyWithoutAnnotations,
                        Boolean onlyWithoutSuggestions, Boolean redo, JsonNode filter) {
        PrelabelBody {
            Require.present("model_id", modelId, "the id of a model linked to the project");
        }
    }

    static ObjectNode suggestions(String field, ModelRecord model, List<AssistTools.Suggested> items) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("model", model.name()).put("model_version", model.version());
        ArrayNode list = o.putArray(field);
        for (AssistTools.Suggested s : items) {
            ObjectNode n = list.addObject().put("label", s.label());
            s.classId().ifPresent(id -> n.put("class_id", id));
            n.put("score", PredictionJson.round(s.score(), 6));
            s.box().ifPresent(b -> PredictionJson.bbox(n, b));
        }
        return o;
    }

    static ObjectNode mask(AssistTools.Mask m) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("model", m.model().name()).put("model_version", m.model().version());
        m.classId().ifPresent(id -> o.put("class_id", id));
        o.put("score", PredictionJson.round(m.score(), 6)).put("area", m.mask().area());
        if (m.mask().area() > 0) {
            PredictionJson.bbox(o, m.mask().boundingBox());
        }
        ObjectNode rle = o.putObject("mask");
        rle.putArray("size").add(m.mask().height()).add(m.mask().width());
        rle.put("counts", RleCodec.encode(m.mask()));
        ArrayNode parts = o.putArray("polygon");
        m.polygon().ifPresent(p -> {
            for (List<Point> part : p.parts()) {
                ArrayNode flat = parts.addArray();
                part.forEach(pt -> flat.add(PredictionJson.round(pt.x(), 2)).add(PredictionJson.round(pt.y(), 2)));
            }
        });
        return o;
    }
}
