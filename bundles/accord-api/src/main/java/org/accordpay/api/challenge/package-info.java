/** The challenge engine of the patent (steps 3-4): identification tables, challenges, lock-out. */
@Version("1.1.0")
@Export
package org.accordpay.api.challenge;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
