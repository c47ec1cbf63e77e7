package org.accordpay.bank.ledger.internal;

/** The ledger bank's contract on an embedded H2 file database. */
class H2LedgerBankTest extends LedgerBankContractTest {

    @Override
    protected String freshDatabase() throws Exception {
        return TestDatabases.h2Url();
    }

    @Override
    protected String user() {
        return "sa";
    }
}
