/** The one injectable source of time for all of Accord, and its test control. */
@Version("1.0.0")
@Export
package org.accordpay.api.time;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
