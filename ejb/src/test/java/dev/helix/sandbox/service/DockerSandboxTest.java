package dev.helix.sandbox.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helix.sandbox.model.CommandResult;

/**
 * The Docker sandbox, for real, held to the same tests as bubblewrap: needs a Docker engine the tests may use (the
 * build's CI script installs and starts one). The memory limit is the container's, so a hog is killed by it.
 */
class DockerSandboxTest extends SandboxTest {

    @Override
    String isolation() {
        return "docker";
    }

    @Override
    String program() {
        return "docker";
    }

    @Override
    void assertStoppedByTheMemoryLimit(CommandResult result) {
        assertEquals(137, result.exitCode(), "killed by the container's memory limit: " + result);
    }
}
