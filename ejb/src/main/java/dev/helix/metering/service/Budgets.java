package dev.helix.metering.service;

import dev.helix.identity.model.ApiKey;
import dev.helix.identity.service.ApiKeys;
import dev.helix.identity.service.UserDirectory;
import dev.helix.metering.internal.BudgetReads;
import dev.helix.metering.internal.BudgetedSubjects;
import dev.helix.metering.model.Budget;
import dev.helix.metering.model.BudgetDefinition;
import dev.helix.metering.model.BudgetExhaustedException;
import dev.helix.metering.model.BudgetPeriod;
import dev.helix.metering.model.BudgetSubject;
import dev.helix.metering.model.UsageEntry;
import dev.helix.notifications.service.Notifications;
import dev.helix.shared.error.ConcurrentChangeException;
import dev.helix.shared.error.ConflictException;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.error.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Token budgets of users and API keys, per day or per month. A call is checked before it is made (a spent budget
 * refuses it) and debited when it is metered, on every path alike, so a budget is overshot by at most the calls in
 * flight when it ran out. The owner is told once a period when 80 % is spent. The calls of callers without a budget
 * cost no query ({@link BudgetedSubjects}); a budget given on another server holds here within two seconds.
 */
@Stateless
public class Budgets {

    /** The share of a budget whose use is worth a warning, as a fraction: four fifths. */
    private static final int WARN_NUMERATOR = 4;
    private static final int WARN_DENOMINATOR = 5;

    @PersistenceContext
    EntityManager em;

    @Inject
    UserDirectory users;

    @Inject
    ApiKeys keys;

    @Inject
    Notifications notifications;

    @Inject
    BudgetedSubjects budgeted;

    @Inject
    BudgetReads reads;

    public List<Budget> all() {
        return em.createQuery("SELECT b FROM Budget b ORDER BY b.id", Budget.class).getResultList();
    }

    public Budget find(long id) {
        Budget budget = em.find(Budget.class, id);
        if (budget == null) {
            throw new NotFoundException("Budget", id);
        }
        return budget;
    }

    public Budget define(BudgetDefinition definition) {
        checkTokens(definition.tokens());
        if (definition.period() == null) {
            throw new InvalidInputException("period is required: day or month");
        }
        boolean byUser = definition.user() != null && !definition.user().isBlank();
        boolean byKey = definition.keyPrefix() != null && !definition.keyPrefix().isBlank();
        if (byUser == byKey) {
            throw new InvalidInputException("name either a user or a keyPrefix, not both or neither");
        }
        Budget budget;
        if (byUser) {
            String user = users.existing(definition.user().strip()).getUsername();
            budget = new Budget(BudgetSubject.USER, user, user, user, definition.period(), definition.tokens(), Instant.now());
        } else {
            ApiKey key = keys.byPrefix(definition.keyPrefix().strip()).orElseThrow(() -> new InvalidInputException(
                    "keyPrefix: no API key has the prefix '" + definition.keyPrefix() + "'"));
            budget = new Budget(BudgetSubject.KEY, key.getId().toString(), key.getPrefix() + " ('" + key.getName() + "')",
                    key.getOwner(), definition.period(), definition.tokens(), Instant.now());
        }
        if (ofSubject(budget.getSubjectKind(), budget.getSubject()).stream().anyMatch(b -> b.getPeriod() == definition.period())) {
            throw new ConflictException("There is a budget " + definition.period().phrase() + " for " + budget.getLabel()
                    + " already; change it instead");
        }
        em.persist(budget);
        ConcurrentChangeException.flush(em);
        budgeted.forgetOnCommit();
        return budget;
    }

    public Budget change(long id, long tokens) {
        checkTokens(tokens);
        Budget budget = find(id);
        budget.limitTo(tokens);
        return budget;
    }

    public void delete(long id) {
        em.remove(find(id));
        budgeted.forgetOnCommit();
    }

    /** Refuses a call of the user (with the key, if any) when one of their budgets is spent. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void check(String user, Long keyId) {
        if (!budgeted.any(user, keyId)) {
            return;
        }
        Instant now = Instant.now();
        for (Budget budget : reads.ofCaller(user, keyId)) {
            if (budget.exhaustedAt(now)) {
                throw new BudgetExhaustedException(budget, now);
            }
        }
    }

    /**
     * Counts a metered call's tokens against its caller's budgets, in the transaction that records it; a budget past
     * four fifths for the first time in its period has its owner told. A call of a period that has already ended
     * (metered late, just after midnight) leaves the new period's count alone. Called by {@link UsageMeter}.
     */
    public void debit(UsageEntry entry) {
        long tokens = entry.tokens().total();
        if (tokens == 0 || !budgeted.any(entry.user(), entry.keyId())) {
            return;
        }
        int touched = 0;
        for (BudgetPeriod period : BudgetPeriod.values()) {
            touched += em.createQuery("UPDATE Budget b SET b.spentTokens = CASE WHEN b.periodStart = :start "
                            + "THEN b.spentTokens + :tokens ELSE :tokens END, b.periodStart = :start WHERE b.period = :period AND "
                            + "b.periodStart <= :start AND ((b.subjectKind = :userKind AND b.subject = :user) OR (b.subjectKind = :keyKind AND b.subject = :key))")
                    .setParameter("start", period.startOf(entry.at())).setParameter("tokens", tokens)
                    .setParameter("period", period).setParameter("userKind", BudgetSubject.USER).setParameter("user", entry.user())
                    .setParameter("keyKind", BudgetSubject.KEY).setParameter("key", BudgetReads.keyOf(entry.keyId()))
                    .executeUpdate();
        }
        if (touched > 0) {
            warn(entry);
        }
    }

    private void warn(UsageEntry entry) {
        for (Budget budget : reads.ofCaller(entry.user(), entry.keyId())) {
            // Several calls are metered in one transaction: the bulk updates above are not in a budget read before.
            em.refresh(budget);
            long spent = budget.spentAt(entry.at());
            LocalDate start = budget.getPeriod().startOf(entry.at());
            if (spent * WARN_DENOMINATOR < budget.getTokenLimit() * WARN_NUMERATOR) {
                continue;
            }
            int first = em.createQuery("UPDATE Budget b SET b.warnedPeriod = :start WHERE b.id = :id AND "
                    + "(b.warnedPeriod IS NULL OR b.warnedPeriod <> :start)").setParameter("start", start)
                    .setParameter("id", budget.getId()).executeUpdate();
            if (first == 1) {
                notifications.notifyExisting(List.of(budget.getOwner()), "Token budget at " + (spent * 100 / budget.getTokenLimit())
                        + " %: " + budget.describe() + " and " + spent + " are used; it resets at "
                        + budget.getPeriod().endOf(start), "budget");
            }
        }
    }

    private List<Budget> ofSubject(BudgetSubject kind, String subject) {
        return em.createQuery("SELECT b FROM Budget b WHERE b.subjectKind = :kind AND b.subject = :subject", Budget.class)
                .setParameter("kind", kind).setParameter("subject", subject).getResultList();
    }

    private static void checkTokens(long tokens) {
        if (tokens < 1) {
            throw new InvalidInputException("tokens must be positive");
        }
    }
}
