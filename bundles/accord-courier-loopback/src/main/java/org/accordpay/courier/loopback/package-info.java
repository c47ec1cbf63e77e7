/** The shipments the loopback courier watches, and deliveries reported on command (demo, tests). */
@Version("1.0.0")
@Export
package org.accordpay.courier.loopback;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
