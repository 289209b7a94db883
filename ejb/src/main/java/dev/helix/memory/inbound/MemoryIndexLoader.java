package dev.helix.memory.inbound;

import dev.helix.memory.service.MemoryIndex;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/**
 * Starts loading the memory index when the application starts (after the migrations), without holding it up;
 * a load that fails is tried again every {@value #RETRY_SECONDS} seconds, going on where it stopped.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
public class MemoryIndexLoader {

    static final int RETRY_SECONDS = 30;

    @Inject
    MemoryIndex index;

    @Resource
    ManagedScheduledExecutorService executor;

    @PostConstruct
    void start() {
        executor.submit(this::load);
    }

    private void load() {
        if (!index.load()) {
            executor.schedule(this::load, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }
}
