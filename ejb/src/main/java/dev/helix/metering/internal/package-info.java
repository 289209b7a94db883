/** What the meter keeps for itself: which users and keys have budgets (BudgetedSubjects). */
package dev.helix.metering.internal;
