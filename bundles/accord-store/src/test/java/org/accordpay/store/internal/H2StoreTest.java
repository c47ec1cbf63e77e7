package org.accordpay.store.internal;

/** The store contract on an H2 file database in a temporary directory. */
class H2StoreTest extends StoreContractTest {

    @Override
    protected StoreSettings freshDatabase() throws Exception {
        return TestDatabases.h2Temp();
    }
}
