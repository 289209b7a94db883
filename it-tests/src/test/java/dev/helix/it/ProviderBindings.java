package dev.helix.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers providers on a {@link FakeOpenAi} and binds the built-in working profiles (architect, planner, coder)
 * to one, remembering each profile as it was so a test can put them back.
 */
final class ProviderBindings {

    /** The built-in profiles whose agents write specs and code. */
    static final List<String> WORKING_ROLES = List.of("architect", "planner", "coder");

    private final HelixClient admin;
    private final List<JsonObject> rebound = new ArrayList<>();

    ProviderBindings(HelixClient admin) {
        this.admin = admin;
    }

    /** A registration of the fake as an OpenAI-compatible provider. */
    static String registration(FakeOpenAi fake, String name, String key, String model, int maxRetries, String timeout) {
        return "{\"name\":\"" + name + "\",\"type\":\"OPENAI_COMPATIBLE\",\"baseUrl\":\"" + fake.baseUrl() + "\",\"apiKey\":\""
                + key + "\",\"models\":[\"" + model + "\"],\"requestTimeout\":\"" + timeout + "\",\"maxRetries\":" + maxRetries + "}";
    }

    void bindWorkingRolesTo(String provider, String model) {
        for (String role : WORKING_ROLES) {
            JsonObject profile = admin.get("/api/v1/agents/profiles/" + role).expect(200).object();
            rebound.add(profile);
            admin.put("/api/v1/agents/profiles/" + role, Json.createObjectBuilder(profile).add("provider", provider)
                    .add("model", model).build().toString()).expect(200);
        }
    }

    /** Puts every profile bound since back as it was. */
    void restore() {
        rebound.forEach(p -> admin.put("/api/v1/agents/profiles/" + p.getString("role"), p.toString()).expect(200));
        rebound.clear();
    }
}
