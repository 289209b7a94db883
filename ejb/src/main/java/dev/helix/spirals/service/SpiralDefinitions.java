package dev.helix.spirals.service;

import dev.helix.spirals.model.definition.SpiralDefinition;
import dev.helix.spirals.model.SpiralVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read definitions, kept per spiral version: a version never changes once saved, so its JSON is read once per
 * server, not on every event that might trigger it or every execution that runs it.
 */
@ApplicationScoped
public class SpiralDefinitions {

    private static final int MAX_KEPT = 2000;

    private final Map<String, SpiralDefinition> read = new ConcurrentHashMap<>();

    public SpiralDefinition of(SpiralVersion version) {
        if (read.size() >= MAX_KEPT) {
            read.clear();
        }
        return read.computeIfAbsent(version.getSpiralId() + "/" + version.getVersion(), key -> version.read());
    }
}
