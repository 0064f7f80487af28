package dev.ytv2.render.backend;

/** An image as a backend produced it, with the facts a variant records. */
public record RenderedImage(byte[] bytes, String backend, String model, Long seed, int width, int height) {
}
