package org.accordpay.console.internal.login;

import com.vaadin.flow.server.WrappedSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The customers' signed-in console sessions, shared by all sessions of the server: ends a session
 * idle for longer than the timeout on Accord's clock (user requests count, the browser's heartbeat
 * does not), and ends a customer's other sessions when their password changes. In memory: a
 * bundle restart ends every session anyway.
 */
public final class SignedInSessions {

    /** Session attribute: the last user request of a signed-in session, on Accord's clock. */
    static final String LAST_ACTIVITY = SignedInSessions.class.getName() + ".lastActivity";

    private final Supplier<Instant> clock;
    private final Duration idleTimeout;
    /** Customer id to their sessions by session id. */
    private final Map<String, Map<String, WrappedSession>> byCustomer = new ConcurrentHashMap<>();

    /** @param clock Accord's clock; @param idleTimeout how long a session may stay without user requests */
    public SignedInSessions(Supplier<Instant> clock, Duration idleTimeout) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    /** Records that {@code customerId} signed in (or got a new session id) in {@code session}. */
    public void signedIn(String customerId, WrappedSession session) {
        session.setAttribute(LAST_ACTIVITY, clock.get());
        byCustomer.computeIfAbsent(customerId, c -> new ConcurrentHashMap<>()).put(session.getId(), session);
        forgetEnded();
    }

    /**
     * Called for each request of a session: a signed-in session idle for longer than the timeout is
     * ended (invalidated); otherwise a user request counts as activity.
     *
     * @param session      the request's session, or null when it has none
     * @param userActivity false for the browser's heartbeat
     * @return false when the session was signed in and has just been ended for idleness
     */
    public boolean stillActive(WrappedSession session, boolean userActivity) {
        if (session == null) {
            return true;
        }
        Instant last;
        try {
            last = (Instant) session.getAttribute(LAST_ACTIVITY);
        } catch (IllegalStateException ended) {
            return true;
        }
        if (last == null) {
            return true;
        }
        Instant now = clock.get();
        if (now.isAfter(last.plus(idleTimeout))) {
            end(session);
            return false;
        }
        if (userActivity) {
            session.setAttribute(LAST_ACTIVITY, now);
        }
        return true;
    }

    /**
     * Ends every session of {@code customerId} but {@code keep} (after a password change).
     *
     * @return how many sessions were ended
     */
    public int endOthers(String customerId, WrappedSession keep) {
        Map<String, WrappedSession> sessions = byCustomer.getOrDefault(customerId, Map.of());
        int ended = 0;
        for (WrappedSession s : sessions.values()) {
            if (!s.getId().equals(keep.getId()) && end(s)) {
                ended++;
            }
        }
        sessions.keySet().removeIf(id -> !id.equals(keep.getId()));
        return ended;
    }

    /** @return how many sessions are recorded for the customer (ended ones may still count until the next sign-in) */
    int recorded(String customerId) {
        return byCustomer.getOrDefault(customerId, Map.of()).size();
    }

    private static boolean end(WrappedSession session) {
        try {
            session.invalidate();
            return true;
        } catch (IllegalStateException alreadyEnded) {
            return false;
        }
    }

    /** Drops sessions that have ended (signed out, timed out, server side expiry). */
    private void forgetEnded() {
        byCustomer.values().forEach(sessions -> sessions.values().removeIf(s -> {
            try {
                s.getAttribute(LAST_ACTIVITY);
                return false;
            } catch (IllegalStateException ended) {
                return true;
            }
        }));
        byCustomer.values().removeIf(Map::isEmpty);
    }
}
