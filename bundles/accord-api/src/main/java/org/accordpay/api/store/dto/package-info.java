/** Immutable records read from and written to the store. */
@Version("1.4.0")
@Export
package org.accordpay.api.store.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
