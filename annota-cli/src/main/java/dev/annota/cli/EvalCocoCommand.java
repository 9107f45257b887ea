package dev.annota.cli;

import dev.annota.core.error.AnnotaException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code annota eval coco} (placeholder until the evaluation issue lands). */
@Command(name = "coco", mixinStandardHelpOptions = true, description = "COCO detection evaluation (bbox, segm, keypoints), identical to pycocotools.")
final class EvalCocoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new AnnotaException("annota eval coco is not available yet");
    }
}
