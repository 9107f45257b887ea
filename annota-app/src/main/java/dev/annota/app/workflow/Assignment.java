package dev.annota.app.workflow;

import dev.annota.core.error.ValidationException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How to give the open jobs of some images to annotators. */
public sealed interface Assignment permits Assignment.RoundRobin, Assignment.Explicit {

    /** Every user this assignment names. */
    Set<String> namedUsers();

    /** The images it concerns: {@code given} for round-robin, the listed ones for an explicit assignment. */
    List<String> images(List<String> given);

    /**
     * Deal the open jobs out to {@code users} in turn, image by image in task order, skipping a user who already
     * holds a job of that image (so with overlap k each image goes to k different users).
     */
    record RoundRobin(List<String> users) implements Assignment {
        public RoundRobin {
            users = List.copyOf(users);
            if (users.isEmpty()) {
                throw ValidationException.of("users", "[]", "expected at least one user to assign to");
            }
            if (new HashSet<>(users).size() != users.size()) {
                throw ValidationException.of("users", users, "expected each user once");
            }
        }

        @Override
        public Set<String> namedUsers() {
            return new LinkedHashSet<>(users);
        }

        @Override
        public List<String> images(List<String> given) {
            return List.copyOf(new LinkedHashSet<>(given));
        }
    }

    /** Give each listed image's open jobs to the users listed for it, one job each. */
    record Explicit(Map<String, List<String>> usersByImage) implements Assignment {
        public Explicit {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            usersByImage.forEach((image, users) -> {
                if (new HashSet<>(users).size() != users.size()) {
                    throw ValidationException.of("users", users, "expected each user once for image " + image
                            + ": one user never gets two jobs of one image");
                }
                copy.put(image, List.copyOf(users));
            });
            usersByImage = java.util.Collections.unmodifiableMap(copy);
        }

        @Override
        public Set<String> namedUsers() {
            Set<String> out = new LinkedHashSet<>();
            usersByImage.values().forEach(out::addAll);
            return out;
        }

        @Override
        public List<String> images(List<String> given) {
            return List.copyOf(usersByImage.keySet());
        }
    }
}
