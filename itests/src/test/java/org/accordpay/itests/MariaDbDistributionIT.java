package org.accordpay.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/** The full set on MariaDB, each run on its own fresh database. */
public class MariaDbDistributionIT extends AbstractMerchantApiIT {

    @Override
    protected List<Option> databaseOptions() {
        List<Option> options = new java.util.ArrayList<>(freshMariaDb("accord_it"));
        options.addAll(ledgerBankOnFreshMariaDb("accord_itbank"));
        return options;
    }

    @Test
    public void runsOnMariaDbWithoutLeakingTheSecret() {
        assertTrue(store.info().database(), store.info().database().toLowerCase().contains("maria"));
        assertTrue(store.info().jdbcUrl(), store.info().jdbcUrl().startsWith("jdbc:mariadb://127.0.0.1:3306/accord_it_"));
        assertFalse(store.info().jdbcUrl().contains("password"));
    }
}
