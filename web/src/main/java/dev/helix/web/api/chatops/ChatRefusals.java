package dev.helix.web.api.chatops;

import dev.helix.web.api.problems.Problems;
import jakarta.ws.rs.core.Response;

/** The answers to a chat platform's request that is refused before any command runs. */
final class ChatRefusals {

    private ChatRefusals() {
    }

    /** The platform has no key in Helix: nothing it sends can be checked. */
    static Response notConfigured(String platform) {
        return Problems.response(404, "not-found", "Not configured", platform + " chat-ops is not configured");
    }

    /** The request's signature is missing, wrong or too old: nothing is done. */
    static Response badSignature(String why) {
        return Problems.response(401, "unauthorized", "Bad signature", why);
    }
}
