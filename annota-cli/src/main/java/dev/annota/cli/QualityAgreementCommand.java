package dev.annota.cli;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.GlobalRole;
import dev.annota.app.quality.AgreementReport;
import dev.annota.app.quality.QualityJson;
import dev.annota.app.quality.QualityReports;
import dev.annota.eval.consensus.ConsensusSettings;
import dev.annota.store.Database;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code annota quality agreement}: the agreement report of a project, read locally from its database (as the
 * owner of the data: every annotator's row).
 */
@Command(name = "agreement", mixinStandardHelpOptions = true, description = {
        "Agreement of the annotators on the images several of them finished (workflow overlap): Fleiss' kappa and",
        "Krippendorff's alpha of the tags, mean IoU of matched objects, agreement with the consensus, per class and per",
        "annotator, and accuracy on gold images."})
final class QualityAgreementCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    DataOptions data;
    @Option(names = "--project", required = true, paramLabel = "P", description = "Project id.")
    String project;
    @Option(names = "--iou-threshold", paramLabel = "T", description = "Least IoU of one object drawn twice, 0-1 (default: 0.5).")
    double iouThreshold = ConsensusSettings.defaults().iouThreshold();
    @Option(names = "--json", description = "Print the report as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
        ConsensusSettings d = ConsensusSettings.defaults();
        ConsensusSettings settings;
        try {
            settings = new ConsensusSettings(iouThreshold, d.minSupport(), d.agreementThreshold(), d.matching());
        } catch (dev.annota.core.error.ValidationException e) {
            throw dev.annota.core.error.ValidationException.of("--iou-threshold", iouThreshold, "a number in (0, 1]");
        }
        try (Database db = data.open()) {
            Actor owner = new Actor("local", "local", GlobalRole.ADMIN);
            AgreementReport r = new QualityReports(db, Access.of(db)).agreement(owner, project, settings);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(QualityJson.agreement(r).toString());
                return 0;
            }
            print(out, r);
        }
        return 0;
    }

    private static void print(PrintWriter out, AgreementReport r) {
        AgreementReport.Overview p = r.project();
        out.printf(Locale.ROOT, "project %s: %d images with overlap, %d finished jobs, %d gold images%n", r.projectId(),
                p.images(), p.finishedJobs(), p.goldImages());
        out.printf(Locale.ROOT, "  Fleiss' kappa %s (%d images)  Krippendorff's alpha %s  mean IoU %s  consensus %s  "
                + "gold accuracy %s  disputed images %d%n", f(p.fleissKappa()), p.fleissItems(), f(p.krippendorffAlpha()),
                f(p.meanIou()), f(p.consensusAgreement()), f(p.goldAccuracy()), p.disputedImages());
        out.printf(Locale.ROOT, "%n  %-20s %8s %8s %8s %10s%n", "class", "tag α", "objects", "mean IoU", "consensus");
        for (AgreementReport.ClassAgreement c : r.classes()) {
            out.printf(Locale.ROOT, "  %-20s %8s %8d %8s %10s%n", c.name(), f(c.tagAlpha()), c.objects(), f(c.meanIou()),
                    f(c.consensusAgreement()));
        }
        out.printf(Locale.ROOT, "%n  %-20s %7s %10s %8s %8s %6s %8s%n", "annotator", "images", "consensus", "mean IoU",
                "kappa", "gold", "gold acc");
        for (AgreementReport.AnnotatorAgreement a : r.annotators()) {
            out.printf(Locale.ROOT, "  %-20s %7d %10s %8s %8s %6d %8s%n", a.username(), a.images(), f(a.consensusAgreement()),
                    f(a.meanIou()), f(a.meanCohenKappa()), a.goldImages(), f(a.goldAccuracy()));
        }
    }

    private static String f(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.3f", v.getAsDouble()) : "n/a";
    }
}
