package dev.helix.audit.service;

import dev.helix.audit.model.AuditArchive;
import dev.helix.audit.model.AuditRecord;
import dev.helix.platform.service.PrivateFiles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Archives the audit records not yet archived to a gzip-compressed JSON-lines file under
 * {@code <server output>/audit-archive} (readable by the server's user only), with the file's SHA-256 recorded.
 * Records stay in the database: the chain needs every link, and the archive is a copy to keep elsewhere. The next
 * archive's range of ids is known before it is read (up to the last record's id), and its records are streamed,
 * not loaded at once.
 */
@Stateless
public class AuditArchiver {

    private static final long MAX_RECORDS = 100_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "helix.server.output.dir", defaultValue = ".")
    String outputDir;

    /** How many records the next archive would hold. */
    public long pending() {
        return Math.max(0, last() - archivedUpTo());
    }

    /** Writes the next archive file; with no record to archive, it writes nothing and returns {@code null}. */
    public AuditArchive archive() {
        long from = archivedUpTo() + 1;
        long to = Math.min(last(), from + MAX_RECORDS - 1);
        if (to < from) {
            return null;
        }
        Path file = Path.of(outputDir, "audit-archive", "audit-" + from + "-" + to + ".jsonl.gz");
        MessageDigest sha256 = sha256();
        int[] written = {0};
        PrivateFiles.write(file, out -> {
            try (OutputStream gzip = new GZIPOutputStream(new DigestOutputStream(out, sha256));
                 Stream<AuditRecord> records = em.createQuery("SELECT r FROM AuditRecord r WHERE r.id BETWEEN :from AND :to ORDER BY r.id",
                         AuditRecord.class).setParameter("from", from).setParameter("to", to)
                         .setHint("org.hibernate.fetchSize", 500).getResultStream()) {
                for (AuditRecord record : (Iterable<AuditRecord>) records.peek(em::detach)::iterator) {
                    gzip.write((json(record) + "\n").getBytes(StandardCharsets.UTF_8));
                    written[0]++;
                }
            }
        });
        AuditArchive archive = new AuditArchive(from, to, written[0], file.toString(),
                HexFormat.of().formatHex(sha256.digest()), Instant.now());
        em.persist(archive);
        return archive;
    }

    private long last() {
        Long last = em.createQuery("SELECT MAX(r.id) FROM AuditRecord r", Long.class).getSingleResult();
        return last == null ? 0 : last;
    }

    private long archivedUpTo() {
        Long last = em.createQuery("SELECT MAX(a.toSeq) FROM AuditArchive a", Long.class).getSingleResult();
        return last == null ? 0 : last;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
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
