package org.accordpay.store.internal;

/**
 * The registry's repositories on MariaDB at 127.0.0.1:3306 (root, no password), in a database
 * created for this run and dropped after it. Fails when MariaDB is unreachable: never skipped.
 */
class MariaDbRegistryStoreTest extends RegistryStoreContractTest {

    private String database;

    @Override
    protected StoreSettings freshDatabase() throws Exception {
        database = TestDatabases.createMariaDb();
        return TestDatabases.mariaDb(database);
    }

    @Override
    protected void dropDatabase() throws Exception {
        TestDatabases.dropMariaDb(database);
    }
}
