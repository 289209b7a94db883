package dev.helix.compute.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The scores of an anomaly scan, laid out like its {@link SeriesBlock}. Points before the first full window
 * are not scored (score 0).
 */
public record AnomalyScores(int series, int length, AnomalyParameters parameters, float[] scores) {

    public float score(int s, int t) {
        return scores[s * length + t];
    }

    public boolean flagged(int s, int t) {
        return Math.abs(score(s, t)) >= parameters.threshold();
    }

    /** Every flagged point, series by series and in time order. */
    public List<Flag> flags() {
        List<Flag> flags = new ArrayList<>();
        float threshold = parameters.threshold();
        for (int i = 0; i < scores.length; i++) {
            if (Math.abs(scores[i]) >= threshold) {
                flags.add(new Flag(i / length, i % length, scores[i]));
            }
        }
        return flags;
    }

    /** A point whose score reached the threshold. */
    public record Flag(int series, int index, float score) {
    }
}
