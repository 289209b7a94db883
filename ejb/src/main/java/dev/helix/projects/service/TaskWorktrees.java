package dev.helix.projects.service;

import dev.helix.projects.internal.GitRepositories;
import dev.helix.projects.internal.ProjectFolders;
import dev.helix.projects.model.BranchChanges;
import dev.helix.projects.model.ChangedFile;
import dev.helix.projects.model.MergeOutcome;
import dev.helix.projects.model.Project;
import dev.helix.shared.error.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.errors.CheckoutConflictException;
import org.eclipse.jgit.errors.LockFailedException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.filter.NotIgnoredFilter;

/**
 * A task's implementation branch, {@code helix/task-<id>}, and the worktree its agent works in. The worktree is a
 * plain folder with no {@code .git} in it: its index and any merge in progress are kept apart
 * ({@link ProjectFolders#worktreeState}), and every git operation goes through Helix, so a command run in the
 * worktree's sandbox cannot reach the repository or another task's work. Each checklist item is one commit carrying
 * {@code Helix-Task} and {@code Helix-Item} trailers, so an item committed just before a crash is found again rather
 * than committed twice. Approval merges the branch into the default branch without touching any checkout but one
 * that has the default branch checked out and no local changes in the way.
 */
@ApplicationScoped
public class TaskWorktrees {

    /** What every task's branch name starts with. */
    public static final String BRANCH_PREFIX = "helix/task-";
    private static final String TASK = "Helix-Task";
    private static final String ITEM = "Helix-Item";
    private static final String MERGE_HEAD = "MERGE_HEAD";
    private static final String CONFLICTS = "CONFLICTS";
    private static final String MARKER = "<<<<<<< ";
    private static final int MAX_DIFF = 512 * 1024;
    private static final int RECENT = 500;
    private static final int ATTEMPTS = 5;
    private static final DateTimeFormatter STALE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Logger LOG = Logger.getLogger(TaskWorktrees.class.getName());

    @Inject
    GitRepositories git;

    @Inject
    ProjectFolders folders;

    /** One per task ever seen by this server, never removed: a thread still waiting on one must share it with any later. */
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();
    private final Map<Path, Object> repositoryLocks = new ConcurrentHashMap<>();

    /** Worktrees under the folders given, outside a container (tools, tests and benchmarks). */
    public static TaskWorktrees standalone(ProjectFolders folders) {
        TaskWorktrees worktrees = new TaskWorktrees();
        worktrees.git = new GitRepositories();
        worktrees.folders = folders;
        return worktrees;
    }

    public static String branch(long taskId) {
        return BRANCH_PREFIX + taskId;
    }

    /**
     * The task's worktree, made ready: the branch is started from the default branch's tip on first use, and the
     * worktree checked out from the branch when it is not on disk (a first step, or a server that lost its disk).
     */
    public Path prepare(Project project, long taskId) {
        synchronized (lock(taskId)) {
            try (Repository repo = git.open(project); RevWalk walk = new RevWalk(repo)) {
                RevCommit tip = walk.parseCommit(startBranch(repo, project, taskId));
                Path worktree = folders.worktree(taskId);
                if (!Files.isDirectory(worktree)) {
                    Path state = folders.worktreeState(taskId);
                    git.delete(state);
                    Files.createDirectories(state);
                    Files.createDirectories(worktree.getParent());
                    Path fresh = halfCheckedOut(taskId);
                    git.delete(fresh); // what a crash midway through an earlier checkout left
                    Files.createDirectories(fresh);
                    try (Repository view = view(repo, fresh, state)) {
                        DirCacheCheckout checkout = new DirCacheCheckout(view, view.lockDirCache(), tip.getTree());
                        checkout.checkout();
                    }
                    Files.move(fresh, worktree); // whole or not at all: a crash midway leaves only the ".new" folder
                }
                return worktree;
            } catch (IOException e) {
                throw GitRepositories.unavailable(project, e);
            }
        }
    }

