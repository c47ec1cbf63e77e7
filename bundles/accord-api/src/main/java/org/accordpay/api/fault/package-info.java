/** Named fault-injection points that halt the process when a test asks for it. */
@Version("1.0.0")
@Export
package org.accordpay.api.fault;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
