/** Webhooks: merchants' registered endpoints, to which Accord delivers their events, signed. */
@Version("1.0.0")
@Export
package org.accordpay.api.webhook;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
