/** Immutable records exchanged with the challenge engine. */
@Version("1.1.0")
@Export
package org.accordpay.api.challenge.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
