/** Amounts of money: minor units plus an ISO 4217 currency code. */
@Version("1.0.0")
@Export
package org.accordpay.api.money;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
