package dev.helix.projects.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.projects.internal.DemoProject;
import dev.helix.projects.internal.GitRepositories;
import dev.helix.projects.model.Project;
import dev.helix.projects.model.ProjectOrigin;
import dev.helix.projects.model.SpecsCommit;
import dev.helix.projects.model.SpecsPublication;
import dev.helix.shared.error.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecsBranchTest {

    @TempDir
    Path dir;

    private final SpecsBranch specs = new SpecsBranch();
    private Project project;

    @BeforeEach
    void aRepositoryWithAWorkingTree() {
        specs.git = new GitRepositories();
        specs.git.create(dir, "main", DemoProject.files(), "Seed");
        project = new Project("demo", ProjectOrigin.HOSTED, null, dir, "main", null, Instant.now());
    }

    @Test
    void eachRevisionIsACommitOfTheTasksFolderWhoseHistoryAndDocumentsCanBeReadBack() throws Exception {
        String first = specs.publish(project, publication(7, Map.of("task.md", "# Add\n"), "Task 7: created", 1));
        String second = specs.publish(project, publication(7, Map.of("task.md", "# Add\n", "plan.md", "- [ ] Write add\n"),
                "Task 7: SPEC_GENERATION → SPEC_REVIEW", 2));
        specs.publish(project, publication(8, Map.of("task.md", "# Other\n"), "Task 8: created", 3));

        List<SpecsCommit> history = specs.history(project, "tasks/7");
        assertEquals(List.of(second, first), history.stream().map(SpecsCommit::commit).toList(), "newest first, task 8's left out");
        assertEquals("Task 7: SPEC_GENERATION → SPEC_REVIEW", history.get(0).message());
        assertEquals("ana", history.get(0).actor());
        assertEquals("SPEC_REVIEW", history.get(0).status());
        assertEquals(2L, history.get(0).revision());
        assertEquals(Map.of("task.md", "# Add\n"), specs.filesAt(project, first, "tasks/7"));
        assertEquals("- [ ] Write add\n", specs.filesAt(project, second, "tasks/7").get("plan.md"));
        assertThrows(NotFoundException.class, () -> specs.filesAt(project, "0".repeat(40), "tasks/7"));
        assertThrows(NotFoundException.class, () -> specs.filesAt(project, "HEAD~1", "tasks/7"));

        String added = specs.changesAt(project, second, "tasks/7");
        assertTrue(added.contains("+++ b/tasks/7/plan.md") && added.contains("+- [ ] Write add"), added);
        assertFalse(added.contains("task.md"), "what the commit left as it was is not in its diff: " + added);
        assertTrue(specs.changesAt(project, first, "tasks/7").contains("+# Add"), "the first commit against nothing");
        assertThrows(NotFoundException.class, () -> specs.changesAt(project, "0".repeat(40), "tasks/7"));

        try (Git git = Git.open(dir.toFile())) {
            assertEquals("main", git.getRepository().getBranch(), "the user's checkout is untouched");
            assertTrue(git.status().call().isClean());
            assertFalse(Files.exists(dir.resolve("tasks")));
        }
    }

    @Test
    void aRevisionAlreadyOnTheBranchIsNotCommittedAgain() {
        String commit = specs.publish(project, publication(7, Map.of("task.md", "# Add\n"), "Task 7: created", 41));
        assertEquals(commit, specs.publish(project, publication(7, Map.of("task.md", "# Add\n"), "Task 7: created", 41)),
                "a crash between the commit and its record must not commit the revision twice");
        assertEquals(1, specs.history(project, "tasks/7").size());
    }

    @Test
    void theBranchOnlyMovesForwardAlsoWithManyWritersAtOnce() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<String>> commits = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            int revision = i;
            commits.add(writers.submit(() -> specs.publish(project,
                    publication(revision % 5, Map.of("task.md", "revision " + revision + "\n"), "r" + revision, revision))));
        }
        Set<String> written = new HashSet<>();
        for (Future<String> commit : commits) {
            written.add(commit.get());
        }
        writers.shutdown();
        assertEquals(40, written.size());

        try (Repository repo = Git.open(dir.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
            ObjectId tip = repo.exactRef("refs/heads/helix-specs").getObjectId();
            int linear = 0;
            for (RevCommit commit = walk.parseCommit(tip); commit != null;
                 commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0))) {
                assertTrue(commit.getParentCount() <= 1, "no merges, no rewrites");
                linear++;
            }
            assertEquals(40, linear, "every revision is one commit on one line of history");

            RefUpdate backwards = repo.updateRef("refs/heads/helix-specs");
            backwards.setNewObjectId(walk.parseCommit(tip).getParent(0));
            assertEquals(RefUpdate.Result.REJECTED, backwards.update(walk), "moving the branch back is refused without force");
        }
    }

    private static SpecsPublication publication(long task, Map<String, String> files, String message, long revision) {
        String status = message.contains("→") ? message.substring(message.indexOf('→') + 2) : "BACKLOG";
        return new SpecsPublication("tasks/" + task, files, message, "ana", Instant.now(), status, revision);
    }
}
