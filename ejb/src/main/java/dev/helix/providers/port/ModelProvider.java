package dev.helix.providers.port;

import dev.helix.providers.model.ItemRequest;
import dev.helix.providers.model.SpecDraft;
import dev.helix.providers.model.SpecRequest;
import dev.helix.providers.model.StepResult;

/** A model an agent thinks through: the built-in offline one, or a registered OpenAI-compatible endpoint (C9). */
public interface ModelProvider {

    /** The registered name profiles bind to, e.g. {@code offline}. */
    String name();

    /** Writes (or, with feedback, revises) a task's requirements, design and plan; each call goes to the transcript. */
    SpecDraft draftSpec(SpecRequest request, String model, Transcript transcript);

    /**
     * Works on one checklist item of a task's plan, calling the toolbox's tools as it needs them; each call of the
     * model goes to the transcript.
     */
    StepResult work(ItemRequest request, Toolbox tools, String model, Transcript transcript);
}
