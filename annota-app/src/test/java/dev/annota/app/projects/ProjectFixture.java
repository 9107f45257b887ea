package dev.annota.app.projects;

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
import dev.annota.store.projects.Project;
import dev.annota.store.projects.ProjectAnnotationScan;
import dev.annota.store.projects.Projects;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A project on a fresh database with four annotated images, and the use cases over it. Classes: 1 Car (box,
 * polygon; optional select "colour"), 2 Person (box, keypoints; skeleton head-neck-hip), 3 Truck (box, polygon).
 * img-a: Car box with colour red, Car box, Person box; img-b: Car polygon, Truck box; img-c: Person keypoints;
 * img-d: Truck box.
 */
final class ProjectFixture implements AutoCloseable {
    static final LabelId CAR = LabelId.of(1), PERSON = LabelId.of(2), TRUCK = LabelId.of(3);
    static final Actor ADMIN = Actor.admin("root");
    static final Actor MANAGER = Actor.user("mia");
    static final Actor ANNOTATOR = Actor.user("ann");

    final Database db;
    final Projects projects;
    final AnnotationSets sets;
    final ProjectAnnotationScan scan;
    final MembershipLookup members;
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
        Map<String, MembershipLookup.Role> roles = Map.of("mia", MembershipLookup.Role.MANAGER, "ann", MembershipLookup.Role.ANNOTATOR);
        members = new MembershipLookup() {
            @Override
            public Optional<Role> role(String projectId, String userId) {
                return projectId.equals(project.id()) ? Optional.ofNullable(roles.get(userId)) : Optional.empty();
            }

            @Override
            public Set<String> projectIds(String userId) {
                return roles.containsKey(userId) ? Set.of(project.id()) : Set.of();
            }
        };
        editSchema = new EditSchema(projects, sets, scan, members);
        manage = new ManageProjects(projects, members);
        restore = new RestoreAnnotations(projects, sets, scan, members);
        annotate("img-a", List.of(box(CAR).withInfo(AnnotationInfo.of(CAR).withAttribute("colour", AttributeValue.of("red"))),
                box(CAR), box(PERSON)));
        annotate("img-b", List.of(PolygonAnnotation.of(CAR, Polygon.fromFlat(List.of(new double[] {0, 0, 10, 0, 5, 8}))), box(TRUCK)));
        annotate("img-c", List.of(KeypointsAnnotation.of(PERSON, new Keypoints(List.of(
                Keypoint.visible(1, 1), Keypoint.visible(2, 2), Keypoint.occluded(3, 3))))));
        annotate("img-d", List.of(box(TRUCK)));
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
