package dev.helix.metering.model;

/** Whose tokens a budget counts: a user's (all their keys and their agents' work) or one API key's. */
public enum BudgetSubject {
    USER,
    KEY
}
