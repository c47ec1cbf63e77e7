/** SPI for bank connectors (implemented by connector bundles). */
@Version("1.0.0")
@Export
package org.accordpay.api.bank;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
