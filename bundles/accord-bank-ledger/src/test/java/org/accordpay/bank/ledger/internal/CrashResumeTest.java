package org.accordpay.bank.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.accordpay.api.bank.dto.BankStatus;
import org.accordpay.api.fault.FaultPoint;
import org.junit.jupiter.api.Test;

/**
 * A bank process killed like a power cut (H2 file database, no shutdown at all) loses nothing:
 * a settled debit is still settled and still reported once a new bank opens the database, and a
 * debit cut off before its commit is processed, once, by the new bank; a notification delivered
 * but not yet marked reported is delivered again (at least once).
 */
class CrashResumeTest {

    @Test
    void aSettlementCommittedJustBeforeTheCrashIsStillReported() throws Exception {
        crashAndResume(null);
    }

    @Test
    void aDebitCutOffBeforeItsCommitIsProcessedOnceAfterTheCrash() throws Exception {
        crashAndResume("bank-ledger.process.before-commit");
    }

    @Test
    void aNotificationDeliveredJustBeforeTheCrashIsDeliveredAgain() throws Exception {
        crashAndResume("bank-ledger.notify.after-delivery");
    }

    private static void crashAndResume(String faultPoint) throws Exception {
        String url = TestDatabases.h2Url();
        LedgerSettings settings = LedgerSettings.of("ledger-ut", url, "sa", "", 0);
        String iban = LedgerBankContractTest.iban();
        String key = "crash-" + UUID.randomUUID();
        try (LedgerBankEngine setup = LedgerBankEngine.open(settings, new TestClock(), null)) {
            setup.openAccount(iban, "Crash victim", "EUR", 1_000);
        }

        assertThat(runChild(url, iban, key, faultPoint)).isEqualTo(FaultPoint.HALT_STATUS);

        RecordingEvents events = new RecordingEvents();
        try (LedgerBankEngine bank = LedgerBankEngine.open(settings, new TestClock(), events)) {
            LedgerBankContractTest.awaitStatus(events, key, BankStatus.SETTLED);
            Thread.sleep(200);
            assertThat(events.of(key)).hasSize(1);
            assertThat(bank.balance(iban, "EUR").minorUnits()).isEqualTo(600);
            assertThat(bank.balance(bank.accordIban(), "EUR").minorUnits()).isEqualTo(400);
            assertThat(bank.database().transact(Books::sumOfBalances)).isZero();
            assertThat(bank.database().transact(Books::unbalancedEntries)).isZero();
        }
    }

    private static int runChild(String url, String iban, String key, String faultPoint) throws Exception {
        boolean report = faultPoint != null && faultPoint.startsWith("bank-ledger.notify");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (faultPoint != null) {
            cmd.add("-D" + FaultPoint.PROPERTY + "=" + faultPoint);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(CrashingBank.class.getName());
        cmd.add(url);
        cmd.add(iban);
        cmd.add(key);
        if (report) {
            cmd.add("report");
        }
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child bank did not stop");
        }
        return p.exitValue();
    }
}
