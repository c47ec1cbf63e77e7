/** The purchase of the patent, steps 1-10: the service merchants and handsets drive. */
@Version("1.2.0")
@Export
package org.accordpay.api.purchase;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
