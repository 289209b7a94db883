package dev.helix.shared.model;

/**
 * The tokens one model call cost: those of the prompt and those of the answer, as the provider counted them, or as
 * Helix {@linkplain #estimateOf estimated} them (four characters a token) where the provider counted none.
 */
public record TokenCount(long prompt, long completion, boolean estimated) {

    /** A call that cost nothing, e.g. one answered from a recording or a cache. */
    public static final TokenCount NONE = new TokenCount(0, 0, false);

    public TokenCount {
        prompt = Math.max(0, prompt);
        completion = Math.max(0, completion);
    }

    /** Tokens as the provider counted them. */
    public static TokenCount counted(long prompt, long completion) {
        return new TokenCount(prompt, completion, false);
    }

    /** Tokens Helix estimated from the texts' lengths. */
    public static TokenCount estimated(long prompt, long completion) {
        return new TokenCount(prompt, completion, true);
    }

    /** About how many tokens a text is: four characters a token, at least one for a text that is not empty. */
    public static long estimateOf(CharSequence text) {
        return text == null || text.isEmpty() ? 0 : Math.max(1, (text.length() + 3) / 4);
    }

    public long total() {
        return prompt + completion;
    }
}
