package dev.helix.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTPS to the test server: trusts exactly the certificate Liberty generated for it, read from the server's
 * own keystore ({@code resources/security/key.p12}, password from the server's {@code server.env}).
 */
final class ServerTrust {

    private static final Path SERVER_DIR = Path.of(System.getProperty("helix.it.server.dir",
            "target/liberty/wlp/usr/servers/helix-it"));

    private ServerTrust() {
    }

    static HttpClient httpClient() {
        return httpClientBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A client to be completed (cookies, version), trusting the test server. */
    static HttpClient.Builder httpClientBuilder() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).sslContext(serverContext());
    }

    private static SSLContext serverContext() {
        try (InputStream in = Files.newInputStream(SERVER_DIR.resolve("resources/security/key.p12"))) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, keystorePassword());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keys);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot trust the test server's certificate", e);
        }
    }

    private static char[] keystorePassword() throws IOException {
        Properties env = new Properties();
        try (InputStream in = Files.newInputStream(SERVER_DIR.resolve("server.env"))) {
            env.load(in);
        }
        return env.getProperty("keystore_password").toCharArray();
    }
}
