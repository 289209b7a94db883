package dev.helix.metering.model;

import dev.helix.shared.error.DomainException;
import java.time.Instant;

/** A call refused because a token budget of its caller is spent: the message names the budget and when it resets. */
public class BudgetExhaustedException extends DomainException {

    private final transient Instant resetsAt;

    public BudgetExhaustedException(Budget budget, Instant now) {
        super("Token budget exhausted: " + budget.describe() + " and " + budget.spentAt(now) + " are used; it resets at "
                + budget.getPeriod().endOf(budget.getPeriod().startOf(now)));
        this.resetsAt = budget.getPeriod().endOf(budget.getPeriod().startOf(now));
    }

    /** When the budget's next period begins. */
    public Instant resetsAt() {
        return resetsAt;
    }

    @Override
    public int status() {
        return 429;
    }

    @Override
    public String problemType() {
        return "budget-exhausted";
    }

    @Override
    public String title() {
        return "Token budget exhausted";
    }
}
