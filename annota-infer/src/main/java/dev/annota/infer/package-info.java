/** Model inference on ONNX Runtime: descriptors, pre/post-processing, batching, embeddings. */
package dev.annota.infer;
