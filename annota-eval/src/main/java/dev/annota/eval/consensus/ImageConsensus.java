package dev.annota.eval.consensus;

import dev.annota.core.annotation.Annotation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consensus of one image: every merged item (accepted or not) and each annotator's score.
 *
 * @param items      merged tags first, then objects
 * @param annotators each annotator's agreement with the consensus on this image, in answer order
 */
public record ImageConsensus(List<MergedItem> items, Map<String, AnnotatorScore> annotators) {
    public ImageConsensus {
        items = List.copyOf(items);
        annotators = Collections.unmodifiableMap(new LinkedHashMap<>(annotators));
    }

    /** The merged answer: the fused annotations of the accepted items. */
    public List<Annotation> annotations() {
        return items.stream().filter(MergedItem::accepted).map(MergedItem::annotation).toList();
    }

    /** The items below the agreement threshold. */
    public List<MergedItem> disagreements() {
        return items.stream().filter(MergedItem::disputed).toList();
    }

    /** Mean agreement of the items; 1 when nobody annotated anything (everyone agrees on "nothing"). */
    public double agreement() {
        return items.isEmpty() ? 1 : items.stream().mapToDouble(MergedItem::agreement).average().orElse(1);
    }
}
