package dev.annota.app.quality;

import dev.annota.core.error.AnnotaException;
import dev.annota.eval.labelerrors.ConfidentLearning;
import dev.annota.eval.labelerrors.LabelErrors;
import dev.annota.eval.labelerrors.Suspect;
import dev.annota.train.CrossValidation;
import dev.annota.train.CrossValidationResult;
import dev.annota.train.TrainConfig;
import dev.annota.train.TrainMode;
import dev.annota.train.data.Dataset;
import dev.annota.train.data.DatasetReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds likely label errors: out-of-fold probabilities by k-fold cross-validation, then confident learning
 * (ranked by self-confidence). Single-label datasets only.
 */
public final class LabelErrorSearch {
    /** The default number of folds. */
    public static final int DEFAULT_FOLDS = 5;

    private LabelErrorSearch() {
    }

    /** Over an ImageFolder, with {@code config}'s mode: head on its backbone's cached features, or the cnn. */
    public static LabelErrorReport inFolder(Path folder, TrainConfig config, int folds, CrossValidation.FoldListener listener)
            throws IOException {
        Dataset d = DatasetReader.imageFolder(folder, false);
        String method = config.mode() == TrainMode.HEAD
                ? "head on " + config.backbone().map(b -> b.getFileName().toString()).orElse("a backbone") : "cnn";
        return find(d, config, folds, Optional.empty(), method, listener);
    }

    /** Over {@code data} (sample ids become the suspects' {@code image}), with head mode on {@code features} when given. */
    public static LabelErrorReport find(Dataset data, TrainConfig config, int folds, Optional<float[][]> features, String method,
            CrossValidation.FoldListener listener) throws IOException {
        if (data.multiLabel()) {
            throw new AnnotaException(data.source() + ": label-error detection needs single-label data (one class per image)");
        }
        if (data.labels().size() < 2) {
            throw new AnnotaException(data.source() + ": label-error detection needs at least 2 classes, found " + data.labels().names());
        }
        if (folds < 2 || folds > data.size()) {
            throw new AnnotaException("folds: expected 2 to the number of images (" + data.size() + "), got " + folds);
        }
        CrossValidationResult cv = CrossValidation.run(config, data, folds, features, listener);
        int[] given = data.samples().stream().mapToInt(s -> s.firstLabel()).toArray();
        LabelErrors errors = ConfidentLearning.find(cv.probabilities(), given, ConfidentLearning.Ranking.SELF_CONFIDENCE);
        List<LabelErrorReport.LabelSuspect> out = new ArrayList<>();
        for (Suspect s : errors.suspects()) {
            out.add(new LabelErrorReport.LabelSuspect(data.samples().get(s.index()).id(), data.labels().name(s.given()),
                    data.labels().name(s.suggested()), Math.round(s.score() * 1e6) / 1e6));
        }
        return new LabelErrorReport(method, folds, data.labels().names(), cv.pooled(), errors.estimatedErrorRate(), out);
    }
}
