/** Instructions and status updates exchanged with bank connectors. */
@Version("1.0.0")
@Export
package org.accordpay.api.bank.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
