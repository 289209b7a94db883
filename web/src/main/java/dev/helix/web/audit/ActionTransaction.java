package dev.helix.web.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.ApplicationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;

/**
 * The transaction of an audited action and its record: joins the caller's, or starts one; any exception rolls back
 * (but one declared {@code @ApplicationException(rollback = false)}, whose work stands, as the container would keep
 * it), and so does work that returns after marking the transaction rollback-only (a portal action that showed the
 * refusal of a service as a message).
 * Demarcated by hand rather than with {@code @Transactional}, whose interceptor on Liberty files an FFDC incident
 * for every exception, so each refused change (a 404, a 422) would look like a server fault in the logs.
 */
@ApplicationScoped
public class ActionTransaction {

    /** A piece of work that may throw. */
    @FunctionalInterface
    public interface Work {
        Object run() throws Exception;
    }

    @Resource
    UserTransaction transaction;

    public Object run(Work work) throws Exception {
        if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return joined(work);
        }
        transaction.begin();
        boolean done = false;
        try {
            Object result = work.run();
            done = true;
            if (transaction.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                transaction.rollback();
            } else {
                transaction.commit();
            }
            return result;
        } catch (Exception e) {
            if (keepsWork(e) && transaction.getStatus() == Status.STATUS_ACTIVE) {
                done = true;
                transaction.commit();
            }
            throw e;
        } finally {
            if (!done && transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        }
    }

    private Object joined(Work work) throws Exception {
        boolean done = false;
        try {
            Object result = work.run();
            done = true;
            return result;
        } catch (Exception e) {
            done = keepsWork(e);
            throw e;
        } finally {
            if (!done) {
                rollbackOnly();
            }
        }
    }

    private static boolean keepsWork(Exception e) {
        ApplicationException declared = e.getClass().getAnnotation(ApplicationException.class);
        return declared != null && !declared.rollback();
    }

    private void rollbackOnly() throws SystemException {
        if (transaction.getStatus() == Status.STATUS_ACTIVE) {
            transaction.setRollbackOnly();
        }
    }
}
