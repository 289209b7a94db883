package dev.helix.audit.service;

import dev.helix.audit.model.AuditArchive;
import dev.helix.audit.model.AuditRecord;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Archives the audit records not yet archived to a gzip-compressed JSON-lines file under
 * {@code <server output>/audit-archive}, with the file's SHA-256 recorded. Records stay in the database: the
 * chain needs every link, and the archive is a copy to keep elsewhere.
 */
@Stateless
public class AuditArchiver {

    private static final int MAX_RECORDS = 100_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "helix.server.output.dir", defaultValue = ".")
    String outputDir;

    /** How many records the next archive would hold. */
    public long pending() {
        return em.createQuery("SELECT COUNT(r) FROM AuditRecord r WHERE r.id > :after", Long.class)
                .setParameter("after", archivedUpTo()).getSingleResult();
    }

    /** Writes the next archive file; empty of records, it writes nothing and returns {@code null}. */
    public AuditArchive archive() {
        List<AuditRecord> records = em.createQuery("SELECT r FROM AuditRecord r WHERE r.id > :after ORDER BY r.id", AuditRecord.class)
                .setParameter("after", archivedUpTo()).setMaxResults(MAX_RECORDS).getResultList();
        if (records.isEmpty()) {
            return null;
        }
        long from = records.get(0).getId();
        long to = records.get(records.size() - 1).getId();
        Path file = Path.of(outputDir, "audit-archive", "audit-" + from + "-" + to + ".jsonl.gz");
        AuditArchive archive = new AuditArchive(from, to, records.size(), file.toString(), write(file, records), Instant.now());
        em.persist(archive);
        return archive;
    }

    private long archivedUpTo() {
        Long last = em.createQuery("SELECT MAX(a.toSeq) FROM AuditArchive a", Long.class).getSingleResult();
        return last == null ? 0 : last;
    }

    private static String write(Path file, List<AuditRecord> records) {
        try {
            Files.createDirectories(file.getParent());
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new GZIPOutputStream(new DigestOutputStream(Files.newOutputStream(file), sha256))) {
                for (AuditRecord r : records) {
                    out.write((json(r) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the audit archive " + file + " failed", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(AuditRecord r) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", r.getId()).add("recordedAt", r.getRecordedAt().toString())
                .add("outcome", r.getOutcome().name()).add("previousHash", r.getPreviousHash()).add("hash", r.getHash());
        String[][] fields = {{"actor", r.getActor()}, {"action", r.getAction()}, {"target", r.getTarget()},
            {"sourceAddress", r.getSourceAddress()}, {"detail", r.getDetail()}, {"before", r.getBefore()}, {"after", r.getAfter()}};
        for (String[] field : fields) {
            if (field[1] != null) {
                json.add(field[0], field[1]);
            }
        }
        return json.build().toString();
    }
}
