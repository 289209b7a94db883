package dev.helix.secrets.internal;

import dev.helix.secrets.model.KeyRing;
import dev.helix.secrets.model.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the key ring lives: the file {@code helix.secrets.keyring} (default: {@code helix-secrets.keyring} in the
 * server's output directory), readable by the server's user only, created with a first key when missing. Every
 * server of a cluster must be given the same file.
 */
@ApplicationScoped
public class KeyRingStore {

    private static final Logger LOG = Logger.getLogger(KeyRingStore.class.getName());

    @Inject
    @ConfigProperty(name = "helix.secrets.keyring")
    Optional<String> configuredFile;

    @Inject
    @ConfigProperty(name = "helix.server.output.dir", defaultValue = ".")
    String outputDir;

    private KeyRing ring;

    public synchronized KeyRing ring() {
        if (ring == null) {
            ring = Files.exists(file()) ? read() : create();
        }
        return ring;
    }

    /** The ring as the file holds it now: for a ciphertext under a key another server added. */
    public synchronized KeyRing reload() {
        ring = read();
        return ring;
    }

    /**
     * Adds a new key to the ring as the file holds it now (so keys another server added are kept) and makes it
     * active; answers the new ring. Rotate from one server at a time.
     */
    public synchronized KeyRing rotate() {
        KeyRing current = Files.exists(file()) ? read() : ring();
        ring = write(current.withActive(newId(), SecretCipher.newKey()), true);
        LOG.info("Secrets key ring: new active key " + ring.activeId());
        return ring;
    }

    /** The first ring; when another server created the file at the same moment, that one wins. */
    private KeyRing create() {
        String first = newId();
        try {
            return write(new KeyRing(Map.of(first, SecretCipher.newKey()), first), false);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof FileAlreadyExistsException) {
                return read();
            }
            throw e;
        }
    }

    private KeyRing read() {
        Properties stored = new Properties();
        try (Reader in = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
            stored.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the secrets key ring " + file(), e);
        }
        return KeyRing.of(stored);
    }

    private KeyRing write(KeyRing changed, boolean replace) {
        Path target = file();
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), "keyring", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                changed.toProperties().store(out, "Helix secrets key ring: keep it secret, back it up, share it with every server");
            }
            if (replace) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                try {
                    Files.createLink(target, temporary);
                } finally {
                    Files.delete(temporary);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the secrets key ring " + target, e);
        }
        return changed;
    }

    private Path file() {
        return Path.of(configuredFile.orElse(Path.of(outputDir, "helix-secrets.keyring").toString()));
    }

    private static String newId() {
        return "k" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS"));
    }
}
