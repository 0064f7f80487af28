package dev.ytv2.db;

import java.nio.file.Path;

/** The embedded database's directory is locked: another ytv2 process (a running server) has it open. */
public final class DatabaseInUseException extends IllegalStateException {
    private final Path directory;

    public DatabaseInUseException(Path directory, Throwable cause) {
        super("the embedded database in " + directory + " is in use by another ytv2 process", cause);
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }
}
