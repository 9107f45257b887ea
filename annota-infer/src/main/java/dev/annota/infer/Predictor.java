package dev.annota.infer;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.platform.Fp16Conversions;
import dev.annota.core.error.AnnotaException;
import dev.annota.infer.decode.Decoders;
import dev.annota.infer.decode.OutputDecoder;
import dev.annota.infer.decode.OutputTensor;
import dev.annota.infer.descriptor.InputSpec;
import dev.annota.infer.descriptor.Layout;
import dev.annota.infer.descriptor.Postprocess;
import dev.annota.infer.descriptor.TensorType;
import dev.annota.infer.image.ImageDecoder;
import dev.annota.infer.image.InputTransform;
import dev.annota.infer.image.Preprocessor;
import dev.annota.infer.image.RgbImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Runs one model on images: decode (with EXIF orientation), preprocess, ONNX Runtime, decode outputs. One
 * {@link OrtSession} is shared by every caller — {@code predict} is thread-safe — and input buffers are pooled.
 * Images are batched into one run when the model's batch axis is dynamic, else run one by one. Close it to
 * free the native session.
 */
public final class Predictor implements AutoCloseable {
    private final ModelPackage model;
    private final PredictorOptions options;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputName;
    private final boolean dynamicBatch;
    private final Preprocessor preprocessor;
    private final OutputDecoder decoder;
    private final Set<String> outputs;
    private final ConcurrentLinkedDeque<Scratch> pool = new ConcurrentLinkedDeque<>();

    private Predictor(ModelPackage model, PredictorOptions options, java.util.Optional<byte[]> onnx) {
        this.model = model;
        this.options = options;
        this.env = OnnxRuntime.environment();
        this.session = open(model, options, env, onnx);
        try {
            InputSpec in = model.descriptor().input();
            this.inputName = inputName(in);
            this.dynamicBatch = checkInput(in, NativeThreads.call(session::getInputInfo).get(inputName));
            this.outputs = new LinkedHashSet<>(model.descriptor().output().tensorNames());
            for (String o : outputs) {
                if (!session.getOutputNames().contains(o)) {
                    throw new AnnotaException(where() + ": output '" + o + "' is not in the model (outputs: "
                            + String.join(", ", session.getOutputNames()) + ")");
                }
            }
        } catch (OrtException | RuntimeException e) {
            closeQuietly();
            throw e instanceof AnnotaException a ? a : new AnnotaException(where() + ": " + e.getMessage(), e);
        }
        this.preprocessor = new Preprocessor(model.descriptor().input());
        this.decoder = Decoders.forModel(model.descriptor(), model.labels());
    }

    /** Loads a resolved model package. */
    public static Predictor load(ModelPackage model, PredictorOptions options) {
        return new Predictor(model, options, java.util.Optional.empty());
    }

    /**
     * Loads a package from ONNX bytes held in memory (a model edited by {@link dev.annota.infer.onnx.GraphEdit});
     * {@code model.modelFile()} names where the bytes came from.
     */
    public static Predictor load(ModelPackage model, PredictorOptions options, byte[] onnx) {
        return new Predictor(model, options, java.util.Optional.of(onnx.clone()));
    }

    /** Resolves {@code path} with {@link ModelPackages#resolve} and loads it. */
    public static Predictor load(Path path, PredictorOptions options) throws IOException {
        return new Predictor(ModelPackages.resolve(path), options, java.util.Optional.empty());
    }

    public ModelPackage model() {
        return model;
    }

    /** Whether several images go into one run. */
    public boolean batches() {
        return dynamicBatch;
    }

    /** Decodes {@code file} (upright by its EXIF orientation) and predicts. */
    public Prediction predict(Path file) throws IOException {
        return predict(ImageDecoder.read(file));
    }

    public Prediction predict(RgbImage image) {
        return predictAll(List.of(image)).get(0);
    }

    /** One prediction per image, in order; batched when the model allows it. */
    public List<Prediction> predictAll(List<RgbImage> images) {
        List<Prediction> out = new ArrayList<>(images.size());
        int step = dynamicBatch ? options.maxBatch() : 1;
        for (int i = 0; i < images.size(); i += step) {
            out.addAll(run(images.subList(i, Math.min(images.size(), i + step))));
        }
        return out;
    }

