package dev.helix.chatops.service;

import dev.helix.chatops.model.DiscordSignature;
import dev.helix.secrets.service.SecretVault;
import dev.helix.shared.error.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The keys chat platforms' requests are checked with: Discord's application public key and Slack's signing secret,
 * both kept in the vault. A platform without its key takes no command.
 */
@Stateless
public class ChatOpsSettings {

    static final String DISCORD_KEY = "chatops.discord.public-key";
    static final String SLACK_SECRET = "chatops.slack.signing-secret";
    private static final int MIN_SLACK_SECRET = 16;

    @Inject
    SecretVault vault;

    /** Sets Discord's public key (64 hex digits); an empty one removes it. */
    public void discordPublicKey(String hex) {
        if (hex.isEmpty()) {
            forget(DISCORD_KEY);
        } else if (!DiscordSignature.isValidPublicKey(hex)) {
            throw new InvalidInputException("discord.publicKey must be the application's public key: 64 hex digits");
        } else {
            vault.put(DISCORD_KEY, hex.toLowerCase());
        }
    }

    /** Sets Slack's signing secret; an empty one removes it. */
    public void slackSigningSecret(String secret) {
        if (secret.isEmpty()) {
            forget(SLACK_SECRET);
        } else if (secret.length() < MIN_SLACK_SECRET) {
            throw new InvalidInputException("slack.signingSecret must be the app's signing secret (at least "
                    + MIN_SLACK_SECRET + " characters)");
        } else {
            vault.put(SLACK_SECRET, secret);
        }
    }

    public Optional<String> discordPublicKey() {
        return revealed(DISCORD_KEY);
    }

    public Optional<String> slackSigningSecret() {
        return revealed(SLACK_SECRET);
    }

    private Optional<String> revealed(String name) {
        return vault.revealIfStored(name);
    }

    private void forget(String name) {
        if (revealed(name).isPresent()) {
            vault.delete(name);
        }
    }
}
