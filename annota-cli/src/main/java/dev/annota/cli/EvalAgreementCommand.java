package dev.annota.cli;

import dev.annota.app.eval.AgreementJson;
import dev.annota.app.eval.AgreementResult;
import dev.annota.app.eval.EvaluateAgreement;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annota eval agreement}: Cohen's and Fleiss' κ, Krippendorff's α. */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = {"Annotator agreement: Cohen's and Fleiss' kappa, Krippendorff's alpha.", "",
                "RATINGS.json: ratings (items x raters, null for missing), or annotator_a and annotator_b, or",
                "counts (items x categories); optional categories (in order) and level: nominal|ordinal|interval."})
final class EvalAgreementCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "RATINGS.json", description = "The ratings.")
    Path input;

    @Option(names = "--json", description = "Print the figures as JSON (cohen_kappa, fleiss_kappa, krippendorff_alpha, ...).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        AgreementResult r = EvaluateAgreement.run(input);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(AgreementJson.of(r)));
            return 0;
        }
        out.printf(Locale.ROOT, "%d items, %d raters, %d categories%n%n", r.data().items(), r.data().raters(),
                r.data().categories().size());
        r.cohen().ifPresent(c -> {
            line(out, "observed agreement", c.observedAgreement());
            line(out, "Cohen's kappa", c.kappa());
            line(out, "Cohen's kappa (linear)", c.linear());
            line(out, "Cohen's kappa (quadratic)", c.quadratic());
        });
        r.fleiss().ifPresent(f -> {
            line(out, "Fleiss' kappa", f.kappa());
            line(out, "Randolph's kappa", f.randolphKappa());
        });
        r.pairwise().forEach(p -> line(out, "Cohen's kappa " + p.raterA() + "-" + p.raterB(), p.kappa()));
        r.alpha().ifPresent(a -> line(out, "Krippendorff's alpha (" + r.level().name().toLowerCase(Locale.ROOT) + ")", a));
        r.notes().forEach(n -> out.println("  note: " + n));
        return 0;
    }

    private static void line(PrintWriter out, String name, double v) {
        out.printf(Locale.ROOT, "  %-30s %s%n", name, Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v));
    }
}
