package org.accordpay.api.purchase;

/** Live traffic moves real money; test traffic only touches the ledger bank and loopback carrier. */
public enum Mode {
    LIVE,
    TEST
}
