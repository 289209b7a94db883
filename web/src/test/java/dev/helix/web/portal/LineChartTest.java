package dev.helix.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineChartTest {

    @Test
    void linesShareTheLabelsAndANullLeavesAGap() {
        String json = new LineChart(List.of("10:00", "10:01", "10:02"))
                .line("measured", Arrays.asList(1.0, 2.0, null), "#111111", false)
                .line("forecast", Arrays.asList(null, 2.0, 3.0), "#222222", true).json();
        JsonObject chart = Json.createReader(new StringReader(json)).readObject();
        assertEquals("line", chart.getString("type"));
        assertEquals("[\"10:00\",\"10:01\",\"10:02\"]", chart.getJsonObject("data").getJsonArray("labels").toString());
        JsonObject measured = chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0);
        JsonObject forecast = chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(1);
        assertEquals("[1.0,2.0,null]", measured.getJsonArray("data").toString());
        assertEquals("[null,2.0,3.0]", forecast.getJsonArray("data").toString());
        assertEquals(false, measured.containsKey("borderDash"));
        assertEquals("[6,4]", forecast.getJsonArray("borderDash").toString());
    }
}
