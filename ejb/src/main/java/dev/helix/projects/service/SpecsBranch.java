package dev.helix.projects.service;

import dev.helix.projects.internal.GitRepositories;
import dev.helix.projects.model.Project;
import dev.helix.projects.model.SpecsCommit;
import dev.helix.projects.model.SpecsPublication;
import dev.helix.shared.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The {@code helix-specs} branch of a project's repository, where tasks' documents live, one folder per task. Helix
 * writes it as commits straight into the repository, never through a checkout, so nothing on disk (the user's working
 * tree included) is touched; each commit's parent is the branch's tip, and the branch is moved only by a
 * compare-and-set from that tip to its child: it only ever moves forward, also with several writers at once.
 */
@ApplicationScoped
public class SpecsBranch {

    /** The branch tasks' documents live on. */
    public static final String BRANCH = "helix-specs";
    private static final String REF = Constants.R_HEADS + BRANCH;
    private static final String REVISION = "Helix-Revision";
    private static final String STATUS = "Helix-Status";
    private static final int ATTEMPTS = 10;
    /** How far back a revision is looked for before it is committed again. */
    private static final int RECENT = 200;
    private static final int MAX_DIFF = 512 * 1024;

    @Inject
    GitRepositories git;

    private final Map<Path, Object> locks = new ConcurrentHashMap<>();

