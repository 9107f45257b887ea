package dev.annota.app.workflow;

import dev.annota.core.error.ValidationException;
import dev.annota.store.workflow.Job;
import dev.annota.store.workflow.JobAssignment;
import dev.annota.store.workflow.JobState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plans who gets which open job (state new, in the pool); pure, so it is tested without a database. */
final class AssignmentPlanner {
    private AssignmentPlanner() {
    }

    /** The plan; {@code jobs} are the jobs of the images concerned, in task order. */
    static List<JobAssignment> plan(List<Job> jobs, Assignment assignment) {
        Map<String, List<Job>> byImage = new LinkedHashMap<>();
        for (Job j : jobs) {
            byImage.computeIfAbsent(j.imageId(), k -> new ArrayList<>()).add(j);
        }
        if (assignment instanceof Assignment.RoundRobin rr) {
            return roundRobin(byImage, rr.users());
        }
        return explicit(byImage, ((Assignment.Explicit) assignment).usersByImage());
    }

    private static List<JobAssignment> roundRobin(Map<String, List<Job>> byImage, List<String> users) {
        List<JobAssignment> plan = new ArrayList<>();
        int next = 0;
        for (List<Job> imageJobs : byImage.values()) {
            Set<String> holders = holders(imageJobs);
            for (Job job : open(imageJobs)) {
                for (int tries = 0; tries < users.size(); tries++) {
                    String user = users.get((next + tries) % users.size());
                    if (holders.add(user)) {
                        plan.add(new JobAssignment(job.id(), user));
                        next = (next + tries + 1) % users.size();
                        break;
                    }
                }
            }
        }
        return plan;
    }

    private static List<JobAssignment> explicit(Map<String, List<Job>> byImage, Map<String, List<String>> wanted) {
        List<JobAssignment> plan = new ArrayList<>();
        wanted.forEach((image, users) -> {
            List<Job> imageJobs = byImage.getOrDefault(image, List.of());
            Set<String> holders = holders(imageJobs);
            List<Job> open = open(imageJobs);
            List<String> fresh = users.stream().filter(u -> !holders.contains(u)).toList();
            if (fresh.size() > open.size()) {
                throw ValidationException.of("users", users, "expected at most " + open.size()
                        + " more annotator(s) for image " + image + " (open jobs left; holders " + holders + ")");
            }
            for (int i = 0; i < fresh.size(); i++) {
                plan.add(new JobAssignment(open.get(i).id(), fresh.get(i)));
            }
        });
        return plan;
    }

    private static Set<String> holders(List<Job> imageJobs) {
        Set<String> out = new HashSet<>();
        imageJobs.forEach(j -> j.assignee().ifPresent(out::add));
        return out;
    }

    private static List<Job> open(List<Job> imageJobs) {
        return imageJobs.stream().filter(j -> j.state() == JobState.NEW && j.assignee().isEmpty()).toList();
    }
}
