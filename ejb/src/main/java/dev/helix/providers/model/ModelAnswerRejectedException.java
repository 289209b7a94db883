package dev.helix.providers.model;

/**
 * The model answered, but not with what was asked (e.g. a spec that is not the JSON object asked for), also after
 * being told what was wrong. The step fails; {@link #answer()} keeps the model's last answer so it can be read.
 */
public class ModelAnswerRejectedException extends RuntimeException {

    private final String answer;

    public ModelAnswerRejectedException(String message, String answer) {
        super(message);
        this.answer = answer;
    }

    /** The model's last answer, as it gave it. */
    public String answer() {
        return answer;
    }
}
