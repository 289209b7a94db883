package dev.helix.web.api.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helix.shared.error.FieldError;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void errorsListEachFieldWithItsMessageInTheOrderGiven() {
        String json = Problems.errors(List.of(new FieldError("$.steps[0].type", "'FLY' is not a step type"),
                new FieldError("limit", "must be less than or equal to 200"))).toString();
        assertEquals("[{\"field\":\"$.steps[0].type\",\"message\":\"'FLY' is not a step type\"},"
                + "{\"field\":\"limit\",\"message\":\"must be less than or equal to 200\"}]", json);
    }

    @Test
    void aProblemWithErrorsCarriesThemAndOneWithoutLeavesThemOut() {
        String with = Problems.body(422, "validation", "Invalid input", "1 problem",
                Problems.errors(List.of(new FieldError("name", "must not be blank"))));
        assertEquals("name", Json.createReader(new StringReader(with)).readObject().getJsonArray("errors")
                .getJsonObject(0).getString("field"));
        String without = Problems.body(404, "not-found", "Not found", null, null);
        assertEquals("{\"type\":\"https://helix.dev/problems/not-found\",\"title\":\"Not found\",\"status\":404}", without);
    }
}
