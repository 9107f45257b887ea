package dev.annota.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code annota eval}: metrics that match pycocotools and scikit-learn. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate predictions: COCO detection, classification, annotator agreement.",
        subcommands = {EvalCocoCommand.class, EvalClassificationCommand.class, EvalAgreementCommand.class, EvalModelCommand.class})
final class EvalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
