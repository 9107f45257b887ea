package dev.annota.formats.cvat;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.Names;
import dev.annota.core.schema.Skeleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CVAT's skeleton definition: the {@code <svg>} text of a skeleton label, where each point is a
 * {@code <circle data-node-id="N" data-label-name="NAME">} and each edge a
 * {@code <line data-node-from="N" data-node-to="M">}, plus the sub-labels that name the skeleton in
 * {@code <parent>}. The points of an Annota {@link Skeleton} are in the order of the sub-labels.
 */
final class CvatSkeletons {
    private static final Pattern TAG = Pattern.compile("<\\s*(circle|line)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:-]+)\\s*=\\s*(?:\"([^\"]*)\"|&quot;(.*?)&quot;)");

    private CvatSkeletons() {
    }

    /**
     * The skeleton of a label from its sub-labels (in order), the circles and lines of its svg, and, when
     * neither names a point, the points seen under its {@code <skeleton>} shapes. Empty when there are no
     * points; an edge that names an unknown node is reported and left out.
     */
    static Optional<Skeleton> read(CvatMeta.LabelDecl label, List<String> sublabels, List<String> seenPoints,
            Consumer<FieldError> warn) {
        LinkedHashSet<String> points = new LinkedHashSet<>(sublabels);
        Map<String, String> nodeNames = new HashMap<>();
        List<String[]> lines = new ArrayList<>();
        TreeMap<Integer, String> unnamedNodes = new TreeMap<>();
        String svg = label.svg().orElse("");
        Matcher tag = TAG.matcher(svg);
        while (tag.find()) {
            Map<String, String> attrs = new HashMap<>();
            Matcher a = ATTRIBUTE.matcher(tag.group(2));
            while (a.find()) {
                attrs.put(a.group(1).toLowerCase(Locale.ROOT), unescape(a.group(2) != null ? a.group(2) : a.group(3)));
            }
            if (tag.group(1).equalsIgnoreCase("circle") && attrs.containsKey("data-node-id")) {
                String node = attrs.get("data-node-id");
                String name = attrs.get("data-label-name");
                if (name != null) {
                    nodeNames.put(node, name);
                    points.add(name);
                } else {
                    unnamedNodes.put(parseNode(node), node);
                }
            } else if (tag.group(1).equalsIgnoreCase("line") && attrs.containsKey("data-node-from")) {
                lines.add(new String[] {attrs.get("data-node-from"), attrs.get("data-node-to")});
            }
        }
        if (!unnamedNodes.isEmpty() && unnamedNodes.size() == sublabels.size() && nodeNames.isEmpty()) {
            // an svg straight from CVAT's database names sub-labels by id: they follow the sub-label order
            int i = 0;
            for (String node : unnamedNodes.values()) {
                nodeNames.put(node, sublabels.get(i++));
            }
        }
        if (points.isEmpty()) {
            points.addAll(seenPoints);
        }
        if (points.isEmpty()) {
            return Optional.empty();
        }
        List<String> order = List.copyOf(points);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            index.put(Names.normalise(order.get(i)), i);
        }
        List<Skeleton.Edge> edges = new ArrayList<>();
        LinkedHashSet<Long> seen = new LinkedHashSet<>();
        for (String[] line : lines) {
            Integer from = node(line[0], nodeNames, index);
            Integer to = node(line[1], nodeNames, index);
            if (from == null || to == null || from.equals(to)) {
                warn.accept(new FieldError(label.location(), "svg.line", "data-node-from=" + line[0] + " data-node-to=" + line[1],
                        "expected an edge between two points of skeleton \"" + label.name() + "\"; edge ignored"));
            } else if (seen.add(Math.min(from, to) * 1_000_000L + Math.max(from, to))) {
                edges.add(Skeleton.Edge.of(from, to));
            }
        }
        try {
            return Optional.of(new Skeleton(order, edges));
        } catch (ValidationException e) {
            e.errors().forEach(fe -> warn.accept(new FieldError(label.location(), "skeleton." + fe.field(), fe.value(),
                    fe.expected() + " (skeleton of \"" + label.name() + "\" ignored)")));
            return Optional.empty();
        }
    }

    private static String unescape(String v) {
        return v.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static Integer node(String node, Map<String, String> nodeNames, Map<String, Integer> index) {
        String name = node == null ? null : nodeNames.get(node);
        return name == null ? null : index.get(Names.normalise(name));
    }

    private static int parseNode(String node) {
        try {
            return Integer.parseInt(node.strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE - node.hashCode() % 1000; // keeps unparsable ids apart, after the numbered ones
        }
    }

    /** The svg CVAT draws a skeleton with: points on a circle, edges as lines, nodes numbered from 1. */
    static String svg(Skeleton skeleton) {
        int n = skeleton.size();
        double[][] xy = new double[n][2];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n - Math.PI / 2;
            xy[i][0] = Math.round((50 + 40 * Math.cos(t)) * 100) / 100.0;
            xy[i][1] = Math.round((50 + 40 * Math.sin(t)) * 100) / 100.0;
        }
        StringBuilder sb = new StringBuilder();
        for (Skeleton.Edge e : skeleton.edges()) {
            sb.append("<line x1=\"").append(CvatXml.number(xy[e.from()][0])).append("\" y1=\"").append(CvatXml.number(xy[e.from()][1]))
                    .append("\" x2=\"").append(CvatXml.number(xy[e.to()][0])).append("\" y2=\"").append(CvatXml.number(xy[e.to()][1]))
                    .append("\" stroke=\"black\" data-type=\"edge\" data-node-from=\"").append(e.from() + 1)
                    .append("\" stroke-width=\"0.5\" data-node-to=\"").append(e.to() + 1).append("\"></line>");
        }
        for (int i = 0; i < n; i++) {
            sb.append("<circle r=\"1.5\" stroke=\"black\" fill=\"#b3b3b3\" cx=\"").append(CvatXml.number(xy[i][0]))
                    .append("\" cy=\"").append(CvatXml.number(xy[i][1]))
                    .append("\" stroke-width=\"0.1\" data-type=\"element node\" data-element-id=\"").append(i + 1)
                    .append("\" data-node-id=\"").append(i + 1).append("\" data-label-name=\"")
                    .append(skeleton.points().get(i).replace("&", "&amp;").replace("\"", "&quot;")).append("\"></circle>");
        }
        return sb.toString();
    }
}
