package dev.helix.web.gateway;

import dev.helix.gateway.port.AnswerSink;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gateway's answer written to the servlet's response: a whole answer with its length, a stream as server-sent
 * events that no proxy should buffer or cache. The response is closed as soon as the answer is complete, so that the
 * client does not wait for what the gateway does after it.
 */
final class ServletAnswerSink implements AnswerSink {

    private static final Logger LOG = Logger.getLogger(ServletAnswerSink.class.getName());

    private final HttpServletResponse response;
    private OutputStream out;

    ServletAnswerSink(HttpServletResponse response) {
        this.response = response;
    }

    @Override
    public void begin(int status, String contentType, Map<String, String> headers, long length) throws IOException {
        response.setStatus(status);
        headers.forEach(response::setHeader);
        if (length >= 0) {
            response.setContentType(contentType);
            response.setCharacterEncoding("UTF-8");
            response.setContentLengthLong(length);
        } else {
            response.setContentType(contentType + ";charset=UTF-8");
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Accel-Buffering", "no");
        }
        out = response.getOutputStream();
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Sends the end of the response now, while this thread goes on to meter the call. */
    @Override
    public void end() {
        try {
            if (out != null) {
                out.close();
            } else {
                response.flushBuffer();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "The client went away before the gateway's answer was complete", e);
        }
    }
}
