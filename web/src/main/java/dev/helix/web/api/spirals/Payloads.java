package dev.helix.web.api.spirals;

import dev.helix.web.api.problems.Problems;
import jakarta.ws.rs.ClientErrorException;
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
            throw new ClientErrorException(Problems.response(413, Problems.slug(413), Problems.title(413),
                    "The request body has more than " + MAX_BYTES + " bytes (64 KiB), the most this endpoint keeps"));
        }
        return bytes;
    }
}
