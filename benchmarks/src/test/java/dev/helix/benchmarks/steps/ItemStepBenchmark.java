package dev.helix.benchmarks.steps;

import dev.helix.projects.internal.DemoProject;
import dev.helix.projects.internal.GitRepositories;
import dev.helix.projects.internal.ProjectFolders;
import dev.helix.projects.model.Project;
import dev.helix.projects.model.ProjectOrigin;
import dev.helix.projects.service.TaskWorktrees;
import dev.helix.sandbox.model.CommandResult;
import dev.helix.sandbox.model.SandboxLimits;
import dev.helix.sandbox.service.Sandbox;
import dev.helix.tasks.internal.WorktreeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What Helix itself adds to a model's time on a checklist item, the model answering instantly: a file tool call in
 * the task's worktree (write, then read back), a command in the sandbox (bubblewrap, {@code true}), and the item's
 * commit on the task's branch (stage the worktree, write the tree and commit, move the branch), on the demo
 * project's repository. The database's share (recording the item and each tool call) is the lifecycle harness's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@State(Scope.Benchmark)
public class ItemStepBenchmark {

    private Path root;
    private Project project;
    private TaskWorktrees worktrees;
    private WorktreeFiles files;
    private Sandbox sandbox;
    private Path worktree;
    private int item;

    @Setup(Level.Trial)
    public void aDemoRepositoryWithATaskWorktree() throws IOException {
        root = Files.createTempDirectory("helix-item-bench");
        Path repository = root.resolve("repo");
        new GitRepositories().create(repository, "main", DemoProject.files(), "Seed");
        project = new Project("bench", ProjectOrigin.PATH, repository.toString(), repository, "main", "true", Instant.now());
        worktrees = TaskWorktrees.standalone(ProjectFolders.at(root.resolve("helix")));
        worktree = worktrees.prepare(project, 1);
        files = new WorktreeFiles(worktree);
        sandbox = Sandbox.standalone("bubblewrap", "bwrap", 200_000, 4, 65534);
    }

    @TearDown(Level.Trial)
    public void removeIt() {
        new GitRepositories().delete(root);
    }

    @Benchmark
    public String fileToolCall() throws IOException {
        files.write("docs/notes.md", "- item " + item++ + "\n");
        return files.read("docs/notes.md");
    }

    @Benchmark
    public CommandResult sandboxRun() {
        return sandbox.run(worktree, "true", SandboxLimits.defaults());
    }

    @Benchmark
    public Optional<String> commitItem() throws IOException {
        Files.writeString(worktree.resolve("lib/greet.sh"), "greet() { echo \"Hello, $1 (" + item + ")\"; }\n");
        return worktrees.commitItem(project, 1, ++item, "Item " + item, "bench");
    }
}
