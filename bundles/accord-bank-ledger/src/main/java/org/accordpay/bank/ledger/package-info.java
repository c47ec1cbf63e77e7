/** Test controls of the built-in ledger bank: accounts, availability, returns. */
@Version("1.0.0")
@Export
package org.accordpay.bank.ledger;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
