package org.accordpay.store.internal;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.RollbackException;
import java.sql.SQLException;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.StoreException;
import org.hibernate.HibernateException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.LockAcquisitionException;

/** Maps persistence failures to the API's exceptions; the caller's own exceptions pass through. */
final class Errors {

    /** H2: concurrent update in table / lock timeout / deadlock. */
    private static final int H2_CONCURRENT_UPDATE = 90131;
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final int H2_DEADLOCK = 40001;
    /** MariaDB: lock wait timeout, deadlock. */
    private static final int MARIADB_LOCK_WAIT = 1205;
    private static final int MARIADB_DEADLOCK = 1213;

    private Errors() {
    }

    static RuntimeException translate(RuntimeException e) {
        if (e instanceof StoreException) {
            return e;
        }
        Throwable t = e instanceof RollbackException && e.getCause() != null ? e.getCause() : e;
        if (!(t instanceof PersistenceException) && !(t instanceof HibernateException)) {
            return e; // the work's own exception (IllegalArgumentException, ...)
        }
        if (isConflict(t)) {
            return new ConcurrentUpdateException("concurrent update: " + message(t));
        }
        return new StoreException("database failure: " + message(t), t);
    }

    static boolean isConflict(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OptimisticLockException || c instanceof StaleStateException
                    || c instanceof PessimisticLockException || c instanceof LockTimeoutException
                    || c instanceof LockAcquisitionException) {
                return true;
            }
            if (c instanceof SQLException sql) {
                int code = sql.getErrorCode();
                String state = sql.getSQLState();
                if (code == H2_CONCURRENT_UPDATE || code == H2_LOCK_TIMEOUT || code == H2_DEADLOCK
                        || code == MARIADB_LOCK_WAIT || code == MARIADB_DEADLOCK
                        || "40001".equals(state) || "40P01".equals(state)) {
                    return true;
                }
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    static boolean isConstraintViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof org.hibernate.exception.ConstraintViolationException
                    || c instanceof jakarta.persistence.EntityExistsException) {
                return true;
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    static String message(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : m;
    }
}
