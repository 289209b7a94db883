package dev.helix.audit.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One link of the audit chain: an {@link AuditEntry} as recorded, with its position and hashes. Never changed. */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    @Id
    private long id;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    private String target;

    @Column(name = "source_address")
    private String sourceAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    private String detail;

    @Column(name = "before_state")
    private String before;

    @Column(name = "after_state")
    private String after;

    @Column(name = "previous_hash", nullable = false)
    private String previousHash;

    @Column(name = "record_hash", nullable = false)
    private String hash;

    protected AuditRecord() {
    }

    /** The record following {@code previousHash} as record {@code id}; its hash is computed here. */
    public AuditRecord(long id, Instant recordedAt, AuditEntry entry, String previousHash) {
        this.id = id;
        this.recordedAt = recordedAt;
        this.actor = entry.actor();
        this.action = entry.action();
        this.target = entry.target();
        this.sourceAddress = entry.sourceAddress();
        this.outcome = entry.outcome();
        this.detail = entry.detail();
        this.before = entry.before();
        this.after = entry.after();
        this.previousHash = previousHash;
        this.hash = AuditChain.hash(this);
    }

    public long getId() {
        return id;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getDetail() {
        return detail;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getHash() {
        return hash;
    }
}
