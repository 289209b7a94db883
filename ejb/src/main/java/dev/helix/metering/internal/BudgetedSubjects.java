package dev.helix.metering.internal;

import dev.helix.metering.model.BudgetSubject;
import dev.helix.platform.service.FreshCopy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Set;

/**
 * Which users and API keys have a budget at all, so that a call of anyone else costs no budget query: a
 * {@link FreshCopy} read again after {@link #FRESH_FOR} (a budget given on another server holds from then on), and at
 * once when a change of this server commits.
 */
@ApplicationScoped
public class BudgetedSubjects {

    static final Duration FRESH_FOR = Duration.ofSeconds(2);

    @Inject
    BudgetReads reads;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private FreshCopy<Set<String>> subjects;

    @PostConstruct
    void start() {
        subjects = new FreshCopy<>(FRESH_FOR, reads::subjects);
    }

    /** Whether the user, or the API key (if any), has a budget. */
    public boolean any(String user, Long keyId) {
        Set<String> known = subjects.get();
        return known.contains(BudgetReads.subject(BudgetSubject.USER, user))
                || keyId != null && known.contains(BudgetReads.subject(BudgetSubject.KEY, keyId.toString()));
    }

    /** Reads the budgets again once the current transaction, which changed them, commits. */
    public void forgetOnCommit() {
        subjects.forgetOnCommit(transactions);
    }
}
