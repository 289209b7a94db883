package dev.helix.metering.model;

/** What usage is summed by: each value names the record's field that groups it. */
public enum UsageGrouping {
    KEY("u.keyPrefix"),
    USER("u.user"),
    MODEL("u.model"),
    PROJECT("u.project"),
    DAY("u.day");

    private final String field;

    UsageGrouping(String field) {
        this.field = field;
    }

    /** The grouping's field in a query of {@code UsageRecord u}. */
    public String field() {
        return field;
    }
}