    /**
     * Clears what an earlier task of the same id left (a database started afresh beside a repository that kept its
     * branches, or a data folder that kept its worktrees), before a task's first item: a branch with commits of its
     * own is kept aside as {@code helix/stale/task-<id>-<when>}, one without is dropped, and a worktree is removed.
     * Answers the branch kept aside, if any.
     */
    public Optional<String> startAfresh(Project project, long taskId) {
        synchronized (lock(taskId)) {
            remove(taskId);
            try (Repository repo = git.open(project); RevWalk walk = new RevWalk(repo)) {
                Ref branch = repo.exactRef(ref(taskId));
                if (branch == null) {
                    return Optional.empty();
                }
                Ref main = repo.exactRef(Constants.R_HEADS + project.getDefaultBranch());
                RevCommit tip = walk.parseCommit(branch.getObjectId());
                boolean ownCommits = main == null || !walk.isMergedInto(tip, walk.parseCommit(main.getObjectId()));
                String aside = null;
                if (ownCommits) {
                    aside = "helix/stale/task-" + taskId + "-" + STALE_STAMP.format(Instant.now());
                    RefUpdate keep = repo.updateRef(Constants.R_HEADS + aside);
                    keep.setNewObjectId(tip);
                    keep.setExpectedOldObjectId(ObjectId.zeroId());
                    keep.setRefLogMessage("helix: kept aside, left by an earlier task " + taskId, false);
                    if (keep.update() != RefUpdate.Result.NEW) {
                        throw new IllegalStateException("The branch " + branch(taskId) + " could not be kept aside as " + aside);
                    }
                }
                RefUpdate drop = repo.updateRef(ref(taskId));
                drop.setExpectedOldObjectId(tip);
                drop.setForceUpdate(true);
                RefUpdate.Result dropped = drop.delete();
                if (dropped != RefUpdate.Result.FORCED && dropped != RefUpdate.Result.FAST_FORWARD) {
                    throw new IllegalStateException("The branch " + branch(taskId) + " left by an earlier task could not be "
                            + "removed: " + dropped);
                }
                if (aside != null) {
                    String kept = aside;
                    LOG.warning(() -> "Project '" + project.getName() + "' had a branch " + branch(taskId) + " from an earlier task "
                            + taskId + "; it is kept as " + kept + " and the new task starts afresh");
                }
                return Optional.ofNullable(aside);
            } catch (IOException e) {
                throw GitRepositories.unavailable(project, e);
            }
        }
    }

    /** The commit of the branch that already holds this checklist item of the task, if one does. */
    public Optional<String> itemCommit(Project project, long taskId, int item) {
        try (Repository repo = git.open(project)) {
            return findItem(repo, project, taskId, item);
        } catch (IOException e) {
            throw GitRepositories.unavailable(project, e);
        }
    }

    /**
     * Commits what the worktree holds now as the checklist item's commit, unless the branch has it already; nothing is
     * committed when nothing changed (and no merge is in progress). A worktree removed meanwhile (its task ended) is
     * not brought back.
     */
    public Optional<String> commitItem(Project project, long taskId, int item, String message, String actor) {
        synchronized (lock(taskId)) {
            try (Repository repo = git.open(project); RevWalk walk = new RevWalk(repo)) {
                Optional<String> earlier = findItem(repo, project, taskId, item);
                if (earlier.isPresent()) {
                    return earlier;
                }
                Path worktree = existing(repo, taskId);
                scrub(worktree);
                Path state = folders.worktreeState(taskId);
                RevCommit tip = walk.parseCommit(repo.exactRef(ref(taskId)).getObjectId());
                ObjectId mergeHead = pendingMerge(state);
                if (mergeHead != null) {
                    refuseConflictMarkers(worktree, state);
                }
                try (Repository view = view(repo, worktree, state); Git work = Git.wrap(view);
                     ObjectInserter inserter = repo.newObjectInserter()) {
                    work.add().addFilepattern(".").call();
                    work.add().setUpdate(true).addFilepattern(".").call();
                    ObjectId tree = view.readDirCache().writeTree(inserter);
                    if (mergeHead == null && tree.equals(tip.getTree())) {
                        return Optional.empty();
                    }
                    CommitBuilder commit = commit(tree, actor, message + "\n\n" + TASK + ": " + taskId + "\n" + ITEM + ": " + item + "\n");
                    commit.setParentIds(mergeHead == null ? List.of(tip) : List.of(tip, mergeHead));
                    ObjectId created = inserter.insert(commit);
                    inserter.flush();
                    move(repo, walk, ref(taskId), tip, created);
                    Files.deleteIfExists(state.resolve(MERGE_HEAD));
                    Files.deleteIfExists(state.resolve(CONFLICTS));
                    return Optional.of(created.name());
                } catch (GitAPIException e) {
                    throw new IllegalStateException("The worktree of task " + taskId + " could not be staged: " + e.getMessage(), e);
                }
            } catch (IOException e) {
                throw GitRepositories.unavailable(project, e);
            }
        }
    }

