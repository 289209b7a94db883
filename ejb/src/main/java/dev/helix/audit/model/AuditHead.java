package dev.helix.audit.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The end of the audit chain: the last record's id and hash. One row; appending locks it. */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    /** The id of the only row. */
    public static final int ONLY = 1;

    @Id
    private int id;

    @Column(name = "last_id", nullable = false)
    private long lastId;

    @Column(name = "last_hash", nullable = false)
    private String lastHash;

    protected AuditHead() {
    }

    public long getLastId() {
        return lastId;
    }

    public String getLastHash() {
        return lastHash;
    }

    public void advance(long id, String hash) {
        this.lastId = id;
        this.lastHash = hash;
    }
}
