package dev.helix.scheduling.model;

import dev.helix.shared.error.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.ScheduleExpression;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ZonedDateTime utc(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneOffset.UTC);
    }

    private static ZonedDateTime berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN);
    }

    private static ZonedDateTime next(String expression, ZonedDateTime after) {
        return CronSchedule.parse(expression).nextAfter(after);
    }

    /** The minute, hour, day-of-month, month and day-of-week strings of the converted timer. */
    private static List<String> timerFields(String expression) {
        ScheduleExpression timer = CronSchedule.parse(expression).toScheduleExpression(ZoneOffset.UTC);
        return List.of(timer.getMinute(), timer.getHour(), timer.getDayOfMonth(), timer.getMonth(),
                timer.getDayOfWeek());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            x * * * *           | minute 'x' is not a number or name
            MON * * * *         | minute 'MON' is not a number or name
            1,,2 * * * *        | minute '' is not a number or name
            60 * * * *          | minute 60 is out of range 0-59
            99999999999 * * * * | minute 99999999999 is out of range 0-59
            */0 * * * *         | minute step 0 must be positive
            */x * * * *         | minute step 'x' is not a number
            1/9999999999 * * * *| minute step 9999999999 is more than 59
            * */24 * * *        | hour step 24 is more than 23
            30-10 * * * *       | minute range 30-10 starts after it ends
            * 24 * * *          | hour 24 is out of range 0-23
            * -1 * * *          | hour '' is not a number or name
            * 17-9 * * *        | hour range 17-9 starts after it ends
            * 1-5/0 * * *       | hour step 0 must be positive
            * * 0 * *           | day of month 0 is out of range 1-31
            * * 32 * *          | day of month 32 is out of range 1-31
            * * 1st * *         | day of month '1st' is not a number or name
            * * 20-10 * *       | day of month range 20-10 starts after it ends
            * * * 13 *          | month 13 is out of range 1-12
            * * * 0 *           | month 0 is out of range 1-12
            * * * FOO *         | month 'FOO' is not a number or name
            * * * DEC-JAN *     | month range DEC-JAN starts after it ends
            * * * */0 *         | month step 0 must be positive
            * * * * 8           | day of week 8 is out of range 0-7
            * * * * JAN         | day of week 'JAN' is not a number or name
            * * * * FRI-MON     | day of week range FRI-MON starts after it ends
            * * * * MON/0       | day of week step 0 must be positive
            * * *               | expected 5 fields, found 3
            0 * * * * *         | expected 5 fields, found 6
            @often              | unknown macro '@often'
            0 0 1 * MON         | restricting both day of month and day of week is not supported; restrict one of them
            0 0 */2 * 1-5       | restricting both day of month and day of week is not supported; restrict one of them
            0 0 31 2 *          | never fires
            0 0 30 2 *          | never fires
            0 0 31 4,6,9,11 *   | never fires
            """)
    void rejectsInvalidExpressionsNamingTheFieldAndProblem(String expression, String problem) {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> CronSchedule.parse(expression));
        assertEquals("cron '" + expression + "': " + problem, error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void rejectsBlankExpressions(String expression) {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> CronSchedule.parse(expression));
        assertEquals("cron '': expression is blank", error.getMessage());
        assertThrows(InvalidInputException.class, () -> CronSchedule.parse(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            5 * * * *              | 5
            10-12 * * * *          | 10,11,12
            */15 * * * *           | 0,15,30,45
            10-30/10 * * * *       | 10,20,30
            50/5 * * * *           | 50,55
            0,30,45-47 * * * *     | 0,30,45,46,47
            */20,5 * * * *         | 0,5,20,40
            */1 * * * *            | *
            0-59 * * * *           | *
            """)
    void parsesEachSyntaxForm(String expression, String minute) {
        assertEquals(minute, timerFields(expression).get(0));
    }

    @Test
    void acceptsMonthAndDayNamesInAnyCase() {
        assertEquals("1,3,4,5", timerFields("0 0 1 jan,Mar-MAY *").get(3));
        assertEquals("6,8,10,12", timerFields("0 0 1 JUN/2 *").get(3));
        assertEquals("1,2,3,4,5", timerFields("0 0 * * mon-FRI").get(4));
        assertEquals("0,6", timerFields("0 0 * * sat,Sun").get(4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 * * 0", "0 0 * * 7", "0 0 * * SUN", "0 0 * * 0,7"})
    void sundayIsZeroOrSeven(String expression) {
        assertEquals("0", timerFields(expression).get(4));
        // 2024-03-17 is a Sunday.
        assertEquals(utc("2024-03-17T00:00"), next(expression, utc("2024-03-13T08:00")));
    }

    @Test
    void dayOfWeekRangesMayEndWithSundayAsSeven() {
        assertEquals("0,5,6", timerFields("0 0 * * 5-7").get(4));
        assertEquals("*", timerFields("0 0 * * 0-7").get(4));
        assertEquals("*", timerFields("0 0 * * 1-7").get(4));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            @hourly   | 0 * * * *
            @daily    | 0 0 * * *
            @midnight | 0 0 * * *
            @weekly   | 0 0 * * 0
            @monthly  | 0 0 1 * *
            @yearly   | 0 0 1 1 *
            @annually | 0 0 1 1 *
            @DAILY    | 0 0 * * *
            """)
    void macrosStandForTheirExpressions(String macro, String expression) {
        assertEquals(macro, CronSchedule.parse(macro).expression());
        assertEquals(timerFields(expression), timerFields(macro));
        ZonedDateTime from = utc("2024-05-17T10:20");
        assertEquals(CronSchedule.parse(expression).nextFireTimes(from, 5),
                CronSchedule.parse(macro).nextFireTimes(from, 5));
    }

    @Test
    void expressionIsTheStrippedText() {
        CronSchedule schedule = CronSchedule.parse("  0  9\t* *   1-5 \n");
        assertEquals("0  9\t* *   1-5", schedule.expression());
        assertEquals(List.of("0", "9", "*", "*", "1,2,3,4,5"), timerFields(schedule.expression()));
    }

    @Test
    void nextAfterIsStrictlyLaterAndDropsSecondsAndNanos() {
        assertEquals(utc("2024-03-15T11:00"), next("0 * * * *", utc("2024-03-15T10:00")));
        assertEquals(utc("2024-03-15T10:00"), next("0 * * * *", utc("2024-03-15T09:59:59.999")));
        assertEquals(utc("2024-03-15T10:15"), next("15 * * * *", utc("2024-03-15T10:14:59")));
        assertEquals(utc("2024-03-15T10:16"), next("* * * * *", utc("2024-03-15T10:15:00.000001")));
    }

    @Test
    void nextAfterCrossesHourDayMonthAndYearBoundaries() {
        assertEquals(utc("2024-03-15T11:00"), next("*/15 * * * *", utc("2024-03-15T10:50:30")));
        assertEquals(utc("2024-03-16T00:00"), next("0 0 * * *", utc("2024-03-15T23:59")));
        assertEquals(utc("2024-03-16T23:30"), next("30 23 * * *", utc("2024-03-15T23:30")));
        assertEquals(utc("2024-03-31T12:00"), next("0 12 31 * *", utc("2024-01-31T12:00")));
        assertEquals(utc("2024-05-31T12:00"), next("0 12 31 * *", utc("2024-03-31T12:00")));
        assertEquals(utc("2025-01-01T00:00"), next("@yearly", utc("2024-06-01T00:00")));
        assertEquals(utc("2025-01-01T00:00"), next("* * * * *", utc("2024-12-31T23:59")));
        // 2024-03-15 is a Friday.
        assertEquals(utc("2024-03-18T09:00"), next("0 9 * * MON-FRI", utc("2024-03-15T09:00")));
    }

    @Test
    void nextAfterFindsLeapDays() {
        assertEquals(utc("2024-02-29T00:00"), next("0 0 29 2 *", utc("2023-03-01T00:00")));
        assertEquals(utc("2028-02-29T00:00"), next("0 0 29 2 *", utc("2024-02-29T00:00")));
        assertEquals(utc("2024-02-29T06:00"), next("0 6 29-31 * *", utc("2024-02-01T00:00")));
        // 2100 is no leap year, so the next February 29 after 2096 is in 2104.
        assertEquals(utc("2104-02-29T00:00"), next("0 0 29 2 *", utc("2096-03-01T00:00")));
    }

    @Test
    void aTimeSkippedByDaylightSavingDoesNotFire() {
        // Berlin springs forward from 02:00 to 03:00 on 2024-03-31.
        assertEquals(OffsetDateTime.parse("2024-04-01T02:30+02:00"),
                next("30 2 * * *", berlin("2024-03-30T12:00")).toOffsetDateTime());
        List<ZonedDateTime> times = CronSchedule.parse("*/30 * * * *").nextFireTimes(berlin("2024-03-31T01:00"), 3);
        assertEquals(List.of(OffsetDateTime.parse("2024-03-31T01:30+01:00"),
                        OffsetDateTime.parse("2024-03-31T03:00+02:00"),
                        OffsetDateTime.parse("2024-03-31T03:30+02:00")),
                times.stream().map(ZonedDateTime::toOffsetDateTime).toList());
        assertTrue(times.stream().allMatch(time -> time.getZone().equals(BERLIN)));
    }

    @Test
    void aTimeThatOccursTwiceFiresOnlyAtItsFirstOccurrence() {
        // Berlin falls back from 03:00 to 02:00 on 2024-10-27.
        List<ZonedDateTime> times = CronSchedule.parse("30 2 * * *").nextFireTimes(berlin("2024-10-26T12:00"), 2);
        assertEquals(List.of(OffsetDateTime.parse("2024-10-27T02:30+02:00"),
                        OffsetDateTime.parse("2024-10-28T02:30+01:00")),
                times.stream().map(ZonedDateTime::toOffsetDateTime).toList());
        ZonedDateTime secondPass = ZonedDateTime.ofInstant(OffsetDateTime.parse("2024-10-27T02:10+01:00").toInstant(),
                BERLIN);
        assertEquals(OffsetDateTime.parse("2024-10-28T02:30+01:00"),
                next("30 2 * * *", secondPass).toOffsetDateTime());
        assertEquals(OffsetDateTime.parse("2024-10-27T03:00+01:00"),
                next("0 * * * *", secondPass).toOffsetDateTime());
    }

    @Test
    void nextFireTimesListsConsecutiveFireTimes() {
        CronSchedule mondays = CronSchedule.parse("0 9 * * 1");
        assertEquals(List.of(utc("2024-03-18T09:00"), utc("2024-03-25T09:00"), utc("2024-04-01T09:00")),
                mondays.nextFireTimes(utc("2024-03-15T00:00"), 3));
        assertEquals(List.of(), mondays.nextFireTimes(utc("2024-03-15T00:00"), 0));
        assertThrows(IllegalArgumentException.class, () -> mondays.nextFireTimes(utc("2024-03-15T00:00"), -1));
    }

    @Test
    void convertsToAnEjbCalendarTimer() {
        ScheduleExpression timer = CronSchedule.parse("*/15 9-17 * * MON-FRI").toScheduleExpression(BERLIN);
        assertEquals("0", timer.getSecond());
        assertEquals("0,15,30,45", timer.getMinute());
        assertEquals("9,10,11,12,13,14,15,16,17", timer.getHour());
        assertEquals("*", timer.getDayOfMonth());
        assertEquals("*", timer.getMonth());
        assertEquals("1,2,3,4,5", timer.getDayOfWeek());
        assertEquals("*", timer.getYear());
        assertEquals("Europe/Berlin", timer.getTimezone());
    }

    @Test
    void convertsRestrictedDayOfMonthAndMonth() {
        assertEquals(List.of("30", "8", "1,15", "1,4,7,10", "*"), timerFields("30 8 1,15 */3 *"));
        assertEquals(List.of("0", "0", "29", "2", "*"), timerFields("0 0 29 FEB *"));
    }
}
