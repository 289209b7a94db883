package dev.helix.metering.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A metered call, as kept: one row per {@link UsageEntry}, with the day (UTC) it falls on. */
@Entity
@Table(name = "usage_record")
public class UsageRecord {

    /** How many ids one draw from the sequence gives: its increment. */
    public static final int IDS_PER_DRAW = 50;

    /** Drawn fifty at a time, so that the records of one transaction are inserted in one JDBC batch. */
    @Id
    @SequenceGenerator(name = "usage_record_ids", sequenceName = "usage_record_seq", allocationSize = UsageRecord.IDS_PER_DRAW)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "usage_record_ids")
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "usage_day", nullable = false)
    private LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UsageSource source;

    @Column(name = "username", nullable = false)
    private String user;

    @Column(name = "api_key_id")
    private Long keyId;

    @Column(name = "api_key_prefix")
    private String keyPrefix;

    private String project;

    @Column(name = "task_id")
    private Long taskId;

    @Column(nullable = false)
    private String model;

    private String deployment;

    @Column(name = "prompt_tokens", nullable = false)
    private long promptTokens;

    @Column(name = "completion_tokens", nullable = false)
    private long completionTokens;

    @Column(name = "total_tokens", nullable = false)
    private long totalTokens;

    @Column(nullable = false)
    private boolean estimated;

    @Column(name = "cache_hit", nullable = false)
    private boolean cacheHit;

    @Column(nullable = false)
    private boolean streamed;

    @Column(nullable = false)
    private int status;

    @Column(name = "latency_ms", nullable = false)
    private long latencyMillis;

    protected UsageRecord() {
    }

    public UsageRecord(UsageEntry entry) {
        this.at = entry.at();
        this.day = LocalDate.ofInstant(entry.at(), ZoneOffset.UTC);
        this.source = entry.source();
        this.user = entry.user();
        this.keyId = entry.keyId();
        this.keyPrefix = entry.keyPrefix();
        this.project = entry.project();
        this.taskId = entry.taskId();
        this.model = entry.model();
        this.deployment = entry.deployment();
        this.promptTokens = entry.tokens().prompt();
        this.completionTokens = entry.tokens().completion();
        this.totalTokens = entry.tokens().total();
        this.estimated = entry.tokens().estimated();
        this.cacheHit = entry.cacheHit();
        this.streamed = entry.streamed();
        this.status = entry.status();
        this.latencyMillis = entry.latencyMillis();
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public UsageSource getSource() {
        return source;
    }

    public String getUser() {
        return user;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public String getProject() {
        return project;
    }

    public Long getTaskId() {
        return taskId;
    }

    public String getModel() {
        return model;
    }

    public String getDeployment() {
        return deployment;
    }

    public long getPromptTokens() {
        return promptTokens;
    }

    public long getCompletionTokens() {
        return completionTokens;
    }

    public long getTotalTokens() {
        return totalTokens;
    }

    public boolean isEstimated() {
        return estimated;
    }

    public boolean isCacheHit() {
        return cacheHit;
    }

    public boolean isStreamed() {
        return streamed;
    }

    public int getStatus() {
        return status;
    }

    public long getLatencyMillis() {
        return latencyMillis;
    }
}
