package dev.annota.cli;

import dev.annota.core.error.AnnotaException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code annota eval agreement} (placeholder until the evaluation issue lands). */
@Command(name = "agreement", mixinStandardHelpOptions = true, description = "Annotator agreement: Cohen's and Fleiss' kappa, Krippendorff's alpha.")
final class EvalAgreementCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new AnnotaException("annota eval agreement is not available yet");
    }
}
