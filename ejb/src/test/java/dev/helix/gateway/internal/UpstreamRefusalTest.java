package dev.helix.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UpstreamRefusalTest {

    @Test
    void aBadRequestIsTheCallersFaultButAnExhaustedQuotaAndEveryOutageAreTheDeployments() {
        assertTrue(UpstreamRefusal.isCallersFault(400, bytes("{\"error\":{\"message\":\"messages is required\"}}")));
        assertTrue(UpstreamRefusal.isCallersFault(422, bytes("{}")));
        assertFalse(UpstreamRefusal.isCallersFault(400, bytes("{\"error\":{\"code\":\"insufficient_quota\"}}")));
        for (int status : new int[] {401, 402, 403, 404, 408, 429, 500, 502, 503}) {
            assertFalse(UpstreamRefusal.isCallersFault(status, bytes("{}")), "HTTP " + status);
        }
    }

    @Test
    void aRefusalInOpenAisShapePassesAsItIsAndAnyOtherIsPutInIt() {
        byte[] shaped = bytes("{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}");
        assertEquals(shaped, UpstreamRefusal.asOpenAiError(400, shaped));
        String wrapped = new String(UpstreamRefusal.asOpenAiError(400, bytes("<html>Bad Request</html>")), StandardCharsets.UTF_8);
        assertEquals("{\"error\":{\"message\":\"The model provider refused the request (HTTP 400): <html>Bad Request</html>\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}", wrapped);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
