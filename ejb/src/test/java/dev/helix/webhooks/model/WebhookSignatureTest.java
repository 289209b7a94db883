package dev.helix.webhooks.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsAsTheStandardWebhooksSpecificationsExampleDoes() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330, "{\"test\": 2432232314}"));
    }

    @Test
    void anotherBodyIdOrTimeGivesAnotherSignature() {
        String secret = WebhookSignature.newSecret();
        String signature = WebhookSignature.sign(secret, "msg_1", 100, "{}");
        assertNotEquals(signature, WebhookSignature.sign(secret, "msg_1", 100, "{ }"));
        assertNotEquals(signature, WebhookSignature.sign(secret, "msg_2", 100, "{}"));
        assertNotEquals(signature, WebhookSignature.sign(secret, "msg_1", 101, "{}"));
        assertNotEquals(signature, WebhookSignature.sign(WebhookSignature.newSecret(), "msg_1", 100, "{}"));
    }

    @Test
    void onlyWhsecSecretsOfEnoughRandomBytesAreTaken() {
        assertTrue(WebhookSignature.isValidSecret(WebhookSignature.newSecret()));
        assertTrue(WebhookSignature.isValidSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertFalse(WebhookSignature.isValidSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertFalse(WebhookSignature.isValidSecret("whsec_c2hvcnQ="));
        assertFalse(WebhookSignature.isValidSecret("whsec_not base64!"));
        assertFalse(WebhookSignature.isValidSecret(null));
    }
}
