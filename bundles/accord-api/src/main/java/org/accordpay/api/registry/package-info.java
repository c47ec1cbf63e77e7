/** Customers and merchants: enrolment, admission, suspension. */
@Version("1.3.0")
@Export
package org.accordpay.api.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
