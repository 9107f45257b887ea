package dev.annota.cli;

import dev.annota.core.error.AnnotaException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code annota eval classification} (placeholder until the evaluation issue lands). */
@Command(name = "classification", mixinStandardHelpOptions = true, description = "Classification metrics, identical to scikit-learn.")
final class EvalClassificationCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new AnnotaException("annota eval classification is not available yet");
    }
}
