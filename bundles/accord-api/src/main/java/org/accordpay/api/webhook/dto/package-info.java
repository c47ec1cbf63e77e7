/** Records exchanged with the webhook service. */
@Version("1.0.0")
@Export
package org.accordpay.api.webhook.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
