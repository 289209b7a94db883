package dev.helix.spirals.model.definition;

/** What starts a spiral: a person, a domain event, a cron schedule or an inbound webhook. */
public enum TriggerType {
    MANUAL, EVENT, CRON, WEBHOOK
}
