/** Immutable records of the customer and merchant registries. */
@Version("1.2.0")
@Export
package org.accordpay.api.registry.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