    /** Decodes nothing and runs nothing: preprocesses {@code image} for this model on the calling thread. */
    public PreparedImage prepare(RgbImage image, Postprocess postprocess) {
        float[] values = new float[model.descriptor().input().valuesPerImage()];
        InputTransform t = preprocessor.write(image, values, 0);
        return new PreparedImage(values, t, postprocess);
    }

    /** {@link #prepare(RgbImage, Postprocess)} with the model's own postprocessing. */
    public PreparedImage prepare(RgbImage image) {
        return prepare(image, model.descriptor().postprocess());
    }

    /**
     * Decodes an encoded image at the reduced scale this model's input allows ({@link Preprocessor#subsampling};
     * full size when the image is about the input size) and preprocesses it on the calling thread. Boxes and
     * masks of the prediction are in the full-size image's pixels. {@code source} names the image in errors.
     */
    public PreparedImage prepareEncoded(byte[] encoded, String source) throws IOException {
        ImageDecoder.Reduced image = ImageDecoder.decodeReduced(encoded, source, ImageDecoder.MAX_PIXELS, preprocessor::subsampling);
        float[] values = new float[model.descriptor().input().valuesPerImage()];
        InputTransform t = preprocessor.write(image, values, 0);
        return new PreparedImage(values, t, model.descriptor().postprocess());
    }

    /**
     * One prediction per prepared image, in order, each decoded with its own postprocessing; batched when the
     * model allows it. Thread-safe.
     */
    public List<Prediction> predictPrepared(List<PreparedImage> images) {
        int per = model.descriptor().input().valuesPerImage();
        for (PreparedImage p : images) {
            if (p.values().length != per) {
                throw new AnnotaException(where() + ": a prepared image holds " + p.values().length
                        + " values, expected " + per + " (prepared for another model?)");
            }
        }
        List<Prediction> out = new ArrayList<>(images.size());
        int step = dynamicBatch ? options.maxBatch() : 1;
        for (int i = 0; i < images.size(); i += step) {
            List<PreparedImage> batch = images.subList(i, Math.min(images.size(), i + step));
            Scratch s = scratch(batch.size());
            try {
                s.buffer.clear();
                for (PreparedImage p : batch) {
                    s.buffer.put(p.values());
                }
                s.buffer.flip();
                out.addAll(infer(s.buffer, batch.stream().map(PreparedImage::transform).toList(),
                        batch.stream().map(PreparedImage::postprocess).toList()));
            } finally {
                pool.offerFirst(s);
            }
        }
        return out;
    }

