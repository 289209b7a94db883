package dev.helix.audit.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One archive file of audit records (ids {@code fromSeq} to {@code toSeq}, gzip-compressed JSON lines) with the
 * SHA-256 of the file. Archiving copies; the records stay in the chain, which a deletion would break.
 */
@Entity
@Table(name = "audit_archive")
public class AuditArchive {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "from_seq", nullable = false)
    private long fromSeq;

    @Column(name = "to_seq", nullable = false)
    private long toSeq;

    @Column(nullable = false)
    private int records;

    @Column(name = "file_name", nullable = false, length = 500)
    private String fileName;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AuditArchive() {
    }

    public AuditArchive(long fromSeq, long toSeq, int records, String fileName, String sha256, Instant createdAt) {
        this.fromSeq = fromSeq;
        this.toSeq = toSeq;
        this.records = records;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.createdAt = createdAt;
    }

    public long getToSeq() {
        return toSeq;
    }

    public String getFileName() {
        return fileName;
    }

    public int getRecords() {
        return records;
    }
}
