package dev.helix.secrets.internal;

import dev.helix.secrets.model.KeyRing;
import dev.helix.secrets.model.SecretCipher;
import dev.helix.platform.service.PrivateFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        ring = write(current.withActive(newId(), SecretCipher.newKey()));
        LOG.info("Secrets key ring: new active key " + ring.activeId());
        return ring;
    }

    /** The first ring; when another server created the file at the same moment, that one wins. */
    private KeyRing create() {
        String first = newId();
        KeyRing created = new KeyRing(Map.of(first, SecretCipher.newKey()), first);
        return PrivateFiles.create(file(), text(created)) ? created : read();
    }

    private KeyRing read() {
        Properties stored = new Properties();
        try {
            stored.load(new StringReader(PrivateFiles.read(file())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the secrets key ring " + file(), e);
        }
        return KeyRing.of(stored);
    }

    private KeyRing write(KeyRing changed) {
        PrivateFiles.write(file(), text(changed));
        return changed;
    }

    private static String text(KeyRing ring) {
        StringWriter text = new StringWriter();
        try {
            ring.toProperties().store(text, "Helix secrets key ring: keep it secret, back it up, share it with every server");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private Path file() {
        return Path.of(configuredFile.orElse(Path.of(outputDir, "helix-secrets.keyring").toString()));
    }

    private static String newId() {
        return "k" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS"));
    }
}
