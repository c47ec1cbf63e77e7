/** SPI for SMS carrier connectors (implemented by connector bundles). */
@Version("1.1.0")
@Export
package org.accordpay.api.carrier;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
