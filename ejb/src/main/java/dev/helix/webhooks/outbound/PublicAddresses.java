package dev.helix.webhooks.outbound;

import dev.helix.shared.error.InvalidInputException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhook deliveries away from the server's own network (server-side request forgery): a URL must be
 * {@code http} or {@code https}, and every address its host resolves to must be public: not loopback, private
 * (10/8, 172.16/12, 192.168/16, fc00::/7), link-local, carrier-grade NAT (100.64/10), multicast or unspecified.
 * An administrator may allow private addresses for one subscription. Checked when a subscription is saved and again
 * before every delivery, since a name may come to resolve elsewhere.
 */
public final class PublicAddresses {

    private PublicAddresses() {
    }

    /** Refuses a URL that is not a valid http(s) URL with a host, with a message for the user. */
    public static URI checkedUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new InvalidInputException("url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInputException("url must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidInputException("url must name a host");
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidInputException("url must not carry credentials: the deliveries are signed instead");
        }
        return uri;
    }

    /** Why the URL's host may not be called, or empty when it may (private addresses pass when allowed). */
    public static Optional<String> refusal(URI uri, boolean allowPrivate) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the host " + uri.getHost() + " cannot be resolved");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("the host " + uri.getHost() + " resolves to the private or local address "
                        + address.getHostAddress() + "; only an administrator can allow that (allowPrivate)");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc; // unique local fc00::/7
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return !(first == 100 && second >= 64 && second <= 127) && first != 0;
    }
}
