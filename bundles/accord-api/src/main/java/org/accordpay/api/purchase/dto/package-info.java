/** Immutable records exchanged with the purchase service. */
@Version("1.2.0")
@Export
package org.accordpay.api.purchase.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
