package dev.annota.train;

import dev.annota.core.error.AnnotaException;
import dev.annota.eval.classification.MultiLabelInput;
import dev.annota.eval.classification.SingleLabelInput;
import dev.annota.infer.ClassScore;
import dev.annota.infer.ModelLabel;
import dev.annota.infer.ModelPackage;
import dev.annota.infer.ModelPackages;
import dev.annota.infer.Prediction;
import dev.annota.infer.Predictor;
import dev.annota.infer.PredictorOptions;
import dev.annota.infer.descriptor.Task;
import dev.annota.train.data.Dataset;
import dev.annota.train.data.DatasetReader;
import dev.annota.train.data.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs a classification model package (any that annota predict runs, e.g. one written by {@link Training}) over
 * a labelled ImageFolder or CSV and returns annota-eval's input: the dataset's labels must be the model's.
 */
public final class ModelEvaluation {
    private ModelEvaluation() {
    }

    /** Either a single-label or a multi-label input for annota-eval, with scores. */
    public record Result(Optional<SingleLabelInput> single, Optional<MultiLabelInput> multi, int images) {
    }

    public static Result run(Path modelPath, Path dataPath, int threads) throws IOException {
        ModelPackage model = ModelPackages.resolve(modelPath);
        Task task = model.descriptor().task();
        if (task != Task.CLASSIFICATION && task != Task.MULTI_LABEL) {
            throw new AnnotaException(modelPath + ": eval model needs a classification or multi_label model, got task " + task.id());
        }
        return evaluate(model, DatasetReader.read(dataPath, task == Task.MULTI_LABEL), dataPath.toString(), threads);
    }

    /** Runs {@code model} over {@code data} (already read: e.g. a project's images); {@code where} names the data in errors. */
    public static Result evaluate(ModelPackage model, Dataset data, String where, int threads) throws IOException {
        boolean multi = model.descriptor().task() == Task.MULTI_LABEL;
        String dataPath = where;
        List<String> names = model.labels().stream().map(ModelLabel::name).toList();
        for (String l : data.labels().names()) {
            if (!names.contains(l)) {
                throw new AnnotaException(dataPath + ": label \"" + l + "\" is not one of the model's labels " + names);
            }
        }
        int c = names.size();
        double[][] scores = new double[data.size()][c];
        ModelPackage all = model.withPostprocess(model.descriptor().postprocess().withScoreThreshold(0).withTopK(c));
        try (Predictor p = Predictor.load(all, PredictorOptions.defaults().withIntraOpThreads(threads))) {
            for (int i = 0; i < data.size(); i++) {
                Prediction pr = p.predict(data.samples().get(i).file());
                for (ClassScore s : pr.classes()) {
                    scores[i][s.label().index()] = s.score();
                }
            }
        }
        if (multi) {
            double threshold = model.descriptor().postprocess().scoreThreshold();
            boolean[][] yTrue = new boolean[data.size()][c];
            boolean[][] yPred = new boolean[data.size()][c];
            for (int i = 0; i < data.size(); i++) {
                Sample s = data.samples().get(i);
                for (int l : s.labels()) {
                    yTrue[i][names.indexOf(data.labels().name(l))] = true;
                }
                for (int l = 0; l < c; l++) {
                    yPred[i][l] = scores[i][l] >= threshold;
                }
            }
            return new Result(Optional.empty(), Optional.of(new MultiLabelInput(names, yTrue, yPred, Optional.of(scores))), data.size());
        }
        int[] yTrue = new int[data.size()];
        int[] yPred = new int[data.size()];
        for (int i = 0; i < data.size(); i++) {
            yTrue[i] = names.indexOf(data.labels().name(data.samples().get(i).firstLabel()));
            int best = 0;
            for (int l = 1; l < c; l++) {
                if (scores[i][l] > scores[i][best]) {
                    best = l;
                }
            }
            yPred[i] = best;
        }
        return new Result(Optional.of(new SingleLabelInput(names, yTrue, yPred, Optional.of(scores))), Optional.empty(), data.size());
    }
}
