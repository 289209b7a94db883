package dev.helix.spirals.model.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.shared.error.FieldError;
import dev.helix.tasks.model.Priority;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DefinitionReaderTest {

    /** A manually started spiral named "Test" with these steps (the inside of the steps array). */
    private static String withSteps(String steps) {
        return """
                {"name": "Test", "trigger": {"type": "MANUAL"}, "steps": [%s]}""".formatted(steps);
    }

    /** A spiral named "Test" with one WAIT step and this trigger object. */
    private static String withTrigger(String trigger) {
        return """
                {"name": "Test", "trigger": %s, "steps": [{"type": "WAIT", "millis": 1}]}""".formatted(trigger);
    }

    private static List<FieldError> problems(String json) {
        return assertThrows(InvalidDefinitionException.class, () -> DefinitionReader.read(json)).errors();
    }

    /** Asserts that the definition has exactly one problem, at {@code field}; returns its message. */
    private static String onlyProblem(String json, String field) {
        List<FieldError> problems = problems(json);
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        assertEquals(field, problems.get(0).field(), problems::toString);
        return problems.get(0).message();
    }

    @Test
    void readsEveryStepTypeWithItsFieldsAndDefaults() {
        SpiralDefinition definition = DefinitionReader.read("""
                {
                  "name": "  Order follow-up  ",
                  "description": "Follows up on new orders",
                  "trigger": {"type": "manual"},
                  "steps": [
                    {"type": "SET_VARIABLE", "name": "order", "value": "input.order"},
                    {"id": "create", "type": "create_task", "title": "Check ${order.id}", "prompt": "Run ${run.id}",
                     "priority": "high", "saveAs": "task", "retry": {"maxAttempts": 4}, "onError": {"policy": "CONTINUE"}},
                    {"type": "SEND_MESSAGE", "to": "reviewer", "text": "Task ${task} is waiting"},
                    {"type": "HTTP_CALL", "url": "https://example.com/orders/${order.id}",
                     "headers": {"X-Order": "${order.id}"}, "body": "task=${task}", "sign": true, "saveAs": "answer"},
                    {"type": "NOTIFY", "users": [" alice ", "bob"], "message": "Answer ${answer.status}"},
                    {"type": "WAIT", "millis": 1500, "when": "answer.status >= 400"},
                    {"type": "BRANCH", "condition": "answer.status == 200", "then": "end", "else": "last"},
                    {"id": "last", "type": "WAIT", "millis": 0}
                  ]
                }""");

        assertEquals("Order follow-up", definition.name());
        assertEquals("Follows up on new orders", definition.description());
        assertEquals(new Trigger(TriggerType.MANUAL, null, Map.of(), null), definition.trigger());
        assertEquals(OnError.STOP, definition.onError());

        List<SpiralStep> steps = definition.steps();
        assertEquals(List.of("step-1", "create", "step-3", "step-4", "step-5", "step-6", "step-7", "last"),
                steps.stream().map(SpiralStep::id).toList());
        assertEquals(List.of(StepType.SET_VARIABLE, StepType.CREATE_TASK, StepType.SEND_MESSAGE, StepType.HTTP_CALL,
                StepType.NOTIFY, StepType.WAIT, StepType.BRANCH, StepType.WAIT),
                steps.stream().map(SpiralStep::type).toList());

        SpiralStep set = steps.get(0);
        assertEquals(RetryPolicy.NONE, set.retry());
        assertNull(set.onError());
        assertNull(set.when());
        assertEquals(OnError.STOP, definition.onErrorOf(set));
        StepAction.SetVariable variable = assertInstanceOf(StepAction.SetVariable.class, set.action());
        assertEquals("order", variable.name());
        assertEquals("input.order", variable.value().source());

        SpiralStep create = steps.get(1);
        assertEquals(new RetryPolicy(4, 200, 30_000, 0.2), create.retry());
        assertEquals(new OnError(ErrorPolicy.CONTINUE, null), definition.onErrorOf(create));
        StepAction.CreateTask task = assertInstanceOf(StepAction.CreateTask.class, create.action());
        assertEquals("Check A-1", task.title().render(Map.of("order", Map.of("id", "A-1"))));
        assertEquals(Set.of("run"), task.prompt().variables());
        assertEquals(Priority.HIGH, task.priority());
        assertEquals("task", task.saveAs());

        StepAction.SendMessage message = assertInstanceOf(StepAction.SendMessage.class, steps.get(2).action());
        assertEquals("reviewer", message.to());
        assertEquals("Task 7 is waiting", message.text().render(Map.of("task", 7)));

        StepAction.HttpCall call = assertInstanceOf(StepAction.HttpCall.class, steps.get(3).action());
        assertEquals("POST", call.method());
        assertEquals("https://example.com/orders/A-1", call.url().render(Map.of("order", Map.of("id", "A-1"))));
        assertEquals(Set.of("X-Order"), call.headers().keySet());
        assertEquals("task=7", call.body().render(Map.of("task", 7)));
        assertTrue(call.sign());
        assertEquals("answer", call.saveAs());

        StepAction.Notify notify = assertInstanceOf(StepAction.Notify.class, steps.get(4).action());
        assertEquals(List.of("alice", "bob"), notify.users());

        SpiralStep wait = steps.get(5);
        assertEquals(1500, assertInstanceOf(StepAction.Wait.class, wait.action()).millis());
        assertTrue(wait.when().test(Map.of("answer", Map.of("status", 503))));

        StepAction.Branch branch = assertInstanceOf(StepAction.Branch.class, steps.get(6).action());
        assertEquals("end", branch.then());
        assertEquals("last", branch.otherwise());
        assertEquals(7, definition.positionOf("last").orElseThrow());
    }

    @Test
    void readsAnExplicitRetryPolicyAndErrorSpiral() {
        SpiralDefinition definition = DefinitionReader.read("""
                {"name": "Test", "trigger": {"type": "WEBHOOK"}, "onError": {"policy": "ERROR_SPIRAL", "spiral": 42},
                 "steps": [
                   {"type": "WAIT", "millis": 1, "retry": {"maxAttempts": 10, "backoffMillis": 1000,
                                                           "maxBackoffMillis": 8000, "jitter": 1}},
                   {"type": "WAIT", "millis": 1, "retry": {"maxAttempts": 1, "backoffMillis": 60000, "jitter": 0}},
                   {"type": "HTTP_CALL", "method": "delete", "url": "HTTP://example.com"}
                 ]}""");

        assertEquals(new OnError(ErrorPolicy.ERROR_SPIRAL, 42L), definition.onError());
        assertEquals(new OnError(ErrorPolicy.ERROR_SPIRAL, 42L), definition.onErrorOf(definition.steps().get(0)));
        assertEquals(new RetryPolicy(10, 1000, 8000, 1.0), definition.steps().get(0).retry());
        // without maxBackoffMillis the longest wait is at least the first one
        assertEquals(new RetryPolicy(1, 60_000, 60_000, 0.0), definition.steps().get(1).retry());
        assertEquals("DELETE", ((StepAction.HttpCall) definition.steps().get(2).action()).method());
    }

    @Test
    void readsAnEventTriggerWithItsFilter() {
        Trigger trigger = DefinitionReader.read(withTrigger("""
                {"type": "EVENT", "event": "TASK_STATUS_CHANGED", "filter": {"status": "done"}}""")).trigger();

        assertEquals(new Trigger(TriggerType.EVENT, "TASK_STATUS_CHANGED", Map.of("status", "done"), null), trigger);
        assertTrue(trigger.matches("TASK_STATUS_CHANGED", Map.of("status", "DONE")));
    }

    @Test
    void readsACronTrigger() {
        Trigger trigger = DefinitionReader.read(withTrigger("""
                {"type": "CRON", "cron": "0 9 * * 1-5"}""")).trigger();

        assertEquals(TriggerType.CRON, trigger.type());
        assertEquals("0 9 * * 1-5", trigger.cron().expression());
        ZonedDateTime saturday = LocalDateTime.parse("2024-06-01T12:00").atZone(ZoneOffset.UTC);
        assertEquals(LocalDateTime.parse("2024-06-03T09:00").atZone(ZoneOffset.UTC), trigger.cron().nextAfter(saturday));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "{", "{\"name\": \"Test\",}", "name: Test"})
    void refusesTextThatIsNotJson(String text) {
        assertTrue(onlyProblem(text, "$").startsWith("The text is not valid JSON"));
    }

    @Test
    void refusesDefinitionsNestedTooDeeplyOrFollowedByMoreText() {
        assertTrue(onlyProblem("{\"name\":" + "[".repeat(3000) + "]".repeat(3000) + "}", "$").contains("nested more than"));
        assertTrue(onlyProblem(withSteps("{\"type\": \"WAIT\", \"millis\": 1}") + "{}", "$").contains("goes on after its value"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"name\": \"Test\"}]", "\"spiral\"", "42", "null"})
    void refusesJsonThatIsNotAnObject(String json) {
        assertEquals("a spiral definition is a JSON object", onlyProblem(json, "$"));
    }

    @Test
    void refusesAMissingOrBlankName() {
        String withoutName = """
                {"trigger": {"type": "MANUAL"}, "steps": [{"type": "WAIT", "millis": 1}]}""";
        assertEquals("is required", onlyProblem(withoutName, "$.name"));

        String blankName = withoutName.replace("{\"trigger\"", "{\"name\": \"   \", \"trigger\"");
        assertEquals("must be 1 to 120 characters", onlyProblem(blankName, "$.name"));
    }

    @Test
    void refusesANameWithControlOrDirectionCharacters() {
        assertEquals("must not contain control characters (U+0000 at 4)",
                onlyProblem(withSteps("{\"type\": \"WAIT\", \"millis\": 1}").replace("\"Test\"", "\"Tes\\u0000t\""), "$.name"));
        assertEquals("must not contain characters that turn the text's direction (U+202E at 1)",
                onlyProblem(withSteps("{\"type\": \"WAIT\", \"millis\": 1}").replace("\"Test\"", "\"\u202Etxt.exe\""), "$.name"));
    }

    @Test
    void refusesAMissingOrUnknownTrigger() {
        assertEquals("is required", onlyProblem("""
                {"name": "Test", "steps": [{"type": "WAIT", "millis": 1}]}""", "$.trigger"));
        assertTrue(onlyProblem(withTrigger("{\"type\": \"HOURLY\"}"), "$.trigger.type").contains("'HOURLY'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"61 * * * *", "every day", "* * 31 2 *"})
    void refusesABadCronExpression(String cron) {
        onlyProblem(withTrigger("{\"type\": \"CRON\", \"cron\": \"" + cron + "\"}"), "$.trigger.cron");
    }

    @Test
    void refusesACronTriggerWithoutSchedule() {
        assertEquals("is required", onlyProblem(withTrigger("{\"type\": \"CRON\"}"), "$.trigger.cron"));
    }

    @Test
    void refusesAnUnknownEvent() {
        String message = onlyProblem(withTrigger("""
                {"type": "EVENT", "event": "TASK_EXPLODED"}"""), "$.trigger.event");
        assertTrue(message.contains("'TASK_EXPLODED'") && message.contains("TASK_STATUS_CHANGED"), message);
    }

    @Test
    void refusesAnUnknownTaskStatusInTheFilter() {
        String message = onlyProblem(withTrigger("""
                {"type": "EVENT", "event": "TASK_STATUS_CHANGED", "filter": {"status": "FINISHED"}}"""),
                "$.trigger.filter.status");
        assertTrue(message.contains("'FINISHED'"), message);
    }

    @Test
    void refusesAFilterValueThatIsNotText() {
        onlyProblem(withTrigger("""
                {"type": "EVENT", "event": "TASK_STATUS_CHANGED", "filter": {"taskId": 7}}"""), "$.trigger.filter.taskId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"steps\": []", "\"steps\": {}", "\"steps\": null", "\"nosteps\": 1"})
    void refusesMissingOrEmptySteps(String steps) {
        assertEquals("must be a non-empty array of steps", onlyProblem("""
                {"name": "Test", "trigger": {"type": "MANUAL"}, %s}""".formatted(steps), "$.steps"));
    }

    @Test
    void refusesAnUnknownStepTypeNamingItAndTheValidOnes() {
        String message = onlyProblem(withSteps("{\"type\": \"WAIT\", \"millis\": 1}, {\"type\": \"TELEPORT\"}"),
                "$.steps[1].type");

        assertTrue(message.contains("'TELEPORT'"), message);
        Arrays.stream(StepType.values()).forEach(type -> assertTrue(message.contains(type.name()), message));
    }

    @Test
    void refusesDuplicateStepIds() {
        String message = onlyProblem(withSteps("""
                {"id": "pause", "type": "WAIT", "millis": 1}, {"id": "pause", "type": "WAIT", "millis": 2}"""),
                "$.steps[1].id");
        assertTrue(message.contains("'pause'"), message);
    }

    @Test
    void refusesAnIdThatCollidesWithAnotherStepsDefaultId() {
        onlyProblem(withSteps("""
                {"id": "step-2", "type": "WAIT", "millis": 1}, {"type": "WAIT", "millis": 2}"""), "$.steps[1].id");
    }

    @Test
    void refusesTheReservedIdEnd() {
        String message = onlyProblem(withSteps("{\"id\": \"end\", \"type\": \"WAIT\", \"millis\": 1}"), "$.steps[0].id");
        assertTrue(message.contains("reserved"), message);
    }

    @Test
    void refusesAMalformedId() {
        onlyProblem(withSteps("{\"id\": \"two words\", \"type\": \"WAIT\", \"millis\": 1}"), "$.steps[0].id");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"millis": 1}                                   | $.steps[0].type
            {"type": "SET_VARIABLE", "value": "1"}          | $.steps[0].name
            {"type": "SET_VARIABLE", "name": "x"}           | $.steps[0].value
            {"type": "CREATE_TASK", "prompt": "Do it"}      | $.steps[0].title
            {"type": "SEND_MESSAGE", "text": "Hello"}       | $.steps[0].to
            {"type": "SEND_MESSAGE", "to": "reviewer"}      | $.steps[0].text
            {"type": "HTTP_CALL", "method": "GET"}          | $.steps[0].url
            {"type": "NOTIFY", "message": "Hello"}          | $.steps[0].users
            {"type": "NOTIFY", "users": [], "message": "x"} | $.steps[0].users
            {"type": "NOTIFY", "users": ["alice"]}          | $.steps[0].message
            {"type": "WAIT"}                                | $.steps[0].millis
            {"type": "BRANCH", "then": "end"}               | $.steps[0].condition
            """)
    void refusesAStepWithoutARequiredField(String step, String field) {
        onlyProblem(withSteps(step), field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "3600001", "1.5", "\"1000\""})
    void refusesAWaitOutsideZeroToAnHour(String millis) {
        String message = onlyProblem(withSteps("{\"type\": \"WAIT\", \"millis\": " + millis + "}"), "$.steps[0].millis");
        assertTrue(message.contains("3600000"), message);
    }

    @Test
    void acceptsAWaitOfExactlyAnHour() {
        StepAction action = DefinitionReader.read(withSteps("{\"type\": \"WAIT\", \"millis\": 3600000}"))
                .steps().get(0).action();
        assertEquals(new StepAction.Wait(3_600_000), action);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"maxAttempts": 0}               | $.steps[0].retry.maxAttempts
            {"maxAttempts": 11}              | $.steps[0].retry.maxAttempts
            {"maxAttempts": 2.5}             | $.steps[0].retry.maxAttempts
            {"backoffMillis": -1}            | $.steps[0].retry.backoffMillis
            {"maxBackoffMillis": 3600001}    | $.steps[0].retry.maxBackoffMillis
            {"jitter": 2}                    | $.steps[0].retry.jitter
            {"jitter": -0.1}                 | $.steps[0].retry.jitter
            {"jitter": "0.5"}                | $.steps[0].retry.jitter
            """)
    void refusesBadRetryNumbers(String retry, String field) {
        onlyProblem(withSteps("{\"type\": \"WAIT\", \"millis\": 1, \"retry\": " + retry + "}"), field);
    }

    @Test
    void refusesAnErrorSpiralPolicyWithoutTheSpiralToStart() {
        String definitionLevel = """
                {"name": "Test", "trigger": {"type": "MANUAL"}, "onError": {"policy": "ERROR_SPIRAL"},
                 "steps": [{"type": "WAIT", "millis": 1}]}""";
        assertTrue(onlyProblem(definitionLevel, "$.onError.spiral").contains("ERROR_SPIRAL"));

        onlyProblem(withSteps("""
                {"type": "WAIT", "millis": 1, "onError": {"policy": "error_spiral", "spiral": 0}}"""),
                "$.steps[0].onError.spiral");
    }

    @Test
    void refusesAnUnknownErrorPolicy() {
        onlyProblem(withSteps("{\"type\": \"WAIT\", \"millis\": 1, \"onError\": {\"policy\": \"IGNORE\"}}"),
                "$.steps[0].onError.policy");
    }

    @Test
    void refusesABranchToAnUnknownStep() {
        String message = onlyProblem(withSteps("""
                {"type": "BRANCH", "condition": "true", "then": "nowhere"}, {"type": "WAIT", "millis": 1}"""),
                "$.steps[0].then");
        assertTrue(message.contains("'nowhere'"), message);
    }

    @Test
    void refusesABranchBackwardsAsACycle() {
        String message = onlyProblem(withSteps("""
                {"id": "start", "type": "WAIT", "millis": 1},
                {"type": "BRANCH", "condition": "true", "then": "end", "else": "start"}"""), "$.steps[1].else");
        assertTrue(message.contains("cycle"), message);
    }

    @Test
    void refusesABranchToItself() {
        String message = onlyProblem(withSteps("""
                {"id": "loop", "type": "BRANCH", "condition": "true", "then": "loop"}, {"type": "WAIT", "millis": 1}"""),
                "$.steps[0].then");
        assertTrue(message.contains("cycle"), message);
    }

    @Test
    void acceptsABranchForwardOrToTheEnd() {
        SpiralDefinition definition = DefinitionReader.read(withSteps("""
                {"type": "BRANCH", "condition": "input.skip", "then": "last", "else": "end"},
                {"type": "WAIT", "millis": 1},
                {"id": "last", "type": "WAIT", "millis": 2}"""));
        StepAction.Branch branch = (StepAction.Branch) definition.steps().get(0).action();
        assertEquals("last", branch.then());
        assertEquals("end", branch.otherwise());
    }

    @Test
    void refusesAVariableUsedBeforeAnyStepSetsIt() {
        String message = onlyProblem(withSteps("""
                {"type": "SEND_MESSAGE", "to": "reviewer", "text": "Total ${total}"},
                {"type": "SET_VARIABLE", "name": "total", "value": "input.a + input.b"}"""), "$.steps[0]");
        assertTrue(message.contains("'total'"), message);
    }

    @Test
    void refusesAConditionOnAVariableNoStepHasSet() {
        String message = onlyProblem(withSteps("""
                {"type": "WAIT", "millis": 1, "when": "retries > 3"}"""), "$.steps[0]");
        assertTrue(message.contains("'retries'"), message);
    }

    @Test
    void refusesAVariableWhoseOwnValueReadsIt() {
        String message = onlyProblem(withSteps("""
                {"type": "SET_VARIABLE", "name": "count", "value": "count + 1"}"""), "$.steps[0]");
        assertTrue(message.contains("'count'"), message);
    }

    @Test
    void allowsTheBuiltInVariablesFromTheStart() {
        SpiralDefinition definition = DefinitionReader.read(withSteps("""
                {"type": "SEND_MESSAGE", "to": "reviewer", "text": "Run ${run.id} got ${input.order}",
                 "when": "input.order != null"}"""));
        assertEquals(Set.of("run", "input"),
                ((StepAction.SendMessage) definition.steps().get(0).action()).text().variables());
    }

    @Test
    void makesASavedResultAvailableToLaterSteps() {
        DefinitionReader.read(withSteps("""
                {"type": "CREATE_TASK", "title": "Review", "saveAs": "task"},
                {"type": "HTTP_CALL", "url": "https://example.com/tasks/${task}", "saveAs": "answer"},
                {"type": "NOTIFY", "users": ["alice"], "message": "Task ${task}: ${answer.status}"}"""));

        String message = onlyProblem(withSteps("""
                {"type": "NOTIFY", "users": ["alice"], "message": "Task ${task}"},
                {"type": "CREATE_TASK", "title": "Review", "saveAs": "task"}"""), "$.steps[0]");
        assertTrue(message.contains("'task'"), message);
    }

    @Test
    void refusesSettingABuiltInVariable() {
        String message = onlyProblem(withSteps("{\"type\": \"SET_VARIABLE\", \"name\": \"input\", \"value\": \"1\"}"),
                "$.steps[0].name");
        assertTrue(message.contains("built in"), message);

        onlyProblem(withSteps("{\"type\": \"CREATE_TASK\", \"title\": \"Review\", \"saveAs\": \"run\"}"),
                "$.steps[0].saveAs");
    }

    @Test
    void refusesAVariableNameThatIsNotAnIdentifier() {
        onlyProblem(withSteps("{\"type\": \"SET_VARIABLE\", \"name\": \"2fast\", \"value\": \"1\"}"), "$.steps[0].name");
    }

    @Test
    void refusesABadExpressionOrTemplate() {
        onlyProblem(withSteps("{\"type\": \"SET_VARIABLE\", \"name\": \"x\", \"value\": \"1 +\"}"), "$.steps[0].value");
        onlyProblem(withSteps("{\"type\": \"SEND_MESSAGE\", \"to\": \"r\", \"text\": \"Hi ${input.name\"}"),
                "$.steps[0].text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/file", "example.com/hook", "file:///etc/passwd", "https://"})
    void refusesAnHttpCallToAnAddressThatIsNotHttp(String url) {
        String message = onlyProblem(withSteps("{\"type\": \"HTTP_CALL\", \"url\": \"" + url + "\"}"), "$.steps[0].url");
        assertTrue(message.contains("http://"), message);
    }

    @Test
    void acceptsAnHttpCallWhoseWholeAddressIsAPlaceholder() {
        StepAction.HttpCall call = (StepAction.HttpCall) DefinitionReader.read(withSteps("""
                {"type": "HTTP_CALL", "method": "GET", "url": "${input.callback}"}""")).steps().get(0).action();
        assertEquals("https://example.com/x", call.url().render(Map.of("input", Map.of("callback", "https://example.com/x"))));
    }

    @Test
    void refusesAnHttpCallAddressThatIsNotTextOnce() {
        assertEquals("must be a string", onlyProblem(withSteps("{\"type\": \"HTTP_CALL\", \"url\": 5}"), "$.steps[0].url"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "1", "\"yes\""})
    void refusesASignFlagThatIsNotABoolean(String sign) {
        // silently not signing a call the author asked to sign would be worse than refusing it
        assertEquals("must be true or false", onlyProblem(withSteps(
                "{\"type\": \"HTTP_CALL\", \"url\": \"https://example.com\", \"sign\": " + sign + "}"), "$.steps[0].sign"));
    }

    @Test
    void readsASignFlagOfFalseOrNullAsNotSigning() {
        for (String sign : List.of("false", "null")) {
            StepAction.HttpCall call = (StepAction.HttpCall) DefinitionReader.read(withSteps(
                    "{\"type\": \"HTTP_CALL\", \"url\": \"https://example.com\", \"sign\": " + sign + "}"))
                    .steps().get(0).action();
            assertFalse(call.sign(), sign);
        }
    }

    /** 2^64 + 1000, 2^64 + 3 and 2^64 + 5: numbers that wrap around to small ones when narrowed to a long. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"type": "WAIT", "millis": 18446744073709552616}                                   | $.steps[0].millis
            {"type": "WAIT", "millis": 1, "retry": {"maxAttempts": 18446744073709551619}}      | $.steps[0].retry.maxAttempts
            {"type": "WAIT", "millis": 1, "onError": {"policy": "ERROR_SPIRAL", "spiral": 18446744073709551621}} | $.steps[0].onError.spiral
            """)
    void refusesNumbersTooBigForALongRatherThanWrappingThem(String step, String field) {
        onlyProblem(withSteps(step), field);
    }

    @Test
    void refusesAnUnknownHttpMethod() {
        onlyProblem(withSteps("{\"type\": \"HTTP_CALL\", \"method\": \"TRACE\", \"url\": \"https://example.com\"}"),
                "$.steps[0].method");
    }

    @Test
    void listsEveryProblemAtOnce() {
        List<FieldError> problems = problems("""
                {"trigger": {"type": "CRON", "cron": "61 * * * *"},
                 "onError": {"policy": "SOMETIMES"},
                 "steps": [
                   {"type": "WAIT", "millis": -5},
                   {"type": "TELEPORT"},
                   {"id": "end", "type": "NOTIFY", "users": ["alice"], "message": "Done",
                    "retry": {"maxAttempts": 0, "jitter": 2}}
                 ]}""");

        assertEquals(List.of("$.name", "$.trigger.cron", "$.onError.policy", "$.steps[0].millis", "$.steps[1].type",
                "$.steps[2].id", "$.steps[2].retry.maxAttempts", "$.steps[2].retry.jitter"),
                problems.stream().map(FieldError::field).toList());
    }

    @Test
    void anInvalidDefinitionIsAValidationProblem() {
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> DefinitionReader.read(withSteps("{\"type\": \"TELEPORT\"}")));
        assertEquals(422, e.status());
        assertEquals("The spiral definition has 1 problem(s)", e.getMessage());
    }
}
