package dev.helix.platform.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only the server's user may read (generated passwords, the registry drop-in, the secrets key ring, audit
 * archives). Each is
 * written whole to a private temporary file beside it and then put in place in one step, so a reader never sees
 * it half written.
 */
public final class PrivateFiles {

    private PrivateFiles() {
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** What goes into a file, written to its stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the file, replacing what was there. */
    public static void write(Path file, String content) {
        write(file, text(content));
    }

    /** Writes the file from a stream of content (large files), replacing what was there. */
    public static void write(Path file, Content content) {
        place(file, content, true);
    }

    /** Writes the file unless it exists already; answers whether it did (false: someone else created it first). */
    public static boolean create(Path file, String content) {
        return place(file, text(content), false);
    }

    private static Content text(String content) {
        return out -> out.write(content.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean place(Path file, Content content, boolean replace) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    content.writeTo(out);
                }
                if (replace) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.createLink(target, temporary);
                }
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }
}
