/** The non-repudiable, hash-chained trace of every transaction. */
@Version("1.0.0")
@Export
package org.accordpay.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
