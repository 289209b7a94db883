package dev.helix.web.api.usage;

import dev.helix.metering.model.BudgetDefinition;
import dev.helix.metering.model.BudgetPeriod;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.model.Choice;

/**
 * Body of {@code POST /api/v1/admin/budgets} ({@code {"user":"alice","period":"day","tokens":100000}} or
 * {@code {"keyPrefix":"a1b2c3d4","period":"month","tokens":5000000}}) and of {@code PUT /api/v1/admin/budgets/{id}},
 * which changes only {@code tokens}.
 */
public record BudgetRequest(String user, String keyPrefix, String period, Long tokens) {

    BudgetDefinition definition() {
        return new BudgetDefinition(user, keyPrefix, Choice.of(BudgetPeriod.class, period, "period"), tokens());
    }

    @Override
    public Long tokens() {
        if (tokens == null) {
            throw new InvalidInputException("tokens is required: how many tokens the period allows");
        }
        return tokens;
    }
}
