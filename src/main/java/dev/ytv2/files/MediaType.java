package dev.ytv2.files;

import java.util.Arrays;
import java.util.Optional;

/** The file types we store and serve, recognised by their bytes (never by a client's name or header). */
public enum MediaType {
    PNG("png", "image/png", true),
    JPEG("jpg", "image/jpeg", true),
    WEBP("webp", "image/webp", true),
    GIF("gif", "image/gif", true),
    WAV("wav", "audio/wav", false),
    MP3("mp3", "audio/mpeg", false),
    OGG("ogg", "audio/ogg", false),
    M4A("m4a", "audio/mp4", false);

    private final String extension;
    private final String contentType;
    private final boolean image;

    MediaType(String extension, String contentType, boolean image) {
        this.extension = extension;
        this.contentType = contentType;
        this.image = image;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public boolean isImage() {
        return image;
    }

    public static Optional<MediaType> sniff(byte[] b) {
        if (b == null || b.length < 12) return Optional.empty();
        if (u(b, 0) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && u(b, 4) == 0x0D && u(b, 5) == 0x0A) return Optional.of(PNG);
        if (u(b, 0) == 0xFF && u(b, 1) == 0xD8 && u(b, 2) == 0xFF) return Optional.of(JPEG);
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) return Optional.of(WEBP);
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) return Optional.of(GIF);
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WAVE")) return Optional.of(WAV);
        if (ascii(b, 0, "ID3") || (u(b, 0) == 0xFF && (u(b, 1) & 0xE0) == 0xE0)) return Optional.of(MP3);
        if (ascii(b, 0, "OggS")) return Optional.of(OGG);
        if (ascii(b, 4, "ftyp")) return Optional.of(M4A);
        return Optional.empty();
    }

    /** For serving files already in a store, whose names we chose. */
    public static Optional<MediaType> ofFileName(String name) {
        String lower = name.toLowerCase();
        String ext = lower.substring(lower.lastIndexOf('.') + 1);
        if (ext.equals("jpeg")) return Optional.of(JPEG);
        return Arrays.stream(values()).filter(t -> t.extension.equals(ext)).findFirst();
    }

    private static int u(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static boolean ascii(byte[] b, int offset, String s) {
        if (b.length < offset + s.length()) return false;
        for (int i = 0; i < s.length(); i++) if (b[offset + i] != s.charAt(i)) return false;
        return true;
    }
}
