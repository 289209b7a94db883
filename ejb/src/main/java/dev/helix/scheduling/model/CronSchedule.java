package dev.helix.scheduling.model;

import dev.helix.shared.error.InvalidInputException;
import jakarta.ejb.ScheduleExpression;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A standard five-field Unix cron expression, {@code minute hour day-of-month month day-of-week}, that schedules
 * automation workflows and scheduled procedures: it converts to an EJB calendar timer and tells its next fire times.
 *
 * <p>Each field is {@code *}, a number, a range {@code a-b}, a step ({@code *}{@code /n}, {@code a-b/n}, or
 * {@code a/n} from a to the field's maximum), or a comma list of those. Months may be named {@code JAN} to
 * {@code DEC} and days {@code SUN} to {@code SAT}, in any case; day of week 0 and 7 are both Sunday. The macros
 * {@code @hourly}, {@code @daily} ({@code @midnight}), {@code @weekly}, {@code @monthly} and {@code @yearly}
 * ({@code @annually}) are accepted too.
 *
 * <p>Where both day of month and day of week are restricted, cron fires on a day matching <em>either</em>, but an
 * EJB calendar timer needs <em>both</em> to match. So that every schedule converts exactly to one timer, at most one
 * of the two fields may be anything other than {@code *}.
 *
 * <p>Fire times are wall-clock times in the zone at hand: a time skipped by a daylight saving change does not fire,
 * and a time that occurs twice fires at its first occurrence only.
 */
public final class CronSchedule {

    /** Long enough for any schedule that fires at all: after 2096, February 29 comes back only in 2104. */
    private static final int SEARCH_YEARS = 8;
    private static final ZonedDateTime FIRES_CHECK_START = LocalDateTime.of(2000, 1, 1, 0, 0).atZone(ZoneOffset.UTC);

    private static final Map<String, String> MACROS = Map.of(
            "@hourly", "0 * * * *",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@weekly", "0 0 * * 0",
            "@monthly", "0 0 1 * *",
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *");

    private enum Field {
        MINUTE("minute", 0, 59),
        HOUR("hour", 0, 23),
        DAY_OF_MONTH("day of month", 1, 31),
        MONTH("month", 1, 12, "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"),
        DAY_OF_WEEK("day of week", 0, 7, "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

        final String label;
        final int min;
        final int max;
        final List<String> names;

        Field(String label, int min, int max, String... names) {
            this.label = label;
            this.min = min;
            this.max = max;
            this.names = List.of(names);
        }

        /** How many different values the field can hold once day of week 7 is stored as 0. */
        int distinctValues() {
            return this == DAY_OF_WEEK ? 7 : max - min + 1;
        }
    }

    private final String expression;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;

    private CronSchedule(String expression, BitSet[] values) {
        this.expression = expression;
        this.minutes = values[Field.MINUTE.ordinal()];
        this.hours = values[Field.HOUR.ordinal()];
        this.daysOfMonth = values[Field.DAY_OF_MONTH.ordinal()];
        this.months = values[Field.MONTH.ordinal()];
        this.daysOfWeek = values[Field.DAY_OF_WEEK.ordinal()];
    }

    /**
     * Parses a cron expression or macro.
     *
     * @throws InvalidInputException when the expression is malformed, restricts both day of month and day of week,
     *         or never fires (such as February 31)
     */
    public static CronSchedule parse(String expression) {
        String text = expression == null ? "" : expression.strip();
        if (text.isEmpty()) {
            throw invalid(text, "expression is blank");
        }
        String[] parts = (text.startsWith("@") ? macro(text) : text).split("\\s+");
        if (parts.length != Field.values().length) {
            throw invalid(text, "expected 5 fields, found " + parts.length);
        }
        BitSet[] values = new BitSet[parts.length];
        for (Field field : Field.values()) {
            values[field.ordinal()] = parseField(text, field, parts[field.ordinal()]);
        }
        if (!parts[Field.DAY_OF_MONTH.ordinal()].equals("*") && !parts[Field.DAY_OF_WEEK.ordinal()].equals("*")) {
            throw invalid(text, "restricting both day of month and day of week is not supported; restrict one of them");
        }
        CronSchedule schedule = new CronSchedule(text, values);
        schedule.nextAfter(FIRES_CHECK_START);
        return schedule;
    }

    /** The expression as given, without surrounding whitespace. */
    public String expression() {
        return expression;
    }

    /**
     * The first matching minute strictly after {@code time}, in its zone.
     *
     * @throws InvalidInputException when the schedule never fires
     */
    public ZonedDateTime nextAfter(ZonedDateTime time) {
        LocalDateTime candidate = time.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDateTime end = candidate.plusYears(SEARCH_YEARS);
        while (candidate.isBefore(end)) {
            if (!months.get(candidate.getMonthValue())) {
                candidate = candidate.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
            } else if (!matchesDay(candidate.toLocalDate())) {
                candidate = candidate.toLocalDate().plusDays(1).atStartOfDay();
            } else if (!hours.get(candidate.getHour())) {
                candidate = candidate.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else {
                if (minutes.get(candidate.getMinute())) {
                    ZonedDateTime fire = candidate.atZone(time.getZone());
                    boolean exists = fire.toLocalDateTime().equals(candidate);
                    if (exists && fire.isAfter(time)) {
                        return fire;
                    }
                }
                candidate = candidate.plusMinutes(1);
            }
        }
        throw invalid(expression, "never fires");
    }

    /** The next {@code count} fire times after {@code after}, earliest first. */
    public List<ZonedDateTime> nextFireTimes(ZonedDateTime after, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        List<ZonedDateTime> times = new ArrayList<>(count);
        ZonedDateTime time = after;
        for (int i = 0; i < count; i++) {
            time = nextAfter(time);
            times.add(time);
        }
        return List.copyOf(times);
    }

    /** An EJB calendar timer schedule, in {@code zone}, that fires exactly when this expression does. */
    public ScheduleExpression toScheduleExpression(ZoneId zone) {
        return new ScheduleExpression()
                .second("0")
                .minute(calendarValues(minutes, Field.MINUTE))
                .hour(calendarValues(hours, Field.HOUR))
                .dayOfMonth(calendarValues(daysOfMonth, Field.DAY_OF_MONTH))
                .month(calendarValues(months, Field.MONTH))
                .dayOfWeek(calendarValues(daysOfWeek, Field.DAY_OF_WEEK))
                .timezone(zone.getId());
    }

    private boolean matchesDay(LocalDate date) {
        return daysOfMonth.get(date.getDayOfMonth()) && daysOfWeek.get(date.getDayOfWeek().getValue() % 7);
    }

    private static String calendarValues(BitSet values, Field field) {
        if (values.cardinality() == field.distinctValues()) {
            return "*";
        }
        return values.stream().mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    private static String macro(String text) {
        String fields = MACROS.get(text.toLowerCase(Locale.ROOT));
        if (fields == null) {
            throw invalid(text, "unknown macro '" + text + "'");
        }
        return fields;
    }

    private static BitSet parseField(String expression, Field field, String text) {
        BitSet values = new BitSet();
        for (String item : text.split(",", -1)) {
            String[] rangeAndStep = item.split("/", 2);
            boolean stepped = rangeAndStep.length == 2;
            int step = stepped ? parseStep(expression, field, rangeAndStep[1]) : 1;
            String range = rangeAndStep[0];
            int from = field.min;
            int to = field.max;
            if (!range.equals("*")) {
                String[] bounds = range.split("-", 2);
                from = parseValue(expression, field, bounds[0]);
                to = bounds.length == 2 ? parseValue(expression, field, bounds[1]) : stepped ? field.max : from;
                if (from > to) {
                    throw invalid(expression, field.label + " range " + range + " starts after it ends");
                }
            }
            for (int value = from; value <= to; value += step) {
                values.set(value);
            }
        }
        if (field == Field.DAY_OF_WEEK && values.get(7)) {
            values.clear(7);
            values.set(0);
        }
        return values;
    }

    private static int parseStep(String expression, Field field, String text) {
        int step = number(text);
        if (step < 0) {
            throw invalid(expression, field.label + " step '" + text + "' is not a number");
        }
        if (step == 0) {
            throw invalid(expression, field.label + " step 0 must be positive");
        }
        if (step > field.max) {
            throw invalid(expression, field.label + " step " + text + " is more than " + field.max);
        }
        return step;
    }

    private static int parseValue(String expression, Field field, String text) {
        int value = number(text);
        if (value < 0) {
            value = field.names.indexOf(text.toUpperCase(Locale.ROOT));
            if (value < 0) {
                throw invalid(expression, field.label + " '" + text + "' is not a number or name");
            }
            value += field.min;
        }
        if (value < field.min || value > field.max) {
            throw invalid(expression, field.label + " " + text + " is out of range " + field.min + "-" + field.max);
        }
        return value;
    }

    /** The value of a plain decimal number (huge ones capped at {@code Integer.MAX_VALUE}), or -1 if it is none. */
    private static int number(String text) {
        if (!text.matches("[0-9]+")) {
            return -1;
        }
        return text.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(text);
    }

    private static InvalidInputException invalid(String expression, String problem) {
        return new InvalidInputException("cron '" + expression + "': " + problem);
    }
}
