package dev.helix.identity.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.identity.model.ApiKeyIdentity;
import dev.helix.identity.model.ApiKeySecret;
import dev.helix.identity.model.ApiKeysChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedApiKeysTest {

    private final ApiKeySecret secret = ApiKeySecret.generate();
    private final CountingKeys keys = new CountingKeys();

    /** The database's answer, counted; it may commit a change while it is asked, as another request would. */
    private final class CountingKeys extends ApiKeys {
        int lookups;
        Optional<ApiKeyIdentity> answer;
        Runnable whileLookingUp = () -> { };

        @Override
        public Optional<ApiKeyIdentity> authenticate(String presented) {
            lookups++;
            whileLookingUp.run();
            return answer;
        }
    }

    private VerifiedApiKeys verifiedFor(Duration window) {
        VerifiedApiKeys verified = new VerifiedApiKeys();
        verified.keys = keys;
        verified.verifiedFor = window;
        verified.start();
        return verified;
    }

    private Optional<ApiKeyIdentity> identity(Instant expiresAt) {
        return Optional.of(new ApiKeyIdentity(7, secret.prefix(), "ada", Set.of("developer"), Set.of(), null, expiresAt));
    }

    @Test
    void aVerifiedKeyIsNotLookedUpAgainWithinTheWindow() {
        VerifiedApiKeys verified = verifiedFor(Duration.ofMinutes(5));
        keys.answer = identity(null);

        assertEquals(keys.answer, verified.authenticate(secret.key()));
        assertEquals(keys.answer, verified.authenticate(secret.key()));
        assertEquals(1, keys.lookups);
    }

    @Test
    void aCommittedChangeSendsEveryKeyBackToTheDatabase() {
        VerifiedApiKeys verified = verifiedFor(Duration.ofMinutes(5));
        keys.answer = identity(null);
        verified.authenticate(secret.key());

        verified.forget(new ApiKeysChanged("ada"));
        keys.answer = Optional.empty();

        assertTrue(verified.authenticate(secret.key()).isEmpty(), "a revoked key is refused at once");
        assertEquals(2, keys.lookups);
    }

    @Test
    void aLookupThatRacedAChangeIsNotRemembered() {
        VerifiedApiKeys verified = verifiedFor(Duration.ofMinutes(5));
        keys.answer = identity(null);
        keys.whileLookingUp = () -> verified.forget(new ApiKeysChanged("ada"));
        verified.authenticate(secret.key());

        keys.whileLookingUp = () -> { };
        verified.authenticate(secret.key());

        assertEquals(2, keys.lookups);
    }

    @Test
    void refusalsAndExpiredWindowsAreLookedUpEveryTime() {
        VerifiedApiKeys none = verifiedFor(Duration.ZERO);
        keys.answer = identity(null);
        none.authenticate(secret.key());
        none.authenticate(secret.key());
        assertEquals(2, keys.lookups, "PT0S checks every request");

        VerifiedApiKeys verified = verifiedFor(Duration.ofMinutes(5));
        keys.answer = Optional.empty();
        verified.authenticate(secret.key());
        verified.authenticate(secret.key());
        assertEquals(4, keys.lookups, "a refused key is asked about each time");

        keys.answer = identity(Instant.now().minusSeconds(1));
        verified.authenticate(secret.key());
        verified.authenticate(secret.key());
        assertEquals(6, keys.lookups, "a key is trusted no longer than it may be used");
    }

    @Test
    void aMalformedKeyIsRefusedWithoutALookup() {
        assertTrue(verifiedFor(Duration.ofMinutes(5)).authenticate("not-a-key").isEmpty());
        assertEquals(0, keys.lookups);
    }
}
