package dev.helix.spirals.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec-ünïcode-42";
    private static final byte[] BODY = "{\"order\":\"A-17\",\"total\":12.5}".getBytes(StandardCharsets.UTF_8);

    private static String hmacSha256Hex(String key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data));
    }

    @Test
    void signsWithRfc4231TestVector() {
        // RFC 4231, test case 2
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void signsWithHmacSha256OfTheUtf8Secret() throws Exception {
        assertEquals("sha256=" + hmacSha256Hex(SECRET, BODY), WebhookSignature.sign(SECRET, BODY));
    }

    @Test
    void verifiesItsOwnSignature() {
        assertTrue(WebhookSignature.verify(SECRET, BODY, WebhookSignature.sign(SECRET, BODY)));
        assertTrue(WebhookSignature.verify(SECRET, new byte[0], WebhookSignature.sign(SECRET, new byte[0])));
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        assertFalse(WebhookSignature.verify(SECRET, BODY, WebhookSignature.sign("another-secret", BODY)));
    }

    @Test
    void refusesATamperedBody() {
        String header = WebhookSignature.sign(SECRET, BODY);
        byte[] tampered = "{\"order\":\"A-17\",\"total\":0.5}".getBytes(StandardCharsets.UTF_8);

        assertFalse(WebhookSignature.verify(SECRET, tampered, header));
    }

    @Test
    void refusesAMissingOrMalformedHeader() {
        String header = WebhookSignature.sign(SECRET, BODY);
        String hex = header.substring("sha256=".length());

        assertFalse(WebhookSignature.verify(SECRET, BODY, null));
        assertFalse(WebhookSignature.verify(SECRET, BODY, ""));
        assertFalse(WebhookSignature.verify(SECRET, BODY, hex));
        assertFalse(WebhookSignature.verify(SECRET, BODY, "sha1=" + hex));
        assertFalse(WebhookSignature.verify(SECRET, BODY, "sha256="));
        assertFalse(WebhookSignature.verify(SECRET, BODY, header.substring(0, header.length() - 2)));
    }

    @Test
    void acceptsUpperCaseHex() {
        String hex = WebhookSignature.sign(SECRET, BODY).substring("sha256=".length());

        assertTrue(WebhookSignature.verify(SECRET, BODY, "sha256=" + hex.toUpperCase(Locale.ROOT)));
    }
}
