package dev.helix.web.gateway;

import dev.helix.gateway.port.AnswerSink;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gateway's answer written to the servlet's response: a whole answer with its length, a stream as server-sent
 * events that no proxy should buffer or cache. The response is completed as soon as the answer is, so that the
 * client does not wait for the call to be metered.
 */
final class ServletAnswerSink implements AnswerSink {

    private static final Logger LOG = Logger.getLogger(ServletAnswerSink.class.getName());

    private final AsyncContext async;
    private final HttpServletResponse response;
    private OutputStream out;

    /** Answers the request on this thread, in an asynchronous context that {@link #end} completes. */
    ServletAnswerSink(HttpServletRequest request, HttpServletResponse response) {
        this.async = request.startAsync();
        this.async.setTimeout(0); // the call's own timeouts bound it
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

    /** Completes the response: the container sends its end while this thread goes on to meter the call. */
    @Override
    public void end() {
        try {
            async.complete();
        } catch (IllegalStateException e) {
            LOG.log(Level.FINE, "The gateway's answer was completed already", e);
        }
    }
}
