package dev.annota.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code annota quality}: data-quality figures and work lists of a project. */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = "Data quality: annotator agreement and accuracy on gold images, likely label errors (confident "
                + "learning) and the next images to label (active learning).",
        subcommands = {QualityAgreementCommand.class, QualityLabelErrorsCommand.class, QualityNextCommand.class})
final class QualityCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
