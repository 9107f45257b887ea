package dev.annota.cli;

import picocli.CommandLine.Command;

/** {@code annota quality}: label-error detection and the active-learning queue. */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = "Data quality: likely label errors (confident learning) and the next images to label (active learning).",
        subcommands = {QualityLabelErrorsCommand.class, QualityNextCommand.class})
final class QualityCommand {
}
