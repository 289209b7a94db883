package dev.helix.web.api.chatops;

/**
 * Body of {@code PUT /api/v1/admin/chatops}: {@code {"discord":{"publicKey":"<hex>"},"slack":{"signingSecret":"..."}}}.
 * A platform left out keeps its setting; an empty value removes it.
 */
public record ChatOpsRequest(Discord discord, Slack slack) {

    /** Discord's application public key. */
    public record Discord(String publicKey) {
    }

    /** Slack's signing secret. */
    public record Slack(String signingSecret) {
    }
}
