package dev.annota.app.projects;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.AuditTrail;
import dev.annota.app.auth.GlobalRole;
import dev.annota.app.auth.ProjectRole;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.core.schema.SelectAttribute;
import dev.annota.core.schema.Skeleton;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import dev.annota.store.auth.MembershipStore;
import dev.annota.store.auth.StoredUser;
import dev.annota.store.auth.UserStore;
import dev.annota.store.projects.Project;
import dev.annota.store.projects.ProjectAnnotationScan;
import dev.annota.store.projects.Projects;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * A project on a fresh database with four annotated images, and the use cases over it. Classes: 1 Car (box,
 * polygon; optional select "colour"), 2 Person (box, keypoints; skeleton head-neck-hip), 3 Truck (box, polygon).
 * img-a: Car box with colour red, Car box, Person box; img-b: Car polygon, Truck box; img-c: Person keypoints;
 * img-d: Truck box.
 */
final class ProjectFixture implements AutoCloseable {
    static final LabelId CAR = LabelId.of(1), PERSON = LabelId.of(2), TRUCK = LabelId.of(3);
    static final Actor ADMIN = new Actor("root", "root", GlobalRole.ADMIN);
    static final Actor MANAGER = user("mia");
    static final Actor ANNOTATOR = user("ann");
    static final Actor STRANGER = user("stranger");

    final Database db;
    final Projects projects;
    final AnnotationSets sets;
    final ProjectAnnotationScan scan;
    final Access access;
    final EditSchema editSchema;
    final ManageProjects manage;
    final RestoreAnnotations restore;
    final Project project;

    ProjectFixture(Dialect dialect) {
        db = TestDatabases.open(dialect);
        projects = new Projects(db);
        sets = new AnnotationSets(db);
        scan = new ProjectAnnotationScan(db);
        project = projects.create("Streets", "Box every vehicle.", schema());
        UserStore users = new UserStore(db);
        for (Actor a : List.of(ADMIN, MANAGER, ANNOTATOR, STRANGER)) {
            users.insert(new StoredUser(a.userId(), a.username(), "not-a-hash", a.role().wireName(), false, Instant.EPOCH));
        }
        MembershipStore memberships = new MembershipStore(db);
        memberships.put(project.id(), MANAGER.userId(), ProjectRole.MANAGER.wireName(), Instant.EPOCH);
        memberships.put(project.id(), ANNOTATOR.userId(), ProjectRole.ANNOTATOR.wireName(), Instant.EPOCH);
        access = Access.of(db);
        AuditTrail audit = new AuditTrail(db, access, Clock.systemUTC());
        editSchema = new EditSchema(projects, sets, scan, access, audit);
        manage = new ManageProjects(projects, memberships, access, audit, Clock.systemUTC());
        restore = new RestoreAnnotations(db, access, audit);
        annotate("img-a", List.of(box(CAR).withInfo(AnnotationInfo.of(CAR).withAttribute("colour", AttributeValue.of("red"))),
                box(CAR), box(PERSON)));
        annotate("img-b", List.of(PolygonAnnotation.of(CAR, Polygon.fromFlat(List.of(new double[] {0, 0, 10, 0, 5, 8}))), box(TRUCK)));
        annotate("img-c", List.of(KeypointsAnnotation.of(PERSON, new Keypoints(List.of(
                Keypoint.visible(1, 1), Keypoint.visible(2, 2), Keypoint.occluded(3, 3))))));
        annotate("img-d", List.of(box(TRUCK)));
    }

    static Actor user(String name) {
        return new Actor(name, name, GlobalRole.USER);
    }

    static LabelSchema schema() {
        LabelSchema.Builder b = LabelSchema.builder();
        b.add("Car", c -> c.withKinds(EnumSet.of(AnnotationKind.BOX, AnnotationKind.POLYGON))
                .withAttributes(List.of(SelectAttribute.of("colour", List.of("red", "blue")))));
        b.add("Person", c -> c.withKinds(EnumSet.of(AnnotationKind.BOX, AnnotationKind.KEYPOINTS))
                .withSkeleton(Skeleton.of(List.of("head", "neck", "hip"), new int[] {0, 1}, new int[] {1, 2})));
        b.add("Truck", c -> c.withKinds(EnumSet.of(AnnotationKind.BOX, AnnotationKind.POLYGON)));
        return b.build();
    }

    static Annotation box(LabelId label) {
        return BoxAnnotation.of(label, new PixelBox(1, 2, 3, 4));
    }

    void annotate(String imageId, List<Annotation> annotations) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO images (id, project_id, sha256, file_name, width, height, format, "
                        + "orientation, phash, source_path, split, metadata_json, created_at) VALUES (:id, :p, :sha, 'a.png', 100, 80, "
                        + "'png', 1, 0, NULL, 'default', '{}', 0)")
                .bind("id", imageId).bind("p", project.id()).bind("sha", "sha-" + imageId).execute());
        sets.save(imageId, 0, annotations, Optional.of("ann"), "human");
    }

    Project current() {
        return projects.get(project.id());
    }

    long version() {
        return current().schemaVersion();
    }

    @Override
    public void close() {
        db.close();
    }
}
