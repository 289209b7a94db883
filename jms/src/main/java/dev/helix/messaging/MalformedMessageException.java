package dev.helix.messaging;

/** A message on a Helix destination that is not a readable envelope. */
public class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String message) {
        super(message);
    }
}
