package org.accordpay.challenge.internal;

import org.accordpay.api.challenge.ChallengeEngine;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.time.AccordClock;
import org.accordpay.crypto.Argon2idParams;
import org.accordpay.crypto.InMemoryKeyCustody;

/**
 * The real challenge engine for the registry's tests (its class is package-private): keys in
 * memory, cheap handset Argon2id. Lives in the engine's package, on the test class path only.
 */
public final class RegistryTestEngines {

    private RegistryTestEngines() {
    }

    public static ChallengeEngine engine(AccordStore store, AccordClock clock) {
        InMemoryKeyCustody custody = new InMemoryKeyCustody();
        return new ChallengeEngineImpl(store, clock, custody, custody::rotate,
                ChallengePolicy.defaults(Argon2idParams.TEST_ONLY));
    }
}
