package dev.helix.shared.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only the server's user may read (generated passwords, the registry drop-in, the secrets key ring). Each is
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

    /** Writes the file, replacing what was there. */
    public static void write(Path file, String content) {
        place(file, content, true);
    }

    /** Writes the file unless it exists already; answers whether it did (false: someone else created it first). */
    public static boolean create(Path file, String content) {
        return place(file, content, false);
    }

    private static boolean place(Path file, String content, boolean replace) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(temporary, content, StandardCharsets.UTF_8);
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
