/** Immutable records of the audit trail. */
@Version("1.0.0")
@Export
package org.accordpay.api.audit.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
