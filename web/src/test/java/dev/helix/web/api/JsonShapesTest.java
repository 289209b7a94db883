package dev.helix.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.helix.shared.error.FieldError;
import dev.helix.shared.model.JsonText;
import dev.helix.shared.error.MalformedJsonException;
import dev.helix.web.api.admin.SecurityResource;
import dev.helix.web.api.admin.UserResource;
import dev.helix.web.api.me.ApiKeyResource;
import dev.helix.web.api.rituals.RunRequest;
import dev.helix.web.api.tasks.CreateTaskRequest;
import dev.helix.web.api.usage.PriceRequest;
import java.lang.reflect.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonShapesTest {

    private static void fits(String json, Type type) {
        JsonShapes.check(JsonText.read(json), type);
    }

    private static MalformedJsonException refused(String json, Type type) {
        return assertThrows(MalformedJsonException.class, () -> fits(json, type));
    }

    private static FieldError onlyError(String json, Type type) {
        MalformedJsonException e = refused(json, type);
        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals(e.errors().get(0).field() + " " + e.errors().get(0).message(), e.getMessage());
        return e.errors().get(0);
    }

    @Test
    void valuesOfTheRightTypeFitAndUnknownOrNullMembersAreLeftToValidation() {
        fits("{\"username\":\"ann\",\"password\":\"pw\",\"roles\":[\"viewer\"],\"nickname\":7}", UserResource.NewUser.class);
        fits("{\"name\":\"k\",\"scopes\":null,\"expiresAt\":\"2030-01-31T12:00:00Z\",\"rateLimitPerMinute\":60}",
                ApiKeyResource.NewApiKey.class);
        fits("{\"title\":\"t\",\"prompt\":\"p\",\"priority\":\"HIGH\",\"justDoIt\":false}", CreateTaskRequest.class);
        fits("null", RunRequest.class);
    }

    @Test
    void aPriceIsAnyNumberAndNothingElse() {
        fits("{\"deployment\":\"a/m\",\"promptPer1k\":0.0025,\"completionPer1k\":10}", PriceRequest.class);
        assertEquals(new FieldError("promptPer1k", "must be a number (was the string \"0.1\")"),
                onlyError("{\"promptPer1k\":\"0.1\"}", PriceRequest.class));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"username\":123}               | username | must be a string (was the number 123)",
        "{\"username\":true}              | username | must be a string (was true)",
        "{\"username\":-2147483649}       | username | must be a string (was the number -2147483649)",
        "{\"username\":[\"ann\"]}         | username | must be a string (was an array)",
        "{\"roles\":\"viewer\"}           | roles    | must be an array (was the string \"viewer\")",
        "{\"roles\":[\"viewer\",1]}       | roles[1] | must be a string (was the number 1)"})
    void noOtherTypeIsReadAsText(String json, String field, String message) {
        assertEquals(new FieldError(field, message), onlyError(json, UserResource.NewUser.class));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"rateLimitPerMinute\":1.5}          | rateLimitPerMinute | must be a whole number from -2147483648 to 2147483647 (was the number 1.5)",
        "{\"rateLimitPerMinute\":\"60\"}       | rateLimitPerMinute | must be a whole number from -2147483648 to 2147483647 (was the string \"60\")",
        "{\"rateLimitPerMinute\":2147483648}   | rateLimitPerMinute | must be a whole number from -2147483648 to 2147483647 (was the number 2147483648)",
        "{\"rateLimitPerMinute\":1e999999999}  | rateLimitPerMinute | must be a whole number from -2147483648 to 2147483647 (was the number 1E+999999999)",
        "{\"expiresAt\":\"yesterday\"}         | expiresAt          | must be an ISO-8601 instant in UTC, e.g. 2030-01-31T12:00:00Z (was the string \"yesterday\")",
        "{\"expiresAt\":12}                    | expiresAt          | must be an ISO-8601 instant in UTC, e.g. 2030-01-31T12:00:00Z (was the number 12)"})
    void numbersAndInstantsAreReadOnlyFromTheirOwnJsonTypes(String json, String field, String message) {
        assertEquals(new FieldError(field, message), onlyError(json, ApiKeyResource.NewApiKey.class));
    }

    @Test
    void flagsAndChoicesAreExact() {
        assertEquals(new FieldError("basicAuthEnabled", "must be true or false (was the string \"false\")"),
                onlyError("{\"basicAuthEnabled\":\"false\"}", SecurityResource.PolicyChange.class));
        assertEquals(new FieldError("basicAuthEnabled", "must be true or false (was the number 0)"),
                onlyError("{\"basicAuthEnabled\":0}", SecurityResource.PolicyChange.class));
        assertEquals(new FieldError("priority", "must be one of LOW, MEDIUM, HIGH, CRITICAL (was the string \"high\")"),
                onlyError("{\"title\":\"t\",\"prompt\":\"p\",\"priority\":\"high\"}", CreateTaskRequest.class));
        assertEquals(new FieldError("steps", "must be a whole number from -2147483648 to 2147483647 (was the number 27.0)"),
                onlyError("{\"steps\":27.0}", RunRequest.class));
    }

    @Test
    void anArrayIsNotTheObjectItHolds() {
        MalformedJsonException e = refused("[{\"basicAuthEnabled\":true}]", SecurityResource.PolicyChange.class);
        assertEquals("The request body must be an object (was an array)", e.getMessage());
        assertEquals(0, e.errors().size());
        assertEquals("The request body must be an object (was the string \"x\")",
                refused("\"x\"", CreateTaskRequest.class).getMessage());
    }
}
