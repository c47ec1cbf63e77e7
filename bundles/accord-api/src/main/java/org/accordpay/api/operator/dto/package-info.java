/** Immutable records of operator accounts. */
@Version("1.0.0")
@Export
package org.accordpay.api.operator.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
