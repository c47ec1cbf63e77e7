/** Accord's operator accounts: roles, sign-in with password and time-based code, audited actions. */
@Version("1.0.0")
@Export
package org.accordpay.api.operator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
