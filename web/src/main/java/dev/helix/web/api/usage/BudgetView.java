package dev.helix.web.api.usage;

import dev.helix.metering.model.Budget;
import java.time.Instant;
import java.util.Locale;

/**
 * A token budget as the API shows it.
 *
 * @param subject  {@code user} or {@code key}
 * @param label    the user's name, or the key's prefix and name
 * @param owner    who is told when 80 % is spent
 * @param spent    the tokens used in the current period
 * @param resetsAt when the next period begins
 */
public record BudgetView(long id, String subject, String label, String owner, String period, long tokens, long spent,
                         Instant resetsAt, Instant createdAt, long version) {

    static BudgetView of(Budget budget) {
        Instant now = Instant.now();
        return new BudgetView(budget.getId(), budget.getSubjectKind().name().toLowerCase(Locale.ROOT), budget.getLabel(),
                budget.getOwner(), budget.getPeriod().name().toLowerCase(Locale.ROOT), budget.getTokenLimit(), budget.spentAt(now),
                budget.getPeriod().endOf(budget.getPeriod().startOf(now)), budget.getCreatedAt(), budget.getVersion());
    }
}