    private List<Prediction> run(List<RgbImage> batch) {
        int per = model.descriptor().input().valuesPerImage();
        int n = batch.size();
        Scratch s = scratch(n);
        try {
            List<InputTransform> transforms = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                transforms.add(preprocessor.write(batch.get(i), s.values, i * per));
            }
            s.buffer.clear();
            s.buffer.put(s.values, 0, n * per).flip();
            return infer(s.buffer, transforms, java.util.Collections.nCopies(n, model.descriptor().postprocess()));
        } finally {
            pool.offerFirst(s);
        }
    }

    private Scratch scratch(int n) {
        int per = model.descriptor().input().valuesPerImage();
        Scratch s = pool.pollFirst();
        if (s == null || s.values.length < n * per) {
            s = new Scratch(Math.max(n, dynamicBatch ? options.maxBatch() : 1) * per);
        }
        return s;
    }

    /** Runs the model on the {@code transforms.size()} images in {@code values} and decodes each. */
    private List<Prediction> infer(FloatBuffer values, List<InputTransform> transforms, List<Postprocess> posts) {
        InputSpec in = model.descriptor().input();
        int n = transforms.size();
        long[] shape = in.layout() == Layout.NCHW ? new long[] {n, 3, in.height(), in.width()}
                : new long[] {n, in.height(), in.width(), 3};
        try {
            Map<String, OutputTensor> raw = NativeThreads.call(() -> {
                Map<String, OutputTensor> m = new HashMap<>();
                try (OnnxTensor input = in.dtype() == TensorType.FP16
                        ? OnnxTensor.createTensor(env, Fp16Conversions.convertFloatBufferToFp16Buffer(values), shape, OnnxJavaType.FLOAT16)
                        : OnnxTensor.createTensor(env, values, shape);
                     OrtSession.Result result = session.run(Map.of(inputName, input), outputs)) {
                    for (Map.Entry<String, OnnxValue> e : result) {
                        m.put(e.getKey(), floats(e.getKey(), (OnnxTensor) e.getValue()));
                    }
                }
                return m;
            });
            List<Prediction> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(decoder.decode(raw, i, transforms.get(i), posts.get(i)));
            }
            return out;
        } catch (OrtException e) {
            throw new AnnotaException(where() + ": the run failed: " + e.getMessage(), e);
        }
    }

    private OutputTensor floats(String name, OnnxTensor t) {
        TensorInfo info = t.getInfo();
        FloatBuffer fb;
        if (info.type == OnnxJavaType.FLOAT) {
            fb = t.getFloatBuffer();
        } else if (info.type == OnnxJavaType.FLOAT16) {
            fb = Fp16Conversions.convertFp16BufferToFloatBuffer(t.getShortBuffer());
        } else {
            throw new AnnotaException(where() + ": output '" + name + "' holds " + info.type + ", expected float or float16");
        }
        float[] data = new float[fb.remaining()];
        fb.get(data);
        return new OutputTensor(name, info.getShape(), data);
    }

    private String inputName(InputSpec in) {
        Set<String> names = session.getInputNames();
        if (in.name().isEmpty()) {
            if (names.size() != 1) {
                throw new AnnotaException(where() + ": the model has inputs " + String.join(", ", names)
                        + "; name the image input in input.name");
            }
            return names.iterator().next();
        }
        if (!names.contains(in.name())) {
            throw new AnnotaException(where() + ": input.name '" + in.name() + "' is not an input of the model (inputs: "
                    + String.join(", ", names) + ")");
        }
        return in.name();
    }

    /** Checks the descriptor against the model's input; true when the batch axis is dynamic. */
    private boolean checkInput(InputSpec in, NodeInfo node) {
        if (!(node.getInfo() instanceof TensorInfo t) || t.getShape().length != 4) {
            throw new AnnotaException(where() + ": input '" + inputName + "' is " + node.getInfo() + ", expected a 4-d image tensor");
        }
        OnnxJavaType want = in.dtype() == TensorType.FP16 ? OnnxJavaType.FLOAT16 : OnnxJavaType.FLOAT;
        if (t.type != want) {
            throw new AnnotaException(where() + ": input.dtype is " + in.dtype().name().toLowerCase(java.util.Locale.ROOT)
                    + " but the model's input '" + inputName + "' holds " + t.type);
        }
        long[] s = t.getShape();
        long[] expected = in.layout() == Layout.NCHW ? new long[] {s[0], 3, in.height(), in.width()}
                : new long[] {s[0], in.height(), in.width(), 3};
        for (int i = 1; i < 4; i++) {
            if (s[i] > 0 && s[i] != expected[i]) {
                throw new AnnotaException(where() + ": the model's input '" + inputName + "' has shape " + java.util.Arrays.toString(s)
                        + " but the descriptor says " + in.layout() + " " + in.width() + "x" + in.height() + " (input.width, input.height, input.layout)");
            }
        }
        return s[0] <= 0;
    }

    private static OrtSession open(ModelPackage model, PredictorOptions options, OrtEnvironment env, java.util.Optional<byte[]> onnx) {
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            so.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            if (options.intraOpThreads() > 0) {
                so.setIntraOpNumThreads(options.intraOpThreads());
            }
            if (!options.spinWait()) {
                so.addConfigEntry("session.intra_op.allow_spinning", "0");
            }
            return NativeThreads.call(() -> onnx.isPresent() ? env.createSession(onnx.get(), so)
                    : env.createSession(model.modelFile().toString(), so));
        } catch (OrtException e) {
            throw new AnnotaException(model.modelFile() + ": not a loadable ONNX model (" + e.getMessage() + ")", e);
        }
    }

    private String where() {
        return model.name() + " (" + model.source() + ")";
    }

    private void closeQuietly() {
        try {
            closeSession();
        } catch (OrtException e) {
            // already failing with the first error; this one adds nothing
        }
    }

    /** Closing frees the graph recursively in native code: on a large-stack thread too. */
    private void closeSession() throws OrtException {
        NativeThreads.call(() -> {
            session.close();
            return null;
        });
    }

    @Override
    public void close() {
        try {
            closeSession();
        } catch (OrtException e) {
            throw new AnnotaException(where() + ": closing the session failed: " + e.getMessage(), e);
        }
    }

    /** A pooled input: the float values and the direct buffer handed to ONNX Runtime. */
    private static final class Scratch {
        final float[] values;
        final FloatBuffer buffer;

        Scratch(int size) {
            values = new float[size];
            buffer = ByteBuffer.allocateDirect(size * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
    }
}
