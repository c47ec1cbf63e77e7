/** Messages exchanged with carrier connectors. */
@Version("1.0.0")
@Export
package org.accordpay.api.carrier.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