    /** What the worktree changes against the branch's last commit, as a unified diff (cut at a length). */
    public String uncommitted(Project project, long taskId) {
        synchronized (lock(taskId)) {
            try (Repository repo = git.open(project); RevWalk walk = new RevWalk(repo)) {
                Path worktree = existing(repo, taskId);
                scrub(worktree);
                RevCommit tip = walk.parseCommit(repo.exactRef(ref(taskId)).getObjectId());
                try (Repository view = view(repo, worktree, folders.worktreeState(taskId))) {
                    return describe(view, tree(repo, tip), new FileTreeIterator(view), true).diff();
                }
            } catch (IOException e) {
                throw GitRepositories.unavailable(project, e);
            }
        }
    }

    /**
     * What the task's branch changes against where it forked from the default branch (or, once merged, was merged);
     * empty while the task has no branch (its agent has not started on its checklist).
     */
    public Optional<BranchChanges> changes(Project project, long taskId) {
        try (Repository repo = git.open(project); RevWalk walk = new RevWalk(repo)) {
            Ref branch = repo.exactRef(ref(taskId));
            if (branch == null) {
                return Optional.empty();
            }
            RevCommit head = walk.parseCommit(branch.getObjectId());
            RevCommit base = base(repo, walk, project, head);
            Described described = describe(repo, tree(repo, base), tree(repo, head), false);
            return Optional.of(new BranchChanges(branch(taskId), base.name(), head.name(), described.files(), described.diff(),
                    described.cut()));
        } catch (IOException e) {
            throw GitRepositories.unavailable(project, e);
        }
    }

    /**
     * Merges the task's branch into the default branch (always as a merge commit, which names the task). A branch
     * merged already gives that merge again (or, where it cannot be found among the default branch's recent commits,
     * the default branch's tip); a task with no branch gives the tip, with nothing merged. A conflict leaves the default branch as it was and puts the merge, with
     * its conflict markers, into the task's worktree, so the task's next commit completes it.
     */
    public MergeOutcome merge(Project project, long taskId, String title, String actor) {
        synchronized (lock(taskId)) {
            synchronized (repositoryLocks.computeIfAbsent(project.getRepository(), p -> new Object())) {
                return mergeLocked(project, taskId, title, actor);
            }
        }
    }

