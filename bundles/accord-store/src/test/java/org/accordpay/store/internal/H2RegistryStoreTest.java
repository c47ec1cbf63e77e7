package org.accordpay.store.internal;

/** The registry's repositories on an H2 file database in a temporary directory. */
class H2RegistryStoreTest extends RegistryStoreContractTest {

    @Override
    protected StoreSettings freshDatabase() throws Exception {
        return TestDatabases.h2Temp();
    }
}
