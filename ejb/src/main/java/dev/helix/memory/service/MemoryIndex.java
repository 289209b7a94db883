package dev.helix.memory.service;

import dev.helix.compute.model.Match;
import dev.helix.compute.model.Similarity;
import dev.helix.compute.model.SimilarityIndex;
import dev.helix.compute.service.ComputeKernels;
import dev.helix.memory.internal.MemoryStore;
import dev.helix.memory.model.IndexStatus;
import dev.helix.memory.model.Memory;
import dev.helix.memory.model.MemoryChanged;
import dev.helix.memory.model.MemoryHit;
import dev.helix.memory.model.MemoryIndexLoadingException;
import dev.helix.providers.service.Embeddings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The searchable copy of the memory table: one {@link SimilarityIndex} per workspace on the compute backend
 * (on an OpenCL device the vectors stay in device memory). Loaded at start-up, page by page, with its progress
 * in {@link #status()}; memories made by another embedder are re-embedded on the way. It follows this server's
 * changes as they commit, and before a search it catches up with rows other servers added (at most once every
 * {@link #CATCH_UP_EVERY}, and never making a search wait for another search's catch-up).
 */
@ApplicationScoped
public class MemoryIndex {

    private static final Logger LOG = Logger.getLogger(MemoryIndex.class.getName());
    private static final int PAGE = 500;
    private static final int EMBED_BATCH = 64;
    /** How far back a catch-up looks for rows that committed late (longer transactions are not expected). */
    private static final Duration LATE_COMMITS = Duration.ofMinutes(2);
    static final Duration CATCH_UP_EVERY = Duration.ofSeconds(1);

    @Inject
    ComputeKernels kernels;

    @Inject
    Embeddings embeddings;

    @Inject
    MemoryStore store;

    private final Map<String, SimilarityIndex> byWorkspace = new ConcurrentHashMap<>();
    private final ReentrantLock catchingUp = new ReentrantLock();
    private volatile long lastCatchUp = System.nanoTime() - CATCH_UP_EVERY.toNanos();
    private volatile IndexStatus status;
    private long lastId;

    /**
     * Loads every memory not loaded yet (the caller runs this off the start-up thread); answers whether the index
     * is ready. After a failure (the database or the embeddings endpoint away) a second call goes on where the
     * first stopped.
     */
    public boolean load() {
        IndexStatus before = status();
        long loaded = before.loaded();
        long reembedded = before.reembedded();
        try {
            long total = loaded + store.countAfter(lastId);
            status = status(IndexStatus.State.LOADING, loaded, total, reembedded, null);
            catchingUp.lock();
            try {
                for (List<Memory> page = store.page(lastId, PAGE); !page.isEmpty(); page = store.page(lastId, PAGE)) {
                    reembedded += reembedStale(page);
                    page.forEach(this::add);
                    loaded += page.size();
                    lastId = page.get(page.size() - 1).getId();
                    status = status(IndexStatus.State.LOADING, loaded, Math.max(total, loaded), reembedded, null);
                }
            } finally {
                catchingUp.unlock();
            }
            status = status(IndexStatus.State.READY, loaded, loaded, reembedded, null);
            long done = loaded;
            long again = reembedded;
            LOG.info(() -> "Memory index ready: " + done + " memories (" + again + " re-embedded) on "
                    + kernels.choice().backend());
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The memory index could not be loaded; trying again shortly", e);
            status = status(IndexStatus.State.FAILED, loaded, Math.max(status().total(), loaded), reembedded,
                    e.getMessage());
            return false;
        }
    }

    /** The index's state; once ready, the memories it holds now (not those it loaded at start-up). */
    public IndexStatus status() {
        IndexStatus now = loadState();
        if (now.state() != IndexStatus.State.READY) {
            return now;
        }
        long size = byWorkspace.values().stream().mapToLong(SimilarityIndex::size).sum();
        return status(IndexStatus.State.READY, size, size, now.reembedded(), null);
    }

    /**
     * The k memories most similar to a query vector, best first, in one workspace or (scope {@code null}) in all.
     *
     * @throws MemoryIndexLoadingException while the index is not ready
     */
    public List<MemoryHit> search(float[] query, int k, String workspace) {
        requireReady();
        catchUp();
        List<Match> matches = best(query, k, workspace);
        List<MemoryHit> hits = hits(matches);
        // Memories deleted on another server were dropped from the index just now: search once more for k.
        return hits.size() < matches.size() ? hits(best(query, k, workspace)) : hits;
    }

    private List<Match> best(float[] query, int k, String workspace) {
        List<SimilarityIndex> scope = workspace == null ? List.copyOf(byWorkspace.values())
                : byWorkspace.containsKey(workspace) ? List.of(byWorkspace.get(workspace)) : List.of();
        List<Match> matches = new ArrayList<>();
        for (SimilarityIndex index : scope) {
            matches.addAll(index.search(query, k));
        }
        matches.sort(Comparator.comparing(Match::score).reversed().thenComparing(Match::id));
        return matches.size() > k ? matches.subList(0, k) : matches;
    }

    public boolean ready() {
        return loadState().state() == IndexStatus.State.READY;
    }

    /** The state as loading left it, without counting what the indexes hold (which takes each one's lock). */
    private IndexStatus loadState() {
        IndexStatus now = status;
        return now == null ? status(IndexStatus.State.LOADING, 0, 0, 0, null) : now;
    }

    /** Refuses while the index is not ready ({@link MemoryIndexLoadingException}: how far loading is, or why it failed). */
    public void requireReady() {
        IndexStatus now = loadState();
        if (now.state() != IndexStatus.State.READY) {
            throw new MemoryIndexLoadingException(now.state() == IndexStatus.State.FAILED
                    ? "The memory index failed to load: " + now.problem()
                    : "The memory index is loading: " + now.loaded() + " of " + now.total() + " memories ("
                            + now.percent() + "%); try again shortly");
        }
    }

    void follow(@Observes(during = TransactionPhase.AFTER_SUCCESS) MemoryChanged change) {
        if (change.deleted()) {
            SimilarityIndex index = byWorkspace.get(change.workspace());
            if (index != null) {
                index.remove(change.id());
            }
        } else {
            indexOf(change.workspace()).add(change.id(), change.vector());
        }
    }

    @PreDestroy
    void close() {
        byWorkspace.values().forEach(SimilarityIndex::close);
    }

    /** The memories matched, read from the table; ids it no longer has (deleted on another server) are dropped. */
    private List<MemoryHit> hits(List<Match> matches) {
        Map<Long, Memory> found = store.byIds(matches.stream().map(Match::id).toList());
        List<MemoryHit> hits = new ArrayList<>();
        for (Match match : matches) {
            Memory memory = found.get(match.id());
            if (memory == null) {
                byWorkspace.values().forEach(index -> index.remove(match.id()));
            } else {
                hits.add(new MemoryHit(memory, match.score()));
            }
        }
        return hits;
    }

    /**
     * Adds what other servers stored since: one query of ids, the rows read only for ids not indexed yet. Skipped
     * when the last catch-up is under {@link #CATCH_UP_EVERY} old or another search is catching up right now.
     */
    private void catchUp() {
        if (System.nanoTime() - lastCatchUp < CATCH_UP_EVERY.toNanos() || !catchingUp.tryLock()) {
            return;
        }
        try {
            List<Long> ids = store.newerIds(lastId, Instant.now().minus(LATE_COMMITS));
            List<Long> missing = ids.stream().filter(id -> byWorkspace.values().stream().noneMatch(i -> i.contains(id)))
                    .toList();
            if (!missing.isEmpty()) {
                List<Memory> memories = List.copyOf(store.byIds(missing).values());
                reembedStale(memories);
                memories.forEach(this::add);
            }
            if (!ids.isEmpty()) {
                lastId = Math.max(lastId, ids.get(ids.size() - 1));
            }
            lastCatchUp = System.nanoTime();
        } finally {
            catchingUp.unlock();
        }
    }

    /** Re-embeds memories made by another embedder, {@value #EMBED_BATCH} texts per request to the embedder. */
    private int reembedStale(List<Memory> memories) {
        List<Memory> stale = memories.stream().filter(m -> !m.getEmbedder().equals(embeddings.name())).toList();
        for (int from = 0; from < stale.size(); from += EMBED_BATCH) {
            List<Memory> batch = stale.subList(from, Math.min(stale.size(), from + EMBED_BATCH));
            store.reembed(batch, embeddings.name(), embeddings.embed(batch.stream().map(Memory::getText).toList()));
        }
        return stale.size();
    }

    private void add(Memory memory) {
        indexOf(memory.getWorkspace()).add(memory.getId(), memory.vector());
    }

    private SimilarityIndex indexOf(String workspace) {
        return byWorkspace.computeIfAbsent(workspace, w -> kernels.newIndex(embeddings.dimensions(), Similarity.COSINE));
    }

    private IndexStatus status(IndexStatus.State state, long loaded, long total, long reembedded, String problem) {
        return new IndexStatus(state, loaded, total, reembedded, embeddings.name(), kernels.choice(), problem);
    }
}
