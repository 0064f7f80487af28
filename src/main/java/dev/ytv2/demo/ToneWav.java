package dev.ytv2.demo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * A short, real WAV for demo audio: a few soft bell-like notes from a pentatonic scale, so the
 * player has something pleasant to play. 16-bit PCM, mono, 22050 Hz.
 */
record ToneWav(byte[] bytes, double seconds) {

    static final int SAMPLE_RATE = 22_050;
    private static final double[] PENTATONIC = {261.63, 293.66, 329.63, 392.00, 440.00, 523.25, 587.33};

    /** A fresh file and its length in seconds. */
    static ToneWav of(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double seconds = 2.0 + rnd.nextInt(5) * 0.25;
        int samples = (int) (seconds * SAMPLE_RATE);
        double[] mix = new double[samples];
        int notes = 4 + rnd.nextInt(3);
        for (int k = 0; k < notes; k++) {
            double freq = PENTATONIC[rnd.nextInt(PENTATONIC.length)];
            int start = (int) ((double) k / notes * samples * 0.8);
            addNote(mix, start, freq);
        }
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            // Fades at both ends avoid the click of a waveform that starts or stops mid-swing.
            double fade = Math.min(1, Math.min(i, samples - 1 - i) / (0.02 * SAMPLE_RATE));
            pcm.putShort((short) Math.round(Math.max(-1, Math.min(1, mix[i] * fade)) * 32_000));
        }
        return new ToneWav(wav(pcm.array()), (double) samples / SAMPLE_RATE);
    }

    /** A sine with a soft octave overtone and an exponential decay, like a struck glass. */
    private static void addNote(double[] mix, int start, double freq) {
        for (int i = start; i < mix.length; i++) {
            double t = (double) (i - start) / SAMPLE_RATE;
            double attack = Math.min(1, t / 0.01);
            double env = attack * Math.exp(-t * 2.2);
            double wave = Math.sin(2 * Math.PI * freq * t) + 0.25 * Math.sin(4 * Math.PI * freq * t);
            mix[i] += 0.22 * env * wave;
        }
    }

    private static byte[] wav(byte[] pcm) {
        ByteBuffer b = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + pcm.length);
        b.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
        b.putShort((short) 1).putShort((short) 1).putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2);
        b.putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(pcm.length);
        b.put(pcm);
        return b.array();
    }
}
