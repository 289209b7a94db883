package dev.helix.projects.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.projects.internal.DemoProject;
import dev.helix.projects.internal.GitRepositories;
import dev.helix.projects.internal.ProjectFolders;
import dev.helix.projects.model.BranchChanges;
import dev.helix.projects.model.ChangedFile;
import dev.helix.projects.model.MergeOutcome;
import dev.helix.projects.model.Project;
import dev.helix.projects.model.ProjectOrigin;
import dev.helix.shared.error.ConflictException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import dev.helix.projects.model.RepositoryUnavailableException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskWorktreesTest {

    @TempDir
    Path dir;

    private TaskWorktrees worktrees;
    private Path checkout;
    private Project project;

    private ProjectFolders folders() {
        return ProjectFolders.at(dir.resolve("helix"));
    }

    @BeforeEach
    void aRepositoryWithItsDefaultBranchCheckedOut() {
        GitRepositories git = new GitRepositories();
        worktrees = TaskWorktrees.standalone(ProjectFolders.at(dir.resolve("helix")));
        checkout = dir.resolve("repo");
        git.create(checkout, "main", DemoProject.files(), "Seed");
        project = new Project("demo", ProjectOrigin.PATH, checkout.toString(), checkout, "main", null, Instant.now());
    }

    @Test
    void theWorktreeIsAPlainFolderOfTheBranchAndEachItemOneCommitFoundAgainRatherThanRepeated() throws Exception {
        Path worktree = worktrees.prepare(project, 7);
        assertEquals(Files.readString(checkout.resolve("lib/greet.sh")), Files.readString(worktree.resolve("lib/greet.sh")));
        assertFalse(Files.exists(worktree.resolve(".git")), "no repository inside the worktree a sandbox mounts");

        Files.writeString(worktree.resolve("NOTES.md"), "one\ntwo\n");
        String first = worktrees.commitItem(project, 7, 1, "Write notes", "agent-1").orElseThrow();
        assertEquals(Optional.of(first), worktrees.itemCommit(project, 7, 1));
        Files.writeString(worktree.resolve("NOTES.md"), "one\ntwo\nthree\n");
        assertEquals(Optional.of(first), worktrees.commitItem(project, 7, 1, "Write notes", "agent-1"),
                "an item committed before a crash is not committed twice");
        assertTrue(worktrees.uncommitted(project, 7).contains("+three"));
        String second = worktrees.commitItem(project, 7, 2, "More notes", "agent-1").orElseThrow();
        assertEquals(Optional.empty(), worktrees.commitItem(project, 7, 3, "Nothing", "agent-1"), "no change, no commit");

        try (Repository repo = Git.open(checkout.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
            RevCommit tip = walk.parseCommit(repo.resolve("refs/heads/helix/task-7"));
            assertEquals(second, tip.name());
            assertEquals(List.of("7"), tip.getFooterLines("Helix-Task"));
            assertEquals(List.of("2"), tip.getFooterLines("Helix-Item"));
            assertEquals("agent-1", tip.getAuthorIdent().getName());
        }
        try (Git git = Git.open(checkout.toFile())) {
            assertEquals("main", git.getRepository().getBranch());
            assertTrue(git.status().call().isClean(), "the user's checkout is untouched");
        }
    }

    @Test
    void theChangesAreWhatTheBranchDidSinceItForkedAndStayReadableOnceMerged() throws Exception {
        assertEquals(Optional.empty(), worktrees.changes(project, 8), "no branch before the first item");
        Path worktree = worktrees.prepare(project, 8);
        Files.writeString(worktree.resolve("NOTES.md"), "a\nb\n");
        Files.delete(worktree.resolve("README.md"));
        worktrees.commitItem(project, 8, 1, "Notes", "agent-1");

        BranchChanges changes = worktrees.changes(project, 8).orElseThrow();
        assertEquals("helix/task-8", changes.branch());
        assertEquals(List.of(new ChangedFile("NOTES.md", "ADD", 2, 0), new ChangedFile("README.md", "DELETE", 0, 4)),
                changes.files().stream().sorted((x, y) -> x.path().compareTo(y.path())).toList());
        assertTrue(changes.diff().contains("+++ b/NOTES.md"), changes.diff());

        MergeOutcome merged = worktrees.merge(project, 8, "Notes", "ana");
        assertTrue(merged.isMerged());
        assertEquals(merged, worktrees.merge(project, 8, "Notes", "ana"), "approving twice merges once");
        assertEquals("a\nb\n", Files.readString(checkout.resolve("NOTES.md")), "the checked-out default branch follows the merge");
        try (Git git = Git.open(checkout.toFile())) {
            assertTrue(git.status().call().isClean());
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            assertEquals(2, head.getParentCount());
            assertEquals("ana", head.getAuthorIdent().getName());
        }
        assertEquals(2, worktrees.changes(project, 8).orElseThrow().files().size(), "what was approved is still there to read");
    }

    @Test
    void aBranchAndWorktreeLeftByAnEarlierTaskOfTheSameIdAreSetAsideNotReused() throws Exception {
        Files.writeString(worktrees.prepare(project, 11).resolve("OLD.md"), "from a database since started afresh\n");
        String old = worktrees.commitItem(project, 11, 1, "Old work", "agent-0").orElseThrow();
        Files.writeString(folders().worktree(11).resolve("LEFT.md"), "uncommitted\n");

        String aside = worktrees.startAfresh(project, 11).orElseThrow();
        assertTrue(aside.startsWith("helix/stale/task-11-"), aside);
        assertEquals(Optional.empty(), worktrees.itemCommit(project, 11, 1), "the new task's first item is not taken as done");
        Path fresh = worktrees.prepare(project, 11);
        assertFalse(Files.exists(fresh.resolve("OLD.md")) || Files.exists(fresh.resolve("LEFT.md")), "the new task starts from main");
        try (Repository repo = Git.open(checkout.toFile()).getRepository()) {
            assertEquals(old, repo.exactRef("refs/heads/" + aside).getObjectId().name(), "the earlier work is kept aside");
        }
        assertEquals(Optional.empty(), worktrees.startAfresh(project, 11), "a branch without commits of its own is just dropped");
    }

    @Test
    void aRepositoryThatCannotBeUsedIsSaidSoWithoutTheServersPaths() throws Exception {
        worktrees.prepare(project, 9);
        Files.writeString(worktrees.prepare(project, 9).resolve("NOTES.md"), "a\n");
        worktrees.commitItem(project, 9, 1, "Notes", "agent-1");
        try (var files = Files.walk(checkout.resolve(".git/objects"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }

        RepositoryUnavailableException unavailable = assertThrows(RepositoryUnavailableException.class,
                () -> worktrees.changes(project, 9));
        assertEquals(503, unavailable.status());
        assertTrue(unavailable.getMessage().startsWith("Project 'demo's repository could not be used"), unavailable.getMessage());
        assertFalse(unavailable.getMessage().contains(dir.toString()), "the message names no path of the server");
    }

    @Test
    void aConflictLeavesTheDefaultBranchAloneAndTheMergeInTheWorktreeForTheNextCommitToComplete() throws Exception {
        Path worktree = worktrees.prepare(project, 9);
        Files.writeString(worktree.resolve("README.md"), "# task's\n");
        worktrees.commitItem(project, 9, 1, "Readme", "agent-1");
        Files.writeString(checkout.resolve("README.md"), "# user's\n");
        try (Git git = Git.open(checkout.toFile())) {
            git.commit().setAll(true).setMessage("User edit").setAuthor(GitRepositories.HELIX).setSign(false).call();
        }
        String mainBefore = head(checkout);

        MergeOutcome outcome = worktrees.merge(project, 9, "Readme", "ana");
        assertFalse(outcome.isMerged());
        assertEquals(List.of("README.md"), outcome.conflicts());
        assertEquals(mainBefore, head(checkout));
        assertTrue(Files.readString(worktree.resolve("README.md")).contains("<<<<<<<"), "the conflict is the agent's to resolve");

        Files.writeString(worktree.resolve("NOTES.md"), "more\n");
        IllegalStateException markers = assertThrows(IllegalStateException.class,
                () -> worktrees.commitItem(project, 9, 2, "Resolve the conflict", "agent-1"));
        assertTrue(markers.getMessage().contains("README.md still holds conflict markers"), markers.getMessage());
        Files.writeString(worktree.resolve("README.md"), "# both\n");
        String resolved = worktrees.commitItem(project, 9, 2, "Resolve the conflict", "agent-1").orElseThrow();
        try (Repository repo = Git.open(checkout.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
            assertEquals(2, walk.parseCommit(repo.resolve(resolved)).getParentCount(), "the resolution completes the merge");
        }
        assertTrue(worktrees.merge(project, 9, "Readme", "ana").isMerged());
        assertEquals("# both\n", Files.readString(checkout.resolve("README.md")));
    }

    @Test
    void localChangesInTheCheckedOutDefaultBranchRefuseTheMergeAndKeepEverything() throws Exception {
        Path worktree = worktrees.prepare(project, 10);
        Files.writeString(worktree.resolve("README.md"), "# task's\n");
        worktrees.commitItem(project, 10, 1, "Readme", "agent-1");
        Files.writeString(checkout.resolve("README.md"), "# uncommitted\n");
        String before = head(checkout);

        ConflictException refused = assertThrows(ConflictException.class, () -> worktrees.merge(project, 10, "Readme", "ana"));
        assertTrue(refused.getMessage().contains("local changes"), refused.getMessage());
        assertEquals(before, head(checkout));
        assertEquals("# uncommitted\n", Files.readString(checkout.resolve("README.md")));
    }

    @Test
    void aRemovedWorktreeIsNotCommittedFromButComesBackFromItsBranchWhenPrepared() throws Exception {
        Path worktree = worktrees.prepare(project, 11);
        Files.writeString(worktree.resolve("NOTES.md"), "kept\n");
        worktrees.commitItem(project, 11, 1, "Notes", "agent-1");
        worktrees.remove(11);
        assertFalse(Files.exists(worktree));
        assertThrows(IllegalStateException.class, () -> worktrees.commitItem(project, 11, 2, "Late", "agent-1"),
                "an agent still at work when its task ended does not bring the worktree back");
        assertFalse(Files.exists(worktree));
        assertEquals("kept\n", Files.readString(worktrees.prepare(project, 11).resolve("NOTES.md")));
    }

    @Test
    void whatGitMustNotReadInAWorktreeIsRemovedBeforeACommitAndALeftoverCheckoutIsRedone() throws Exception {
        Files.createDirectories(dir.resolve("helix/worktrees/task-12.new/lib"));
        Files.writeString(dir.resolve("helix/worktrees/task-12.new/lib/greet.sh"), "half written\n");
        Path worktree = worktrees.prepare(project, 12);
        assertEquals(Files.readString(checkout.resolve("lib/greet.sh")), Files.readString(worktree.resolve("lib/greet.sh")),
                "a checkout a crash left half done is done again");

        assertEquals(0, new ProcessBuilder("mkfifo", worktree.resolve("pipe").toString()).start().waitFor());
        Files.createDirectories(worktree.resolve("vendor/.git"));
        Files.writeString(worktree.resolve("vendor/.git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(worktree.resolve("lib/.git"), "gitdir: /etc\n");
        Files.writeString(worktree.resolve("vendor/lib.sh"), "echo vendored\n");
        worktrees.commitItem(project, 12, 1, "Vendor", "agent-1").orElseThrow();

        List<String> files = worktrees.changes(project, 12).orElseThrow().files().stream().map(ChangedFile::path).toList();
        assertEquals(List.of("vendor/lib.sh"), files, "no FIFO, no nested repository, no pointer to one");
        assertFalse(Files.exists(worktree.resolve("pipe")));
        assertFalse(Files.exists(worktree.resolve("vendor/.git")));
    }

    private static String head(Path repo) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            return git.getRepository().resolve("HEAD").name();
        }
    }
}
