package dev.helix.memory.internal;

import dev.helix.memory.service.MemoryIndex;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

/** Starts loading the memory index when the application starts (after the migrations), without holding it up. */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
public class MemoryIndexLoader {

    @Inject
    MemoryIndex index;

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void start() {
        executor.submit(index::load);
    }
}
