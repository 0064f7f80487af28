package dev.ytv2.support;

import dev.ytv2.semantic.BuiltinEmbeddings;

/**
 * The builtin embedding model for tests. Its ONNX session lives in a static holder, so every test
 * and every test server of one JVM shares one loaded model however many providers are made.
 */
public final class SharedEmbeddings {
    private static final BuiltinEmbeddings BUILTIN = new BuiltinEmbeddings(32);

    private SharedEmbeddings() {
    }

    public static BuiltinEmbeddings builtin() {
        return BUILTIN;
    }
}
