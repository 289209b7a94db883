package dev.helix.metering.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** How long a budget's tokens last before they are counted afresh: a day or a calendar month, in UTC. */
public enum BudgetPeriod {
    DAY,
    MONTH;

    /** The first day of the period the instant falls in. */
    public LocalDate startOf(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return this == DAY ? day : day.withDayOfMonth(1);
    }

    /** When the period starting on {@code start} ends and the next begins. */
    public Instant endOf(LocalDate start) {
        return (this == DAY ? start.plusDays(1) : start.plusMonths(1)).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** How the period reads in a sentence: "a day", "a month". */
    public String phrase() {
        return this == DAY ? "a day" : "a month";
    }
}
