package dev.helix.gateway.port;

import java.io.IOException;
import java.util.Map;

/**
 * Where the gateway writes its answer to the client: the web tier's HTTP response. Nothing reaches the client before
 * {@link #begin}; an {@link IOException} from any method means the client is gone.
 */
public interface AnswerSink {

    /**
     * Starts the answer: its status, content type and headers, and its length in bytes ({@code -1} for a stream).
     */
    void begin(int status, String contentType, Map<String, String> headers, long length) throws IOException;

    void write(byte[] bytes) throws IOException;

    /** Sends what was written so far at once: each event of a stream as it comes. */
    void flush() throws IOException;

    /**
     * The answer is complete: the client has all of it, and what the gateway does next (metering the call) is no
     * longer part of the client's wait. Called once, last.
     */
    void end();
}
