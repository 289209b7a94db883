package dev.helix.providers.service;

import dev.helix.providers.port.ModelProvider;
import dev.helix.shared.error.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;

/** Finds the model provider a profile is bound to, by name. */
@ApplicationScoped
public class ProviderRegistry {

    @Inject
    Instance<ModelProvider> providers;

    public ModelProvider byName(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("No model provider named '" + name
                        + "' is configured; known: " + names()));
    }

    public List<String> names() {
        return providers.stream().map(ModelProvider::name).sorted().toList();
    }
}
