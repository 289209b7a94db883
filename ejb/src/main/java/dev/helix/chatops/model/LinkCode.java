package dev.helix.chatops.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * A one-time code that links the chat user who sends it to the Helix user it was issued to: issued in Helix to a
 * signed-in user, sent from the chat (whose platform signs the request), valid for ten minutes, used once.
 */
@Entity
@Table(name = "chat_link_code")
public class LinkCode {

    public static final Duration VALID_FOR = Duration.ofMinutes(10);
    /** No 0/O or 1/I/L: codes are read off a chat and typed. */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private String code;

    @Column(nullable = false)
    private String username;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected LinkCode() {
    }

    public LinkCode(String username, Instant now) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            if (i == 3) {
                text.append('-');
            }
        }
        this.code = text.toString();
        this.username = username;
        this.expiresAt = now.plus(VALID_FOR);
    }

    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    public String getCode() {
        return code;
    }

    public String getUsername() {
        return username;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
