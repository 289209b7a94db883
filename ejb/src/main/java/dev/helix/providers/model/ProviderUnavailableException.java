package dev.helix.providers.model;

/** The model provider could not answer; the work step is retried and, after too many tries, fails. */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message) {
        super(message);
    }
}
