/** Shipments and delivery events exchanged with courier connectors. */
@Version("1.0.0")
@Export
package org.accordpay.api.courier.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
