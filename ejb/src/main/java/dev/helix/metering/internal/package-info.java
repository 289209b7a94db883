/**
 * What the meter keeps for itself: which users and keys have budgets (BudgetedSubjects), the budgets' reads
 * (BudgetReads), and the background writer that records many calls to a transaction (GroupCommit).
 */
package dev.helix.metering.internal;
