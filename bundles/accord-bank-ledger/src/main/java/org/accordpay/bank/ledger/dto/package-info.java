/** Accounts of the built-in ledger bank, as its test controls show them. */
@Version("1.0.0")
@Export
package org.accordpay.bank.ledger.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
