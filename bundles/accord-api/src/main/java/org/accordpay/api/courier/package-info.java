/** SPI for courier (delivery service) connectors: shipments tracked, deliveries confirmed or failed. */
@Version("1.0.0")
@Export
package org.accordpay.api.courier;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
