package org.accordpay.console.internal.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.WrappedSession;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignedInSessionsTest {

    private Instant now = Instant.parse("2026-12-05T10:00:00Z");
    private final SignedInSessions sessions = new SignedInSessions(() -> now, Duration.ofMinutes(15));

    /** A servlet session as Vaadin wraps it, in memory. */
    static final class MemorySession implements WrappedSession {
        private final String id;
        private final Map<String, Object> attributes = new HashMap<>();
        boolean invalid;

        MemorySession(String id) {
            this.id = id;
        }

        private void valid() {
            if (invalid) {
                throw new IllegalStateException("invalidated");
            }
        }

        @Override
        public int getMaxInactiveInterval() {
            return 900;
        }

        @Override
        public Object getAttribute(String name) {
            valid();
            return attributes.get(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            valid();
            attributes.put(name, value);
        }

        @Override
        public Set<String> getAttributeNames() {
            return attributes.keySet();
        }

        @Override
        public void invalidate() {
            valid();
            invalid = true;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public long getCreationTime() {
            return 0;
        }

        @Override
        public long getLastAccessedTime() {
            return 0;
        }

        @Override
        public boolean isNew() {
            return false;
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }

        @Override
        public void setMaxInactiveInterval(int interval) {
        }
    }

    @Test
    void aSignedInSessionEndsAfterTheTimeoutWithoutUserRequestsOnAccordsClock() {
        MemorySession s = new MemorySession("s-1");
        sessions.signedIn("c-1", s);
        now = now.plus(Duration.ofMinutes(14));
        assertThat(sessions.stillActive(s, true)).isTrue();
        // a user request counts: 14 more minutes are fine
        now = now.plus(Duration.ofMinutes(14));
        assertThat(sessions.stillActive(s, true)).isTrue();
        // the heartbeat does not count
        now = now.plus(Duration.ofMinutes(10));
        assertThat(sessions.stillActive(s, false)).isTrue();
        now = now.plus(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(sessions.stillActive(s, false)).isFalse();
        assertThat(s.invalid).isTrue();
    }

    @Test
    void sessionsNotSignedInOrAlreadyEndedAreLeftAlone() {
        MemorySession visitor = new MemorySession("v-1");
        now = now.plus(Duration.ofDays(1));
        assertThat(sessions.stillActive(visitor, true)).isTrue();
        assertThat(visitor.invalid).isFalse();
        assertThat(sessions.stillActive(null, true)).isTrue();
        MemorySession ended = new MemorySession("e-1");
        sessions.signedIn("c-1", ended);
        ended.invalidate();
        assertThat(sessions.stillActive(ended, true)).isTrue();
    }

    @Test
    void aPasswordChangeEndsTheCustomersOtherSessionsOnly() {
        MemorySession phone = new MemorySession("s-phone");
        MemorySession laptop = new MemorySession("s-laptop");
        MemorySession here = new MemorySession("s-here");
        MemorySession someoneElse = new MemorySession("s-other");
        sessions.signedIn("c-1", phone);
        sessions.signedIn("c-1", laptop);
        sessions.signedIn("c-1", here);
        sessions.signedIn("c-2", someoneElse);
        laptop.invalidate();

        assertThat(sessions.endOthers("c-1", here)).isEqualTo(1);
        assertThat(phone.invalid).isTrue();
        assertThat(here.invalid).isFalse();
        assertThat(someoneElse.invalid).isFalse();
        assertThat(sessions.recorded("c-1")).isEqualTo(1);
        assertThat(sessions.endOthers("c-3", here)).isZero();
    }
}
