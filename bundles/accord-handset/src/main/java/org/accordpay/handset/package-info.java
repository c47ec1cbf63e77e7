/** The reference handset agent of handset protocol version 1 and its command-line simulator. */
@Version("1.0.0")
@Export
package org.accordpay.handset;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
