package dev.annota.server;

import dev.annota.store.Dialect;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed quality requests get a problem JSON naming what is wrong, on SQLite and PostgreSQL (one server each). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityMalformedRequestsTest {
    static final String P = "/projects/" + WorkflowTeam.PROJECT + "/quality";

    List<Arguments> cases() {
        return Problems.perDialect(new Object[][] {
            {"GET", P + "/agreement?iou_threshold=abc", null, 400, "iou_threshold"},
            {"GET", P + "/agreement?iou_threshold=1.5", null, 400, "iou_threshold"},
            {"GET", P + "/agreement?min_support=-1", null, 400, "min_support"},
            {"GET", P + "/agreement?agreement_threshold=x", null, 400, "agreement_threshold"},
            {"POST", P + "/consensus", "{\"iou_threshold\":0}", 400, "iou_threshold"},
            {"POST", P + "/consensus", "{\"iou_threshold\":\"high\"}", 400, "iou_threshold"},
            {"POST", P + "/consensus", "{\"matching\":\"fuzzy\"}", 400, "matching"},
            {"POST", P + "/consensus", "{\"weighting\":\"loud\"}", 400, "weighting"},
            {"POST", P + "/consensus", "{\"thresh\":0.5}", 400, "thresh"},
            {"POST", P + "/consensus", "[1,2]", 400, ""},
            {"POST", P + "/consensus", "{\"image_ids\":\"one\"}", 400, "image_ids"},
            {"GET", P + "/disagreements?limit=0", null, 400, "limit"},
            {"GET", "/projects/nope/quality/agreement", null, 404, "nope"},
            {"POST", "/projects/nope/quality/consensus", "{}", 404, "nope"},
            {"POST", "/images/nope/consensus/resolve", null, 404, "nope"},
        });
    }

    private final Map<Dialect, WorkflowTeam> teams = new EnumMap<>(Dialect.class);

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void a_malformed_quality_request_gets_a_problem_naming_the_field(Dialect dialect, String method, String path, String body,
                                                                    int status, String says) {
        WorkflowTeam t = teams.computeIfAbsent(dialect, d -> new WorkflowTeam(d, Map.of(), List.of()));
        Http.Response r = method.equals("GET") ? t.admin.get(path) : t.admin.post(path, body);
        Problems.assertProblem(r, status, says, method + " " + path + " " + body);
    }

    @AfterAll
    void stop() {
        teams.values().forEach(WorkflowTeam::close);
    }
}
