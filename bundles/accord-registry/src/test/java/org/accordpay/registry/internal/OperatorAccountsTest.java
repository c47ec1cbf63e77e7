package org.accordpay.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.accordpay.api.operator.OperatorException;
import org.accordpay.api.operator.dto.Operator;
import org.accordpay.api.operator.dto.OperatorEnrolment;
import org.accordpay.api.operator.dto.OperatorRole;
import org.accordpay.crypto.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operator accounts against the real store (H2) with a clock the test moves, so codes are computed. */
class OperatorAccountsTest {

    @TempDir
    Path dir;

    private RegistryFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new RegistryFixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void anAddedOperatorSignsInWithPasswordAndCurrentCode() {
        OperatorEnrolment e = f.operators.add("alice", OperatorRole.ADMIN, "karaf");
        assertThat(e.otpauthUri()).startsWith("otpauth://totp/Accord:alice?secret=").contains("&period=30");
        assertThat(e.password()).hasSizeGreaterThanOrEqualTo(20);

        Operator in = f.operators.signIn("alice", e.password().toCharArray(), code(e, 0));

        assertThat(in.login()).isEqualTo("alice");
        assertThat(in.role()).isEqualTo(OperatorRole.ADMIN);
        assertThat(f.operators.list()).extracting(Operator::login).containsExactly("alice");
        assertThat(f.auditEntries("operator.added")).isEqualTo(1);
        assertThat(f.auditEntries("operator.signed-in")).isEqualTo(1);
    }

    @Test
    void codesOfTheNeighbourStepsAreAcceptedButNotFurther() {
        OperatorEnrolment e = f.operators.add("bob", OperatorRole.VIEWER, "karaf");
        assertThat(f.operators.signIn("bob", e.password().toCharArray(), code(e, -1)).role())
                .isEqualTo(OperatorRole.VIEWER);
        f.clock.advance(Duration.ofSeconds(120));
        assertThat(f.operators.signIn("bob", e.password().toCharArray(), code(e, 1)).login()).isEqualTo("bob");
        f.clock.advance(Duration.ofSeconds(120));
        assertRefused(() -> f.operators.signIn("bob", e.password().toCharArray(), code(e, 2)),
                OperatorException.WRONG_CREDENTIALS);
        assertRefused(() -> f.operators.signIn("bob", e.password().toCharArray(), code(e, -2)),
                OperatorException.WRONG_CREDENTIALS);
    }

    @Test
    void aCodeIsRefusedTheSecondTimeWithinItsWindow() {
        OperatorEnrolment e = f.operators.add("carol", OperatorRole.ADMIN, "karaf");
        String code = code(e, 0);
        f.operators.signIn("carol", e.password().toCharArray(), code);
        f.clock.advance(Duration.ofSeconds(25));
        assertRefused(() -> f.operators.signIn("carol", e.password().toCharArray(), code),
                OperatorException.WRONG_CREDENTIALS);
        // an older code of the window is refused as well once a newer step was used
        assertRefused(() -> f.operators.signIn("carol", e.password().toCharArray(), code(e, -1)),
                OperatorException.WRONG_CREDENTIALS);
        f.clock.advance(Duration.ofSeconds(30));
        assertThat(f.operators.signIn("carol", e.password().toCharArray(), code(e, 0)).login()).isEqualTo("carol");
    }

    @Test
    void wrongPasswordWithTheRightCodeAndUnknownLoginGetTheSameRefusal() {
        OperatorEnrolment e = f.operators.add("dan", OperatorRole.ADMIN, "karaf");
        assertRefused(() -> f.operators.signIn("dan", "not-the-password".toCharArray(), code(e, 0)),
                OperatorException.WRONG_CREDENTIALS);
        assertRefused(() -> f.operators.signIn("nobody", e.password().toCharArray(), code(e, 0)),
                OperatorException.WRONG_CREDENTIALS);
        assertThat(f.auditEntries("operator.sign-in-failed")).isEqualTo(2);
    }

    @Test
    void fiveFailuresLockTheAccountUntilTheLockOutEnds() {
        OperatorEnrolment e = f.operators.add("erin", OperatorRole.ADMIN, "karaf");
        for (int i = 0; i < 5; i++) {
            assertRefused(() -> f.operators.signIn("erin", e.password().toCharArray(), "000000".equals(code(e, 0))
                    ? "111111" : "000000"), OperatorException.WRONG_CREDENTIALS);
        }
        assertThat(f.operators.find("erin").orElseThrow().lockedUntil()).isEqualTo(f.clock.now().plus(Duration.ofMinutes(15)));
        assertRefused(() -> f.operators.signIn("erin", e.password().toCharArray(), code(e, 0)),
                OperatorException.LOCKED_OUT);
        f.clock.advance(Duration.ofMinutes(15));
        assertThat(f.operators.signIn("erin", e.password().toCharArray(), code(e, 0)).login()).isEqualTo("erin");
        assertThat(f.operators.find("erin").orElseThrow().lockedUntil()).isNull();
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        f.operators.add("frank", OperatorRole.VIEWER, "karaf");
        assertRefused(() -> f.operators.add("frank", OperatorRole.ADMIN, "karaf"), OperatorException.ALREADY_EXISTS);
        assertRefused(() -> f.operators.add("no spaces", OperatorRole.ADMIN, "karaf"), OperatorException.INVALID_FIELD);
        assertRefused(() -> f.operators.add("x", OperatorRole.ADMIN, "karaf"), OperatorException.INVALID_FIELD);
        assertRefused(() -> f.operators.remove("ghost", "karaf"), OperatorException.UNKNOWN_OPERATOR);
        assertRefused(() -> f.operators.record("frank", "Not An Action", "x", null), OperatorException.INVALID_FIELD);
        assertThat(f.operators.list()).extracting(Operator::login, Operator::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("frank", OperatorRole.VIEWER));
        assertThat(f.auditEntries("operator.added")).isEqualTo(1);
    }

    @Test
    void removedOperatorsCannotSignInAndActionsAreAudited() {
        OperatorEnrolment e = f.operators.add("gina", OperatorRole.ADMIN, "karaf");
        f.operators.record("gina", "feature-installed", "accord-carrier-smpp", null);
        assertThat(f.auditEntries("operator.feature-installed")).isEqualTo(1);
        f.operators.remove("gina", "karaf");
        assertThat(f.operators.list()).isEmpty();
        assertRefused(() -> f.operators.signIn("gina", e.password().toCharArray(), code(e, 0)),
                OperatorException.WRONG_CREDENTIALS);
        assertThat(f.auditEntries("operator.removed")).isEqualTo(1);
    }

    /** @return the code an authenticator app shows {@code steps} steps from now, from the enrolment's URI */
    private String code(OperatorEnrolment e, int steps) {
        String query = URI.create(e.otpauthUri()).getRawQuery();
        String secret = query.substring(query.indexOf("secret=") + 7, query.indexOf('&'));
        return Totp.code(Totp.fromBase32(secret), Totp.step(f.clock.now()) + steps);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OperatorException.class, x -> assertThat(x.code()).isEqualTo(code));
    }
}
