package dev.annota.app.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.eval.consensus.MergedItem;
import dev.annota.store.json.AnnotationJson;
import dev.annota.store.quality.ConsensusRecord;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The JSON of the quality API and CLI (shapes in {@code package-info.java}); figures that cannot be computed are
 * {@code null}.
 */
public final class QualityJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QualityJson() {
    }

    public static ObjectNode agreement(AgreementReport r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("project_id", r.projectId()).put("restricted", r.restricted());
        AgreementReport.Overview p = r.project();
        ObjectNode project = o.putObject("project");
        project.put("images", p.images()).put("finished_jobs", p.finishedJobs()).put("gold_images", p.goldImages());
        put(project, "fleiss_kappa", p.fleissKappa());
        project.put("fleiss_items", p.fleissItems());
        put(project, "krippendorff_alpha", p.krippendorffAlpha());
        put(project, "mean_iou", p.meanIou());
        put(project, "consensus_agreement", p.consensusAgreement());
        project.put("disputed_images", p.disputedImages());
        put(project, "gold_accuracy", p.goldAccuracy());
        ArrayNode classes = o.putArray("classes");
        for (AgreementReport.ClassAgreement c : r.classes()) {
            ObjectNode n = classes.addObject().put("label", c.labelId()).put("name", c.name());
            put(n, "tag_alpha", c.tagAlpha());
            n.put("objects", c.objects()).put("matched", c.matched());
            put(n, "mean_iou", c.meanIou());
            put(n, "consensus_agreement", c.consensusAgreement());
        }
        ArrayNode annotators = o.putArray("annotators");
        for (AgreementReport.AnnotatorAgreement a : r.annotators()) {
            ObjectNode n = annotators.addObject().put("user_id", a.userId()).put("username", a.username())
                    .put("images", a.images());
            put(n, "consensus_agreement", a.consensusAgreement());
            put(n, "mean_iou", a.meanIou());
            put(n, "mean_cohen_kappa", a.meanCohenKappa());
            n.put("gold_images", a.goldImages());
            put(n, "gold_accuracy", a.goldAccuracy());
        }
        ArrayNode pairs = o.putArray("pairs");
        for (AgreementReport.PairAgreement a : r.pairs()) {
            ObjectNode n = pairs.addObject().put("user_a", a.userA()).put("user_b", a.userB()).put("images", a.images())
                    .put("tag_items", a.tagItems());
            put(n, "cohen_kappa", a.cohenKappa());
            n.put("matched", a.matched());
            put(n, "mean_iou", a.meanIou());
        }
        ArrayNode disputed = o.putArray("disagreements");
        for (AgreementReport.Disagreement d : r.disagreements()) {
            disputed.addObject().put("image_id", d.imageId()).put("file_name", d.fileName())
                    .put("annotators", d.annotators()).put("agreement", d.agreement()).put("disputed_items", d.disputedItems());
        }
        return o;
    }

    public static ObjectNode consensus(ConsensusReport r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("merged", r.merged()).put("needs_review", r.needsReview()).put("conflicts", r.conflicts());
        put(o, "mean_agreement", r.meanAgreement());
        return o;
    }

    /** One merged item: its annotation (Annota's annotation JSON) and figures. */
    public static ObjectNode item(MergedItem item) {
        ObjectNode o = MAPPER.createObjectNode();
        try {
            o.set("annotation", MAPPER.readTree(AnnotationJson.write(List.of(item.annotation()))).get(0));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("annotation JSON did not parse", e);
        }
        ArrayNode who = o.putArray("annotators");
        item.annotators().forEach(who::add);
        o.put("of", item.of()).put("support", item.support()).put("similarity", item.similarity())
                .put("agreement", item.agreement()).put("accepted", item.accepted());
        return o;
    }

    /** An image's stored consensus, with its details. */
    public static ObjectNode record(ConsensusRecord r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("image_id", r.imageId()).put("project_id", r.projectId()).put("file_name", r.fileName())
                .put("annotation_version", r.annotationVersion()).put("annotators", r.annotators())
                .put("agreement", r.agreement()).put("disagreements", r.disagreements())
                .put("needs_review", r.needsReview()).put("computed_at", r.computedAt().toString())
                .put("computed_by", r.computedBy().orElse(null));
        try {
            o.set("details", MAPPER.readTree(r.detailsJson()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored consensus details are not JSON for image " + r.imageId(), e);
        }
        return o;
    }

    /** A list of stored consensus results. */
    public static ObjectNode records(List<ConsensusRecord> records) {
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode items = o.putArray("items");
        records.forEach(r -> items.add(record(r)));
        return o;
    }

    private static void put(ObjectNode o, String field, OptionalDouble v) {
        if (v.isPresent()) {
            o.put(field, v.getAsDouble());
        } else {
            o.putNull(field);
        }
    }
}
