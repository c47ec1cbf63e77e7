package org.accordpay.challenge.internal;

import java.nio.file.Path;
import org.accordpay.api.challenge.ChallengeEngine;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.time.AccordClock;
import org.accordpay.crypto.Argon2idParams;
import org.accordpay.crypto.InMemoryKeyCustody;

/**
 * The real challenge engine for other bundles' tests (its classes are package-private), with the
 * default policy and cheap handset Argon2id. Shipped in this bundle's test-jar only.
 */
public final class TestEngines {

    private TestEngines() {
    }

    /** @return an engine whose keys live in memory (lost with it) */
    public static ChallengeEngine inMemory(AccordStore store, AccordClock clock) {
        InMemoryKeyCustody custody = new InMemoryKeyCustody();
        return new ChallengeEngineImpl(store, clock, custody, custody::rotate,
                ChallengePolicy.defaults(Argon2idParams.TEST_ONLY));
    }

    /** @return an engine whose keys live in a keystore file, so a second engine on it can take over */
    public static ChallengeEngine withKeystore(AccordStore store, AccordClock clock, Path keystore) throws Exception {
        FileKeyCustody custody = FileKeyCustody.open(keystore, new char[0]);
        return new ChallengeEngineImpl(store, clock, custody, () -> { },
                ChallengePolicy.defaults(Argon2idParams.TEST_ONLY));
    }
}