    /** Commits the folder's new files on top of the branch (creating it on its first use) and returns the commit. */
    public String publish(Project project, SpecsPublication publication) {
        synchronized (locks.computeIfAbsent(project.getRepository(), p -> new Object())) {
            try (Repository repo = git.open(project)) {
                for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                    // Looked for again after each lost race: the writer that won may have been another server with this revision.
                    Optional<String> already = findRevision(repo, publication.revision());
                    if (already.isPresent()) {
                        return already.get();
                    }
                    Optional<String> committed = tryCommit(repo, publication);
                    if (committed.isPresent()) {
                        return committed.get();
                    }
                }
                throw new IllegalStateException("The helix-specs branch of " + project.getName() + " kept moving; revision "
                        + publication.revision() + " is committed at the next try");
            } catch (IOException e) {
                throw GitRepositories.unavailable(project, e);
            }
        }
    }

    /** The commits of the branch that changed the folder, newest first. */
    public List<SpecsCommit> history(Project project, String folder) {
        try (Repository repo = git.open(project); RevWalk walk = new RevWalk(repo)) {
            Ref ref = repo.exactRef(REF);
            List<SpecsCommit> commits = new ArrayList<>();
            if (ref == null) {
                return commits;
            }
            walk.markStart(walk.parseCommit(ref.getObjectId()));
            walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(folder), TreeFilter.ANY_DIFF));
            for (RevCommit commit : walk) {
                commits.add(describe(commit));
            }
            return commits;
        } catch (IOException e) {
            throw GitRepositories.unavailable(project, e);
        }
    }

    /** The folder's files as the commit holds them; the commit must be on the branch and hold the folder. */
    public Map<String, String> filesAt(Project project, String commit, String folder) {
        try (Repository repo = git.open(project); RevWalk walk = new RevWalk(repo)) {
            RevCommit found = onBranch(repo, walk, commit);
            Map<String, String> files = new LinkedHashMap<>();
            try (TreeWalk tree = new TreeWalk(repo)) {
                tree.addTree(found.getTree());
                tree.setRecursive(true);
                tree.setFilter(PathFilter.create(folder));
                while (tree.next()) {
                    files.put(tree.getPathString().substring(folder.length() + 1),
                            new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
                }
            }
            if (files.isEmpty()) {
                throw new NotFoundException("Documents of " + folder + " in commit", commit);
            }
            return files;
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            throw new NotFoundException("Commit of the helix-specs branch", commit);
        } catch (IOException e) {
            throw GitRepositories.unavailable(project, e);
        }
    }

    /**
     * What the commit changed in the folder, against the commit before it on the branch, as a unified diff (cut at
     * {@value #MAX_DIFF} characters); the commit must be on the branch.
     */
    public String changesAt(Project project, String commit, String folder) {
        try (Repository repo = git.open(project); RevWalk walk = new RevWalk(repo)) {
            RevCommit found = onBranch(repo, walk, commit);
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            try (DiffFormatter formatter = new DiffFormatter(text)) {
                formatter.setRepository(repo);
                formatter.setPathFilter(PathFilter.create(folder));
                formatter.format(found.getParentCount() == 0 ? null : walk.parseCommit(found.getParent(0)).getTree(), found.getTree());
            }
            String diff = text.toString(StandardCharsets.UTF_8);
            return diff.length() > MAX_DIFF ? diff.substring(0, MAX_DIFF) + "\n… (cut)\n" : diff;
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            throw new NotFoundException("Commit of the helix-specs branch", commit);
        } catch (IOException e) {
            throw GitRepositories.unavailable(project, e);
        }
    }

    /** The commit, if it is one of the branch's; a 404 otherwise (not a commit id, not there, or of another branch). */
    private static RevCommit onBranch(Repository repo, RevWalk walk, String commit) throws IOException {
        Ref ref = repo.exactRef(REF);
        ObjectId id = commit.matches("[0-9a-f]{40}") ? ObjectId.fromString(commit) : null;
        RevCommit found = id == null || ref == null ? null : walk.parseCommit(id);
        if (found == null || !walk.isMergedInto(found, walk.parseCommit(ref.getObjectId()))) {
            throw new NotFoundException("Commit of the helix-specs branch", commit);
        }
        return found;
    }

    private Optional<String> tryCommit(Repository repo, SpecsPublication publication) throws IOException {
        Ref ref = repo.exactRef(REF);
        ObjectId tip = ref == null ? null : ref.getObjectId();
        try (ObjectInserter inserter = repo.newObjectInserter(); RevWalk walk = new RevWalk(repo)) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            if (tip != null) {
                try (TreeWalk tree = new TreeWalk(repo)) {
                    tree.addTree(walk.parseCommit(tip).getTree());
                    tree.setRecursive(true);
                    while (tree.next()) {
                        if (!tree.getPathString().startsWith(publication.folder() + "/")) {
                            DirCacheEntry entry = new DirCacheEntry(tree.getPathString());
                            entry.setFileMode(tree.getFileMode(0));
                            entry.setObjectId(tree.getObjectId(0));
                            builder.add(entry);
                        }
                    }
                }
            }
            for (Map.Entry<String, String> file : publication.files().entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(publication.folder() + "/" + file.getKey());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8)));
                builder.add(entry);
            }
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            if (tip != null) {
                commit.setParentId(tip);
            }
            PersonIdent when = new PersonIdent(GitRepositories.HELIX, publication.at().toEpochMilli(), 0);
            commit.setAuthor(new PersonIdent(publication.actor(), publication.actor() + "@helix", publication.at().toEpochMilli(), 0));
            commit.setCommitter(when);
            commit.setMessage(publication.message() + "\n\n" + STATUS + ": " + publication.status() + "\n" + REVISION + ": "
                    + publication.revision() + "\n");
            ObjectId created = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repo.updateRef(REF);
            update.setNewObjectId(created);
            update.setExpectedOldObjectId(tip == null ? ObjectId.zeroId() : tip);
            update.setRefLogMessage("helix: revision " + publication.revision(), false);
            RefUpdate.Result result = update.update(walk);
            return switch (result) {
                case NEW, FAST_FORWARD -> Optional.of(created.name());
                case LOCK_FAILURE -> Optional.empty();
                default -> throw new IllegalStateException("The helix-specs branch refused revision " + publication.revision()
                        + ": " + result);
            };
        }
    }

    /** The commit of a revision already on the branch (a crash came between the commit and its record). */
    private static Optional<String> findRevision(Repository repo, long revision) throws IOException {
        Ref ref = repo.exactRef(REF);
        if (ref == null) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(ref.getObjectId()));
            int seen = 0;
            for (RevCommit commit : walk) {
                if (String.valueOf(revision).equals(footer(commit, REVISION))) {
                    return Optional.of(commit.name());
                }
                if (++seen >= RECENT) {
                    break;
                }
            }
        }
        return Optional.empty();
    }

    private static SpecsCommit describe(RevCommit commit) {
        String revision = footer(commit, REVISION);
        return new SpecsCommit(commit.name(), commit.getShortMessage(), commit.getAuthorIdent().getName(),
                Instant.ofEpochSecond(commit.getCommitTime()), footer(commit, STATUS),
                revision == null ? null : Long.valueOf(revision));
    }

    private static String footer(RevCommit commit, String key) {
        List<String> values = commit.getFooterLines(key);
        return values.isEmpty() ? null : values.get(0);
    }
}
