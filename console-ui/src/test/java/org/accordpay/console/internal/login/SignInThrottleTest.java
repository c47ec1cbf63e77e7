package org.accordpay.console.internal.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(now::get, 5, Duration.ofMinutes(15));

    private void later(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void fiveFailuresWithinTheWindowPauseSignIn() {
        for (int i = 1; i <= 4; i++) {
            assertThat(throttle.recordFailure("phone:+33612345678/FR")).isFalse();
            assertThat(throttle.isLocked("phone:+33612345678/FR")).isFalse();
            later(Duration.ofMinutes(1));
        }
        assertThat(throttle.recordFailure("phone:+33612345678/FR")).isTrue();
        assertThat(throttle.isLocked("phone:+33612345678/FR")).isTrue();
        assertThat(throttle.isLocked("ref:AC0000000000")).as("other identifiers are not affected").isFalse();
    }

    @Test
    void thePauseEndsWhenTheOldestFailureLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("k");
            later(Duration.ofMinutes(1));
        }
        // failures at 0,1,2,3,4 min; now is 5 min: the first leaves the window at 15 min
        assertThat(throttle.pausedFor("k")).isEqualTo(Duration.ofMinutes(10));
        later(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(throttle.isLocked("k")).isTrue();
        later(Duration.ofSeconds(1));
        assertThat(throttle.isLocked("k")).isFalse();
        assertThat(throttle.pausedFor("k")).isZero();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowNeverLock() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.recordFailure("k")).isFalse();
            later(Duration.ofMinutes(4));
        }
        assertThat(throttle.isLocked("k")).isFalse();
    }

    @Test
    void successForgetsTheFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("k");
        }
        throttle.reset("k");
        assertThat(throttle.recordFailure("k")).isFalse();
        assertThat(throttle.isLocked("k")).isFalse();
    }

    @Test
    void failuresWhileLockedKeepItLocked() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("k");
        }
        later(Duration.ofMinutes(14));
        throttle.recordFailure("k");
        later(Duration.ofMinutes(2));
        assertThat(throttle.isLocked("k")).as("only 1 failure of the first 5 left, the 6th at 14 min").isFalse();
        assertThat(throttle.recordFailure("k")).isFalse();
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new SignInThrottle(now::get, 0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInThrottle(now::get, 5, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
