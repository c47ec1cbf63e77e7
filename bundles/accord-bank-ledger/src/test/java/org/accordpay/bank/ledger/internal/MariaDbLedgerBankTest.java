package org.accordpay.bank.ledger.internal;

/**
 * The ledger bank's contract on MariaDB at 127.0.0.1:3306 (root, no password), in a database
 * created for this run and dropped after it. Fails when MariaDB is unreachable: never skipped.
 */
class MariaDbLedgerBankTest extends LedgerBankContractTest {

    private String database;

    @Override
    protected String freshDatabase() throws Exception {
        database = TestDatabases.createMariaDb();
        return TestDatabases.MARIADB_SERVER + database;
    }

    @Override
    protected String user() {
        return "root";
    }

    @Override
    protected void dropDatabase() throws Exception {
        TestDatabases.dropMariaDb(database);
    }
}
