package dev.helix.web.api.rituals;

import dev.helix.rituals.model.RitualStage;

/** A registered stage that rituals can be composed of. */
public record StageView(String name, String description) {

    static StageView of(RitualStage stage) {
        return new StageView(stage.name(), stage.description());
    }
}
