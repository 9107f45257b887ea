package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import dev.annota.store.suggestions.Uncertainty;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The listing's index filters and the uncertainty sort over real HTTP: every filter (and combinations) in every
 * sort, paged two at a time, gives exactly the matching images once each, in the same order as one big page.
 */
class ImageFilterApiTest {
    static final int N = 12;
    static final List<String> SORTS = List.of("created_at", "-created_at", "file_name", "uncertainty", "-uncertainty");

    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    /** What the test did to image k. */
    record Made(String id, int k, int annotations, Set<Integer> labels, Optional<String> author, Optional<String> stage,
                List<Double> confidences) {
    }

    static List<Made> fill(ImageFixture f) {
        JsonNode report = f.upload(java.util.stream.IntStream.range(0, N).toArray());
        List<String> ids = new ArrayList<>();
        List<Set<Integer>> labelsOf = new ArrayList<>();
        List<Optional<String>> authors = new ArrayList<>();
        // every save first: once the project has workflow tasks, annotators may write only their jobs' images
        for (int k = 0; k < N; k++) {
            String id = report.get("added").get(k).get("image_id").asText();
            int count = k % 3 == 2 ? 0 : 1 + k % 4;
            Set<Integer> labels = new HashSet<>();
            Optional<String> author = Optional.empty();
            if (count > 0) {
                author = Optional.of(k % 3 == 0 ? "annotator" : "manager");
                List<String> boxes = new ArrayList<>();
                for (int j = 0; j < count; j++) {
                    int label = 1 + (k + j) % 2 * (k % 5 == 0 ? 0 : 1);
                    labels.add(label);
                    boxes.add("{\"kind\":\"box\",\"label\":" + label + ",\"box\":[" + j + ",1,5,5]}");
                }
                Http.Response r = f.http.get(author.get()).put("/images/" + id + "/annotations",
                        "{\"version\":0,\"annotations\":[" + String.join(",", boxes) + "]}");
                assertEquals(200, r.status(), r.text());
            }
            ids.add(id);
            labelsOf.add(labels);
            authors.add(author);
        }
        List<Made> made = new ArrayList<>();
        for (int k = 0; k < N; k++) {
            String id = ids.get(k);
            int count = k % 3 == 2 ? 0 : 1 + k % 4;
            List<Double> confidences = new ArrayList<>();
            if (k % 2 == 0) {
                confidences.add(k / 12.0);
                confidences.add(0.95);
                SuggestionApiTest.put(f, id, "m", confidences.stream().mapToDouble(Double::doubleValue).toArray());
            }
            Optional<String> stage = k % 4 == 3 ? Optional.empty() : Optional.of(List.of("annotate", "review", "done").get(k % 3));
            stage.ifPresent(s -> f.server.db.jdbi().useHandle(h -> h.execute("INSERT INTO workflow_tasks (id, project_id, image_id, "
                    + "stage, overlap, position, gold, gold_version, created_at, updated_at) VALUES (?, ?, ?, ?, 1, 0, 0, NULL, 0, 0)",
                    "t-" + id, f.project, id, s)));
            made.add(new Made(id, k, count, labelsOf.get(k), authors.get(k), stage, confidences));
        }
        return made;
    }

    static List<String> pages(Http http, String project, String query, int limit) {
        List<String> out = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String url = "/projects/" + project + "/images?limit=" + limit + (query.isEmpty() ? "" : "&" + query)
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Http.Response r = http.get(url);
            assertEquals(200, r.status(), url + ": " + r.text());
            r.json().get("images").forEach(i -> out.add(i.get("id").asText()));
            JsonNode next = r.json().get("next_cursor");
            cursor = next == null || next.isNull() ? null : next.asText();
            assertTrue(++pages <= N + 2, "pagination ends");
        } while (cursor != null);
        return out;
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void every_filter_in_every_sort_pages_through_exactly_the_matching_images(Dialect dialect) {
        try (ImageFixture f = new ImageFixture(dialect)) {
            List<Made> made = fill(f);
            Http annotator = f.http.get("annotator");
            String managerId = f.server.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM users WHERE username = 'manager'")
                    .mapTo(String.class).one());
            Map<String, Predicate<Made>> filters = new LinkedHashMap<>();
            filters.put("", m -> true);
            filters.put("status=review", m -> m.stage().equals(Optional.of("review")));
            filters.put("status=none", m -> m.stage().isEmpty());
            filters.put("status=annotate&status=done", m -> m.stage().map(s -> !s.equals("review")).orElse(false));
            filters.put("label=circle", m -> m.labels().contains(1));
            filters.put("label=2", m -> m.labels().contains(2));
            filters.put("label=circle&label=square", m -> !m.labels().isEmpty());
            filters.put("annotator=me", m -> m.author().equals(Optional.of("annotator")));
            filters.put("annotator=manager", m -> m.author().equals(Optional.of("manager")));
            filters.put("annotator=" + managerId, m -> m.author().equals(Optional.of("manager")));
            filters.put("has_suggestions=true", m -> !m.confidences().isEmpty());
            filters.put("has_suggestions=false", m -> m.confidences().isEmpty());
            filters.put("min_confidence=0.3&max_confidence=0.6", m -> m.confidences().stream().anyMatch(c -> c >= 0.3 && c <= 0.6));
            filters.put("min_annotations=2", m -> m.annotations() >= 2);
            filters.put("max_annotations=0", m -> m.annotations() == 0);
            filters.put("label=circle&has_suggestions=true&min_annotations=1&status=annotate&status=none",
                    m -> m.labels().contains(1) && !m.confidences().isEmpty() && m.annotations() >= 1
                            && m.stage().map(s -> s.equals("annotate")).orElse(true));
            Map<String, Made> byId = new HashMap<>();
            made.forEach(m -> byId.put(m.id(), m));
            for (Map.Entry<String, Predicate<Made>> filter : filters.entrySet()) {
                Set<String> want = new HashSet<>();
                made.stream().filter(filter.getValue()).forEach(m -> want.add(m.id()));
                for (String sort : SORTS) {
                    String query = (filter.getKey().isEmpty() ? "" : filter.getKey() + "&") + "sort=" + sort;
                    List<String> paged = pages(annotator, f.project, query, 2);
                    assertEquals(want.size(), paged.size(), query + ": no duplicates or misses");
                    assertEquals(want, new HashSet<>(paged), query);
                    assertEquals(pages(annotator, f.project, query, 1000), paged, query + ": pages in the order of one big page");
                    if (sort.endsWith("uncertainty")) {
                        checkUncertaintyOrder(paged.stream().map(byId::get).toList(), !sort.startsWith("-"), query);
                    }
                }
            }
        }
    }

    /** Images with suggestions first, by uncertainty in the asked direction; then those without. */
    static void checkUncertaintyOrder(List<Made> listed, boolean mostFirst, String what) {
        boolean seenUnscored = false;
        double previous = mostFirst ? Double.MAX_VALUE : -1;
        for (Made m : listed) {
            if (m.confidences().isEmpty()) {
                seenUnscored = true;
                continue;
            }
            assertTrue(!seenUnscored, what + ": images without suggestions come last");
            double u = Uncertainty.ofImage(m.confidences()).getAsDouble();
            assertTrue(mostFirst ? u <= previous : u >= previous, what + ": uncertainty order");
            previous = u;
        }
    }
}
