package dev.helix.webhooks.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.shared.error.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicAddressesTest {

    @Test
    void privateLoopbackLinkLocalAndSharedAddressesAreNotPublic() throws UnknownHostException {
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                "169.254.169.254", "100.64.0.1", "100.127.255.255", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fc00::1",
                "fd12:3456::1", "::"}) {
            assertFalse(PublicAddresses.isPublic(InetAddress.getByName(address)), address);
        }
        for (String address : new String[] {"8.8.8.8", "172.32.0.1", "100.128.0.1", "93.184.216.34", "2001:4860::8888"}) {
            assertTrue(PublicAddresses.isPublic(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void aLoopbackHostIsRefusedUnlessPrivateAddressesAreAllowed() {
        URI local = URI.create("http://127.0.0.1:9/hook");
        Optional<String> refusal = PublicAddresses.refusal(local, false);
        assertTrue(refusal.orElseThrow().contains("127.0.0.1"), refusal::toString);
        assertEquals(Optional.empty(), PublicAddresses.refusal(local, true));
    }

    @Test
    void onlyHttpUrlsWithAHostAndNoCredentialsAreTaken() {
        assertEquals("https", PublicAddresses.checkedUrl("https://example.org/hook").getScheme());
        assertThrows(InvalidInputException.class, () -> PublicAddresses.checkedUrl("ftp://example.org/hook"));
        assertThrows(InvalidInputException.class, () -> PublicAddresses.checkedUrl("file:///etc/passwd"));
        assertThrows(InvalidInputException.class, () -> PublicAddresses.checkedUrl("https:///nohost"));
        assertThrows(InvalidInputException.class, () -> PublicAddresses.checkedUrl("https://user:pw@example.org/"));
        assertThrows(InvalidInputException.class, () -> PublicAddresses.checkedUrl("not a url"));
    }
}
