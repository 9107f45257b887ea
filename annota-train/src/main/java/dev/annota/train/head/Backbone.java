package dev.annota.train.head;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.annota.core.error.AnnotaException;
import dev.annota.infer.ModelPackage;
import dev.annota.infer.ModelPackages;
import dev.annota.infer.OnnxRuntime;
import dev.annota.infer.Prediction;
import dev.annota.infer.Predictor;
import dev.annota.infer.PredictorOptions;
import dev.annota.infer.descriptor.LabelSource;
import dev.annota.infer.descriptor.ModelDescriptor;
import dev.annota.infer.descriptor.OutputSpec;
import dev.annota.infer.descriptor.Postprocess;
import dev.annota.infer.descriptor.Task;
import dev.annota.infer.image.ImageDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A frozen ONNX backbone: its feature tensor per image, computed by annota-infer's Predictor (so the
 * preprocessing is the serving one) and cached by content: {@code cacheDir/<backbone sha256>/<image sha256>.f32}
 * (little-endian floats). Retraining on the same images reads only the cache.
 */
public final class Backbone implements AutoCloseable {
    private final ModelPackage model;
    private final String tensor;
    private final String sha256;
    private final Path cacheDir;
    private final Predictor predictor;

    public Backbone(Path path, Path cacheDir, int threads) throws IOException {
        ModelPackage resolved = ModelPackages.resolve(path);
        this.sha256 = ModelPackages.sha256(resolved.modelFile());
        this.tensor = featureTensor(resolved);
        ModelDescriptor d = resolved.descriptor();
        ModelDescriptor embedding = new ModelDescriptor(d.name(), Task.EMBEDDING, d.modelFile(), d.sha256(),
                new LabelSource.Inline(List.of()), d.input(), new OutputSpec.Embedding(tensor, false), new Postprocess(0, 1, 1));
        this.model = resolved;
        this.cacheDir = cacheDir.resolve(sha256.substring(0, 16));
        this.predictor = Predictor.load(new ModelPackage(embedding, resolved.modelFile(), List.of(), resolved.source()),
                PredictorOptions.defaults().withIntraOpThreads(threads));
    }

    /** The tensor the head reads: the descriptor's embedding or classifier output, else the model's first output. */
    private static String featureTensor(ModelPackage p) {
        OutputSpec o = p.descriptor().output();
        if (o instanceof OutputSpec.Embedding e && !e.name().isEmpty()) {
            return e.name();
        }
        if (o instanceof OutputSpec.Classifier c && !c.name().isEmpty()) {
            return c.name();
        }
        try (OrtSession s = OnnxRuntime.environment().createSession(p.modelFile().toString())) {
            return s.getOutputNames().iterator().next();
        } catch (OrtException e) {
            throw new AnnotaException(p.modelFile() + ": ONNX Runtime cannot open the backbone: " + e.getMessage(), e);
        }
    }

    public ModelPackage model() {
        return model;
    }

    public String tensor() {
        return tensor;
    }

    public String sha256() {
        return sha256;
    }

    /** The feature vector of {@code image}, from the cache when this backbone has seen these bytes before. */
    public float[] features(Path image) throws IOException {
        byte[] bytes = Files.readAllBytes(image);
        String key = sha256(bytes);
        Path cached = cacheDir.resolve(key.substring(0, 2)).resolve(key + ".f32");
        if (Files.isRegularFile(cached)) {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(cached)).order(ByteOrder.LITTLE_ENDIAN);
            float[] v = new float[b.remaining() / 4];
            b.asFloatBuffer().get(v);
            return v;
        }
        Prediction p = predictor.predict(ImageDecoder.decode(bytes, image.toString()));
        float[] v = p.embedding().orElseThrow(() -> new AnnotaException(image + ": the backbone gave no features")).vector();
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        Files.createDirectories(cached.getParent());
        Path tmp = Files.createTempFile(cached.getParent(), key, ".tmp");
        Files.write(tmp, b.array());
        Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return v;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public void close() {
        predictor.close();
    }
}
