package org.accordpay.itests;

import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The smoke set on the embedded default: H2 under ${karaf.data}. */
public class H2DistributionIT extends AbstractMerchantApiIT {

    @Test
    public void runsOnEmbeddedH2ByDefault() {
        assertTrue(store.info().database(), store.info().database().startsWith("H2"));
        assertTrue(store.info().jdbcUrl(), store.info().jdbcUrl().startsWith("jdbc:h2:"));
    }
}
