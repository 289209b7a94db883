package dev.helix.metering.service;

import dev.helix.metering.model.UsageEntry;
import dev.helix.metering.model.UsageGrouping;
import dev.helix.metering.model.UsageRecord;
import dev.helix.metering.model.UsageSum;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/**
 * The one meter of model usage: every billable call, by the gateway or by an agent, is recorded here, and sums by
 * key, user, model, project or day are read from it. A call is recorded in the caller's transaction (an agent's
 * call together with its transcript), or in one of its own; the gateway's calls many to one
 * ({@link UsageRecorder}).
 */
@Stateless
public class UsageMeter {

    /** Spend is summed to a millionth of the prices' unit. */
    private static final int SPEND_SCALE = 6;

    @PersistenceContext
    EntityManager em;

    @Inject
    Budgets budgets;

    /** Records the call and debits its caller's budgets. */
    public void record(UsageEntry entry) {
        em.persist(new UsageRecord(entry));
        budgets.debit(entry);
    }

    /**
     * Records the calls and debits their callers' budgets, all in one transaction; the records are inserted as JDBC
     * batches (each statement of its own was most of the cost of metering a gateway call).
     */
    public void recordAll(List<UsageEntry> entries) {
        em.unwrap(Session.class).setJdbcBatchSize(Math.min(entries.size(), UsageRecord.IDS_PER_DRAW));
        entries.forEach(entry -> em.persist(new UsageRecord(entry)));
        em.flush();
        entries.forEach(budgets::debit);
    }

    /** The sums of each group over {@code [from, to)}, ordered by group. */
    public List<UsageSum> sums(Instant from, Instant to, UsageGrouping grouping) {
        return em.createQuery("SELECT " + grouping.field() + ", COUNT(u), SUM(CASE WHEN u.cacheHit = TRUE THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN u.estimated = TRUE THEN 1 ELSE 0 END), SUM(CASE WHEN u.status >= 400 THEN 1 ELSE 0 END), "
                        + "SUM(u.promptTokens), SUM(u.completionTokens), SUM(u.totalTokens), "
                        + "SUM(u.promptTokens * p.promptPer1k + u.completionTokens * p.completionPer1k) "
                        + "FROM UsageRecord u LEFT JOIN ModelPrice p ON p.deployment = u.deployment "
                        + "WHERE u.at >= :from AND u.at < :to GROUP BY " + grouping.field() + " ORDER BY " + grouping.field(),
                        Object[].class)
                .setParameter("from", from).setParameter("to", to)
                .getResultStream().map(UsageMeter::sum).toList();
    }

    private static UsageSum sum(Object[] row) {
        BigDecimal spend = row[8] == null ? null : new BigDecimal(row[8].toString()).movePointLeft(3)
                .setScale(SPEND_SCALE, RoundingMode.HALF_UP);
        return new UsageSum(row[0] == null ? null : row[0].toString(), number(row[1]), number(row[2]), number(row[3]),
                number(row[4]), number(row[5]), number(row[6]), number(row[7]), spend);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
