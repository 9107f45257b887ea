package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every suggestion endpoint and the new listing filters, called by each kind of caller: members read (reviewers
 * too), managers and annotators accept and reject, managers upload, outsiders get 403 and anonymous callers 401.
 * Each caller works on an image of its own holding two suggestions, so rows do not depend on other callers.
 */
class SuggestionPermissionsTest {
    /** method and path, body, then the expected status for admin, manager, annotator, reviewer, outsider, anonymous. */
    static final Object[][] MATRIX = {
        {"GET /images/{image}/suggestions", null, 200, 200, 200, 200, 403, 401},
        {"GET /images/{image}/suggestions?min_confidence=0.5", null, 200, 200, 200, 200, 403, 401},
        {"PUT /images/{image}/suggestions/other", "{\"version\":\"2\",\"annotations\":[]}", 200, 200, 403, 403, 403, 401},
        {"POST /images/{image}/suggestions/accept", "{\"version\":0,\"ids\":[\"{first}\"]}", 200, 200, 200, 403, 403, 401},
        {"POST /images/{image}/suggestions/reject", "{\"ids\":[\"{second}\"]}", 200, 200, 200, 403, 403, 401},
        {"POST /images/{image}/suggestions/reject", "{\"all\":true}", 200, 200, 200, 403, 403, 401},
        {"GET /projects/{p}/images?has_suggestions=false&label=circle&annotator=me&status=none&sort=uncertainty", null,
            200, 200, 200, 200, 403, 401},
        {"GET /projects/{p}/images?min_confidence=0.1&max_annotations=3&sort=-uncertainty", null, 200, 200, 200, 200, 403, 401},
        {"GET /images/no-such-image/suggestions", null, 404, 404, 404, 404, 404, 401},
    };

    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void each_role_gets_the_expected_status_on_every_suggestion_endpoint(Dialect dialect) {
        try (ImageFixture f = new ImageFixture(dialect)) {
            for (int c = 0; c < ImageFixture.CALLERS.size(); c++) {
                String caller = ImageFixture.CALLERS.get(c);
                String image = f.oneImage(c);
                List<String> ids = SuggestionApiTest.put(f, image, "m", 0.8, 0.3);
                for (Object[] row : MATRIX) {
                    String[] endpoint = ((String) row[0]).split(" ", 2);
                    String path = endpoint[1].replace("{image}", image).replace("{p}", f.project);
                    String body = row[1] == null ? null : ((String) row[1]).replace("{first}", ids.get(0)).replace("{second}", ids.get(1));
                    Http.Response r = f.http.get(caller).send(endpoint[0], path, body == null ? null : "application/json", body);
                    assertEquals((int) row[2 + c], r.status(), caller + " " + row[0] + ": " + r.text());
                }
            }
        }
    }
}
