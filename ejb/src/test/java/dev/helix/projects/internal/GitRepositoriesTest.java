package dev.helix.projects.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.shared.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRepositoriesTest {

    @TempDir
    Path dir;

    private final GitRepositories git = new GitRepositories();

    @Test
    void aCreatedRepositoryHoldsItsFilesInAFirstCommitOnItsBranchAndClonesWithThem() throws Exception {
        Path origin = dir.resolve("origin");
        git.create(origin, "trunk", DemoProject.files(), "Seed");
        assertEquals("trunk", git.checkRegistered(origin));
        assertTrue(git.mayUseBranch(origin, "trunk"));
        assertFalse(git.mayUseBranch(origin, "main"), "a repository with commits has only the branches it has");

        Path clone = dir.resolve("clone");
        assertEquals("trunk", git.cloneInto("file://" + origin, clone, Duration.ofSeconds(30)));
        assertEquals(Files.readString(origin.resolve("test.sh")), Files.readString(clone.resolve("test.sh")));

        git.delete(clone);
        assertFalse(Files.exists(clone));
    }

    @Test
    void whatIsNotARepositoryOrCannotBeClonedIsRefusedWithTheReason() throws Exception {
        Files.createDirectories(dir.resolve("plain"));
        assertEquals("repository.path " + dir.resolve("plain") + " is not a git repository",
                assertThrows(InvalidInputException.class, () -> git.checkRegistered(dir.resolve("plain"))).getMessage());
        assertTrue(assertThrows(InvalidInputException.class, () -> git.checkRegistered(dir.resolve("none"))).getMessage()
                .endsWith("is not a folder on the server"));
        Path target = dir.resolve("failed-clone");
        assertTrue(assertThrows(InvalidInputException.class, () -> git.cloneInto("file://" + dir.resolve("none"), target,
                Duration.ofSeconds(10))).getMessage().startsWith("repository.url could not be cloned"));
        assertFalse(Files.exists(target), "a failed clone leaves nothing behind");
    }

    @Test
    void theDemoProjectsTestFailsUntilTheGreetingIsFixed() throws Exception {
        Path demo = dir.resolve("demo");
        git.create(demo, "main", DemoProject.files(), "Seed");
        assertEquals(1, run(demo), "the demo's test fails as seeded");
        Files.writeString(demo.resolve("lib/greet.sh"), Files.readString(demo.resolve("lib/greet.sh"))
                .replace("\"Hello, $1\"", "\"Hello, $1!\""));
        assertEquals(0, run(demo));
    }

    private static int run(Path repository) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", DemoProject.TEST_COMMAND).directory(repository.toFile())
                .redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }
}
