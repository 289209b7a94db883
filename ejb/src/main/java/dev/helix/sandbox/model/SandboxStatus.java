package dev.helix.sandbox.model;

/**
 * Which isolation commands run under on this server.
 *
 * @param isolation {@code bubblewrap}, or {@code none} when commands are refused
 * @param version   the isolation tool's version, when known
 * @param runsAs    the user commands run as, e.g. {@code uid 65534}
 * @param detail    why commands are refused, or what the isolation is
 */
public record SandboxStatus(String isolation, boolean available, String version, String runsAs, SandboxLimits limits,
                            String detail) {
}
