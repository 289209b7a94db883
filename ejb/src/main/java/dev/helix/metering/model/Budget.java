package dev.helix.metering.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A token budget: how many tokens a user or an API key may use a day or a month. The tokens spent in the current
 * period are counted on the row as calls are metered, so checking a budget reads one row.
 */
@Entity
@Table(name = "usage_budget")
public class Budget {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false)
    private BudgetSubject subjectKind;

    /** The user's name, or the key's id. */
    @Column(nullable = false)
    private String subject;

    /** How messages name the subject: the user's name, or the key's prefix and name. */
    @Column(nullable = false)
    private String label;

    /** Who is told when 80 % is spent: the user, or the key's owner. */
    @Column(nullable = false)
    private String owner;

    @Enumerated(EnumType.STRING)
    @Column(name = "budget_period", nullable = false)
    private BudgetPeriod period;

    @Column(name = "token_limit", nullable = false)
    private long tokenLimit;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "spent_tokens", nullable = false)
    private long spentTokens;

    @Column(name = "warned_period")
    private LocalDate warnedPeriod;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Budget() {
    }

    public Budget(BudgetSubject subjectKind, String subject, String label, String owner, BudgetPeriod period, long tokenLimit,
                  Instant now) {
        this.subjectKind = subjectKind;
        this.subject = subject;
        this.label = label;
        this.owner = owner;
        this.period = period;
        this.tokenLimit = tokenLimit;
        this.periodStart = period.startOf(now);
        this.createdAt = now;
    }

    public void limitTo(long tokens) {
        this.tokenLimit = tokens;
    }

    /** The tokens spent in the period {@code at} falls in: none once a new period has begun. */
    public long spentAt(Instant at) {
        return periodStart.equals(period.startOf(at)) ? spentTokens : 0;
    }

    /** Whether the tokens of the current period are all used. */
    public boolean exhaustedAt(Instant at) {
        return spentAt(at) >= tokenLimit;
    }

    /** "user 'alice' may use 100000 tokens a day" */
    public String describe() {
        return (subjectKind == BudgetSubject.USER ? "user '" + label + "'" : "API key " + label) + " may use " + tokenLimit
                + " tokens " + period.phrase();
    }

    public Long getId() {
        return id;
    }

    public BudgetSubject getSubjectKind() {
        return subjectKind;
    }

    public String getSubject() {
        return subject;
    }

    public String getLabel() {
        return label;
    }

    public String getOwner() {
        return owner;
    }

    public BudgetPeriod getPeriod() {
        return period;
    }

    public long getTokenLimit() {
        return tokenLimit;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