    private MergeOutcome mergeLocked(Project project, long taskId, String title, String actor) {
        try (Repository repo = git.open(project); RevWalk walk = new RevWalk(repo)) {
            Ref branch = repo.exactRef(ref(taskId));
            String target = Constants.R_HEADS + project.getDefaultBranch();
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Ref defaultRef = repo.exactRef(target);
                if (defaultRef == null) {
                    throw new ConflictException("The default branch '" + project.getDefaultBranch() + "' of project '"
                            + project.getName() + "' is gone");
                }
                RevCommit ours = walk.parseCommit(defaultRef.getObjectId());
                if (branch == null) {
                    return MergeOutcome.merged(ours.name()); // the agent never changed a file: nothing to merge
                }
                RevCommit theirs = walk.parseCommit(branch.getObjectId());
                if (walk.isMergedInto(theirs, ours)) {
                    return MergeOutcome.merged(mergeOf(walk, ours, theirs).name());
                }
                ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repo, true);
                if (!merger.merge(ours, theirs)) {
                    List<String> conflicts = new ArrayList<>(merger.getUnmergedPaths());
                    takeIntoWorktree(project, repo, taskId, theirs, ours);
                    return MergeOutcome.conflicted(conflicts);
                }
                ObjectId created;
                try (ObjectInserter inserter = repo.newObjectInserter()) {
                    CommitBuilder commit = commit(merger.getResultTreeId(), actor, "Merge " + branch(taskId) + ": " + title
                            + "\n\n" + TASK + ": " + taskId + "\n");
                    commit.setParentIds(ours, theirs);
                    created = inserter.insert(commit);
                    inserter.flush();
                }
                bringCheckoutAlong(repo, target, ours, walk.parseCommit(created));
                if (tryMove(repo, walk, target, ours, created)) {
                    return MergeOutcome.merged(created.name());
                }
            }
            throw new ConflictException("The default branch of project '" + project.getName() + "' kept moving; approve again");
        } catch (LockFailedException e) {
            throw new ConflictException("The repository of project '" + project.getName() + "' is locked by another git "
                    + "program (" + e.getFile().getName() + "); approve again once it is done");
        } catch (IOException e) {
            throw GitRepositories.unavailable(project, e);
        }
    }

    /** Removes the task's worktree and its git state; the branch stays, with all the task's commits. */
    public void remove(long taskId) {
        synchronized (lock(taskId)) {
            git.delete(folders.worktree(taskId));
            git.delete(halfCheckedOut(taskId));
            git.delete(folders.worktreeState(taskId));
        }
    }

    /** The task's worktree, which must be there: one removed meanwhile (its task ended) is not brought back. */
    private Path existing(Repository repo, long taskId) throws IOException {
        Path worktree = folders.worktree(taskId);
        if (!Files.isDirectory(worktree) || repo.exactRef(ref(taskId)) == null) {
            throw new IllegalStateException("The worktree of task " + taskId + " is gone: the task has ended");
        }
        return worktree;
    }

    /**
     * Removes from the worktree what git must never read there: special files (a FIFO would block a read for good,
     * a device or socket means nothing in a commit) and any {@code .git} (a nested repository, or a file pointing to
     * one elsewhere on the server).
     */
    private void scrub(Path worktree) throws IOException {
        List<Path> doomed = new ArrayList<>();
        Files.walkFileTree(worktree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (!dir.equals(worktree) && dir.getFileName().toString().equals(Constants.DOT_GIT)) {
                    doomed.add(dir);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isOther() || file.getFileName().toString().equals(Constants.DOT_GIT)) {
                    doomed.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (Path path : doomed) {
            LOG.info(() -> "Removing " + worktree.relativize(path) + " from " + worktree + ": git does not take it from a worktree");
            git.delete(path);
        }
    }

    /** Refuses to complete a merge while a file that conflicted still holds conflict markers. */
    private static void refuseConflictMarkers(Path worktree, Path state) throws IOException {
        Path conflicts = state.resolve(CONFLICTS);
        if (!Files.exists(conflicts)) {
            return;
        }
        for (String path : Files.readAllLines(conflicts)) {
            Path file = worktree.resolve(path);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    && Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream().anyMatch(l -> l.startsWith(MARKER))) {
                throw new IllegalStateException(path + " still holds conflict markers (" + MARKER.strip() + "); resolve the "
                        + "conflict before the item is committed");
            }
        }
    }

    /** The merge commit that brought the branch's tip into the default branch, else the default branch's tip. */
    private static RevCommit mergeOf(RevWalk walk, RevCommit target, RevCommit head) throws IOException {
        RevCommit commit = target;
        for (int i = 0; i < RECENT && commit != null; i++) {
            if (commit.getParentCount() > 1 && commit.getParent(1).equals(head)) {
                return commit;
            }
            commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
        }
        return target;
    }

    /** Where a worktree is checked out before it is moved into place whole. */
    private Path halfCheckedOut(long taskId) {
        Path worktree = folders.worktree(taskId);
        return worktree.resolveSibling(worktree.getFileName() + ".new");
    }

    private Object lock(long taskId) {
        return locks.computeIfAbsent(taskId, id -> new Object());
    }

    private static String ref(long taskId) {
        return Constants.R_HEADS + branch(taskId);
    }

    /** The branch's tip, the branch first started from the default branch's tip when it does not exist. */
    private static ObjectId startBranch(Repository repo, Project project, long taskId) throws IOException {
        Ref existing = repo.exactRef(ref(taskId));
        if (existing != null) {
            return existing.getObjectId();
        }
        Ref start = repo.exactRef(Constants.R_HEADS + project.getDefaultBranch());
        if (start == null) {
            throw new ConflictException("Project '" + project.getName() + "' has no commit on its default branch '"
                    + project.getDefaultBranch() + "' to start task " + taskId + "'s branch from");
        }
        RefUpdate update = repo.updateRef(ref(taskId));
        update.setNewObjectId(start.getObjectId());
        update.setExpectedOldObjectId(ObjectId.zeroId());
        update.setRefLogMessage("helix: start task " + taskId, false);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW) {
            throw new IllegalStateException("The branch " + branch(taskId) + " could not be started: " + result);
        }
        return start.getObjectId();
    }

    /** The repository seen through the task's worktree and its own index: HEAD and the refs stay the repository's. */
    private static Repository view(Repository repo, Path worktree, Path state) throws IOException {
        return new FileRepositoryBuilder().setGitDir(repo.getDirectory()).setWorkTree(worktree.toFile())
                .setIndexFile(state.resolve("index").toFile()).setMustExist(true).build();
    }

    private static ObjectId pendingMerge(Path state) throws IOException {
        Path file = state.resolve(MERGE_HEAD);
        return Files.exists(file) ? ObjectId.fromString(Files.readString(file).strip()) : null;
    }

    /** Merges the default branch into the worktree, conflict markers and all, to be completed by the next commit. */
    private void takeIntoWorktree(Project project, Repository repo, long taskId, RevCommit branchTip, RevCommit defaultTip)
            throws IOException {
        Path worktree = prepare(project, taskId);
        scrub(worktree);
        Path state = folders.worktreeState(taskId);
        try (Repository view = view(repo, worktree, state)) {
            ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(view, false);
            merger.setWorkingTreeIterator(new FileTreeIterator(view));
            merger.merge(branchTip, defaultTip);
            if (merger.getFailingPaths() != null) {
                throw new ConflictException("The branch of task " + taskId + " conflicts with the default branch, and its "
                        + "worktree has uncommitted changes in " + merger.getFailingPaths().keySet() + " the merge could not "
                        + "be written over; the task stays at review");
            }
            Files.write(state.resolve(CONFLICTS), merger.getUnmergedPaths());
        }
        Files.writeString(state.resolve(MERGE_HEAD), defaultTip.name() + "\n");
    }

    /**
     * Where a non-bare repository has the target branch checked out, its files and index follow the merge (refused
     * with a 409 when local changes there are in the way); any other checkout is left as it is.
     */
    private static void bringCheckoutAlong(Repository repo, String target, RevCommit from, RevCommit to) throws IOException {
        if (repo.isBare() || !target.equals(repo.getFullBranch())) {
            return;
        }
        DirCache index = repo.lockDirCache();
        try {
            DirCacheCheckout checkout = new DirCacheCheckout(repo, from.getTree(), index, to.getTree());
            checkout.setFailOnConflict(true);
            checkout.checkout();
        } catch (CheckoutConflictException e) {
            throw new ConflictException("The checkout of the project's repository has the default branch checked out with "
                    + "local changes the merge would overwrite (" + e.getMessage() + "); commit or stash them there and approve again");
        } finally {
            index.unlock();
        }
    }

    private static void move(Repository repo, RevWalk walk, String ref, ObjectId from, ObjectId to) throws IOException {
        if (!tryMove(repo, walk, ref, from, to)) {
            throw new IllegalStateException(ref + " moved while Helix committed on it; the step is done again");
        }
    }

    private static boolean tryMove(Repository repo, RevWalk walk, String ref, ObjectId from, ObjectId to) throws IOException {
        RefUpdate update = repo.updateRef(ref);
        update.setNewObjectId(to);
        update.setExpectedOldObjectId(from);
        update.setRefLogMessage("helix: commit " + to.name(), false);
        RefUpdate.Result result = update.update(walk);
        return switch (result) {
            case FAST_FORWARD, NEW -> true;
            case LOCK_FAILURE -> false;
            default -> throw new IllegalStateException(ref + " refused the commit " + to.name() + ": " + result);
        };
    }

    private static CommitBuilder commit(ObjectId tree, String actor, String message) {
        long now = Instant.now().toEpochMilli();
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        commit.setAuthor(new PersonIdent(actor, actor + "@helix", now, 0));
        commit.setCommitter(new PersonIdent(GitRepositories.HELIX, now, 0));
        commit.setMessage(message);
        return commit;
    }

    /** The item's commit among the branch's own (what the default branch holds, an old task's trailers, is not). */
    private static Optional<String> findItem(Repository repo, Project project, long taskId, int item) throws IOException {
        Ref branch = repo.exactRef(ref(taskId));
        if (branch == null) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(branch.getObjectId()));
            Ref target = repo.exactRef(Constants.R_HEADS + project.getDefaultBranch());
            if (target != null) {
                walk.markUninteresting(walk.parseCommit(target.getObjectId()));
            }
            int seen = 0;
            for (RevCommit commit : walk) {
                if (commit.getFooterLines(TASK).contains(String.valueOf(taskId))
                        && commit.getFooterLines(ITEM).contains(String.valueOf(item))) {
                    return Optional.of(commit.name());
                }
                if (++seen >= RECENT) {
                    break;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Where the branch forked from the default branch; once merged, where it forked from the default branch as it was
     * just before that merge, so the changes a reviewer approved stay readable.
     */
    private static RevCommit base(Repository repo, RevWalk walk, Project project, RevCommit head) throws IOException {
        Ref defaultRef = repo.exactRef(Constants.R_HEADS + project.getDefaultBranch());
        if (defaultRef == null) {
            return head;
        }
        RevCommit target = walk.parseCommit(defaultRef.getObjectId());
        if (walk.isMergedInto(head, target)) {
            RevCommit merge = mergeOf(walk, target, head);
            if (merge.getParentCount() > 1 && merge.getParent(1).equals(head)) {
                target = walk.parseCommit(merge.getParent(0));
            }
        }
        walk.reset();
        walk.setRevFilter(RevFilter.MERGE_BASE);
        walk.markStart(walk.parseCommit(target));
        walk.markStart(walk.parseCommit(head));
        RevCommit base = walk.next();
        walk.reset();
        walk.setRevFilter(RevFilter.ALL);
        return base == null ? head : walk.parseCommit(base);
    }

    private static AbstractTreeIterator tree(Repository repo, RevCommit commit) throws IOException {
        CanonicalTreeParser parser = new CanonicalTreeParser();
        try (var reader = repo.newObjectReader()) {
            parser.reset(reader, commit.getTree());
        }
        return parser;
    }

    private record Described(List<ChangedFile> files, String diff, boolean cut) {
    }

    private static Described describe(Repository repo, AbstractTreeIterator from, AbstractTreeIterator to, boolean worktree)
            throws IOException {
        List<ChangedFile> files = new ArrayList<>();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        boolean cut = false;
        try (DiffFormatter formatter = new DiffFormatter(text)) {
            formatter.setRepository(repo);
            formatter.setDetectRenames(true);
            if (worktree) {
                formatter.setPathFilter(new NotIgnoredFilter(1));
            }
            for (DiffEntry entry : formatter.scan(from, to)) {
                int additions = 0;
                int deletions = 0;
                for (Edit edit : formatter.toFileHeader(entry).toEditList()) {
                    additions += edit.getLengthB();
                    deletions += edit.getLengthA();
                }
                String path = entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath();
                files.add(new ChangedFile(path, entry.getChangeType().name(), additions, deletions));
                if (text.size() < MAX_DIFF) {
                    formatter.format(entry);
                    formatter.flush();
                } else {
                    cut = true;
                }
            }
        }
        String diff = text.toString(StandardCharsets.UTF_8);
        if (diff.length() > MAX_DIFF) {
            diff = diff.substring(0, MAX_DIFF);
            cut = true;
        }
        return new Described(files, diff, cut);
    }
}
