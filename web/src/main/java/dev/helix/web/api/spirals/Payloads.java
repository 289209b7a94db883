package dev.helix.web.api.spirals;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bodies the spiral endpoints take as they come (a webhook's, a run's input): at most 64 KiB, read no further, so
 * that a larger one is a 413 problem rather than a value too large for its column.
 */
final class Payloads {

    /** The most bytes a body may have. */
    static final int MAX_BYTES = 64 * 1024;

    private Payloads() {
    }

    /** The whole body (none: no bytes); a 413 problem when it has more than {@link #MAX_BYTES}. */
    static byte[] read(InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new ClientErrorException("The request body has more than " + MAX_BYTES + " bytes (64 KiB)",
                    Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        return bytes;
    }
}
