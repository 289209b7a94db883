package dev.helix.tasks.inbound;

import dev.helix.tasks.service.DocumentPublisher;
import dev.helix.tasks.service.DocumentRevisions;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Every minute, commits the document revisions that waited more than half a minute for their specs branch: those a
 * failed commit, a server's stop or a crash left behind.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DocumentPublishSweep {

    private static final Logger LOG = Logger.getLogger(DocumentPublishSweep.class.getName());
    private static final Duration LEFT_BEHIND_AFTER = Duration.ofSeconds(30);

    @Inject
    DocumentRevisions revisions;

    @Inject
    DocumentPublisher publisher;

    @Schedule(hour = "*", minute = "*", second = "15", persistent = false)
    void sweep() {
        try {
            revisions.projectsWaitingSince(Instant.now().minus(LEFT_BEHIND_AFTER)).forEach(publisher::publishPending);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Looking for documents left behind failed; trying again in a minute: " + e);
        }
    }
}
