package dev.helix.rituals.service;

import dev.helix.rituals.model.RitualStage;
import dev.helix.shared.error.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;

/** The registered stages (every {@link RitualStage} bean), which built-in and custom rituals are made of. */
@ApplicationScoped
public class RitualStages {

    @Inject
    @Any
    Instance<RitualStage> stages;

    public List<RitualStage> all() {
        return stages.stream().sorted(Comparator.comparing(RitualStage::name)).toList();
    }

    /** The stage of this name; an unknown name is bad input. */
    public RitualStage stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("'" + name + "' is not a registered stage; GET /api/v1/rituals/stages lists them"));
    }
}
