package dev.helix.providers.model;

/** The model provider did not answer in time. */
public class ProviderTimeoutException extends ProviderUnavailableException {

    public ProviderTimeoutException(String message) {
        super(message);
    }
}
