package org.accordpay.challenge.internal;

import java.nio.file.Path;
import org.accordpay.api.challenge.ChallengeEngine;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.time.AccordClock;
import org.accordpay.crypto.Argon2idParams;

/**
 * Test-only bridge into the challenge bundle's implementation package (same package on the test
 * class path): the real engine with cheap Argon2id parameters for the handsets.
 */
public final class EngineForTests {

    private EngineForTests() {
    }

    public static ChallengeEngine open(AccordStore store, AccordClock clock, Path keystore) throws Exception {
        FileKeyCustody custody = FileKeyCustody.open(keystore, new char[0]);
        return new ChallengeEngineImpl(store, clock, custody, () -> { }, ChallengePolicy.defaults(Argon2idParams.TEST_ONLY));
    }
}
