package dev.helix.web.api.webhooks;

import dev.helix.shared.error.InvalidInputException;
import dev.helix.webhooks.model.WebhookDefinition;
import dev.helix.webhooks.model.WebhookEventType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Body of {@code POST /api/v1/webhooks} and {@code PUT /api/v1/webhooks/{id}}:
 * {@code {"url":"https://...","events":["task.done"],"projectId":3,"secret":"whsec_...","allowPrivate":false}}.
 * Without a secret Helix generates one (on a change, the secret stays); {@code allowPrivate} is for administrators.
 */
public record WebhookRequest(String url, List<String> events, Long projectId, String secret, Boolean allowPrivate) {

    WebhookDefinition definition() {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        List<String> unknown = events == null ? List.of() : events.stream()
                .filter(name -> WebhookEventType.byWireName(name).map(types::add).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("events names unknown event types " + unknown + "; known are " + known());
        }
        return new WebhookDefinition(url, types, projectId, Boolean.TRUE.equals(allowPrivate));
    }

    static List<String> known() {
        return Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName).toList();
    }
}
