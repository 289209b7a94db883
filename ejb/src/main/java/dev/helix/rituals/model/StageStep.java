package dev.helix.rituals.model;

import java.util.Map;

/**
 * One step of one stage of a ritual run, as the stage sees it.
 *
 * @param runId   the run
 * @param step    1 to {@code steps}
 * @param steps   how many steps the stage has in this run
 * @param dryRun  true: report what would be done, change nothing
 * @param results what earlier stages of the run (and earlier steps of this one) reported, by stage name
 */
public record StageStep(long runId, int step, int steps, boolean dryRun, Map<String, String> results) {

    /** The last line an earlier stage reported, or empty text. */
    public String lastLineOf(String stage) {
        String result = results.getOrDefault(stage, "");
        int newline = result.lastIndexOf('\n');
        return newline < 0 ? result : result.substring(newline + 1);
    }
}
