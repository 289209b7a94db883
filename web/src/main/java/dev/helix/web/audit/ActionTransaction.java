package dev.helix.web.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The transaction of an audited action and its record: joins the caller's, or starts one; any exception rolls back. */
@ApplicationScoped
@Transactional(rollbackOn = Exception.class)
public class ActionTransaction {

    /** A piece of work that may throw. */
    @FunctionalInterface
    public interface Work {
        Object run() throws Exception;
    }

    public Object run(Work work) throws Exception {
        return work.run();
    }
}
