package dev.helix.web.security;

import dev.helix.web.api.problems.Problems;
import dev.helix.web.gateway.GatewayErrors;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Screens every request before the application reads it, so that what the container or the REST runtime would trip
 * over gets a clear answer instead: a problem on API paths, an error in OpenAI's shape on the gateway's, the portal's
 * error page elsewhere.
 * <ul>
 *   <li>{@code TRACE}: 405.</li>
 *   <li>A body larger than {@code helix.request.max-body-size} bytes (default 1 MiB; on the gateway's paths
 *       {@code helix.gateway.max-body-size}, default 16 MiB): 413, by its
 *       {@code Content-Length} or, sent in chunks or compressed, as it is read.</li>
 *   <li>A {@code Content-Encoding} other than those the server decodes ({@code gzip}, {@code x-gzip},
 *       {@code deflate}, {@code identity}): 415; a compressed body that does not decode: 400.</li>
 *   <li>A {@code Content-Type} naming a charset other than UTF-8: 415 (Helix reads text as UTF-8 only).</li>
 *   <li>An {@code Accept} or {@code Accept-Language} header that cannot be parsed is ignored, as the preference it
 *       is (the REST runtime answered an unreadable one with a 500 or the server's own error page).</li>
 * </ul>
 * An API request's body is read here, whole, so that the API reads it from memory; the portal's form posts must
 * say their length.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestScreen extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> DECODED_ENCODINGS = Set.of("gzip", "x-gzip", "deflate", "identity");
    private static final Set<String> UTF_8 = Set.of("utf-8", "utf8");
    private static final String METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";

    @Inject
    @ConfigProperty(name = "helix.request.max-body-size", defaultValue = "1048576")
    int maxBodySize;

    /** The gateway's bodies carry whole conversations and batches of texts to embed: they may be larger. */
    @Inject
    @ConfigProperty(name = "helix.gateway.max-body-size", defaultValue = "16777216")
    int gatewayMaxBodySize;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean gateway = GatewayErrors.isGateway(request, request.getRequestURI());
        boolean api = gateway || Problems.isApi(request, request.getRequestURI());
        int limit = gateway ? gatewayMaxBodySize : maxBodySize;
        if ("TRACE".equals(request.getMethod())) {
            response.setHeader("Allow", METHODS);
            refuse(request, api, response, 405, "TRACE is not served; this server takes " + METHODS);
            return;
        }
        // Wrapped only where something differs: the container's own request object serves upgrades (the push stream).
        Set<String> ignored = unreadablePreferences(request);
        HttpServletRequest screened = ignored.isEmpty() ? request : new ScreenedRequest(request, ignored, null);
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (!hasBody) {
            chain.doFilter(screened, response);
            return;
        }
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !DECODED_ENCODINGS.contains(encoding.strip().toLowerCase(Locale.ROOT))) {
            refuse(request, api, response, 415, "Content-Encoding '" + encoding + "' is not accepted: send the body as it is, "
                    + "or compressed with gzip or deflate");
            return;
        }
        String charset = request.getCharacterEncoding();
        if (charset != null && !UTF_8.contains(charset.replace("\"", "").strip().toLowerCase(Locale.ROOT))) {
            refuse(request, api, response, 415, "The body must be UTF-8 text; charset '" + charset + "' is not accepted");
            return;
        }
        if (request.getContentLengthLong() > limit) {
            refuse(request, api, response, 413, tooLarge(limit));
            return;
        }
        if (!api) {
            if (request.getContentLengthLong() < 0) {
                refuse(request, false, response, 411, "A body must come with its Content-Length");
            } else {
                chain.doFilter(screened, response);
            }
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(limit + 1);
        } catch (IOException unreadable) {
            refuse(request, true, response, 400, encoding == null ? "The request body could not be read"
                    : "The request body is not valid " + encoding.strip() + " data, as its Content-Encoding says");
            return;
        }
        if (body.length > limit) {
            refuse(request, true, response, 413, tooLarge(limit));
            return;
        }
        chain.doFilter(new ScreenedRequest(request, ignored, body), response);
    }

    private static String tooLarge(int limit) {
        return "The request body has more than " + limit + " bytes, the most this server accepts";
    }

    /** The preference headers that cannot be parsed ({@code Accept}, {@code Accept-Language}), lower case. */
    private static Set<String> unreadablePreferences(HttpServletRequest request) {
        Set<String> unreadable = new HashSet<>();
        String accept = request.getHeader("Accept");
        if (accept != null && !readable(accept, RequestScreen::mediaRange)) {
            unreadable.add("accept");
        }
        String languages = request.getHeader("Accept-Language");
        if (languages != null && !readable(languages, Locale.LanguageRange::parse)) {
            unreadable.add("accept-language");
        }
        return unreadable;
    }

    private static boolean readable(String value, Consumer<String> parse) {
        try {
            parse.accept(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Each media range of an {@code Accept} header, read as the REST runtime reads it, with a weight from 0 to 1. */
    private static void mediaRange(String accept) {
        for (String range : accept.split(",")) {
            if (!range.isBlank()) {
                String q = MediaType.valueOf(range.strip()).getParameters().get("q");
                if (q != null && !(Float.parseFloat(q) >= 0 && Float.parseFloat(q) <= 1)) {
                    throw new IllegalArgumentException("q out of range");
                }
            }
        }
    }

    private static void refuse(HttpServletRequest request, boolean api, HttpServletResponse response, int status, String detail)
            throws IOException {
        if (GatewayErrors.isGateway(request, request.getRequestURI())) {
            GatewayErrors.write(response, status, detail);
        } else if (api) {
            Problems.write(response, status, Problems.slug(status), Problems.title(status), detail);
        } else {
            response.sendError(status);
        }
    }

    /** The request as the application sees it: its body read already (API requests), unreadable preferences left out. */
    private static final class ScreenedRequest extends HttpServletRequestWrapper {

        private final Set<String> ignored;
        private final byte[] body;

        ScreenedRequest(HttpServletRequest request, Set<String> ignored, byte[] body) {
            super(request);
            this.ignored = ignored;
            this.body = body;
        }

        private boolean hidden(String header) {
            return ignored.contains(header.toLowerCase(Locale.ROOT));
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream().filter(h -> !hidden(h)).toList());
        }

        @Override
        public Locale getLocale() {
            return hidden("Accept-Language") ? Locale.getDefault() : super.getLocale();
        }

        @Override
        public Enumeration<Locale> getLocales() {
            return hidden("Accept-Language") ? Collections.enumeration(Set.of(Locale.getDefault())) : super.getLocales();
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            return body == null ? super.getInputStream() : new BodyStream(body);
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return body == null ? super.getReader()
                    : new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body == null ? super.getContentLength() : body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body == null ? super.getContentLengthLong() : body.length;
        }
    }

    /** A body already in memory. */
    private static final class BodyStream extends ServletInputStream {

        private final ByteArrayInputStream bytes;

        BodyStream(byte[] body) {
            this.bytes = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("the body has been read already; read it blocking");
        }
    }
}
