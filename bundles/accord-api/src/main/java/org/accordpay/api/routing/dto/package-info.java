/** What SMS routing reports about a send and about its carrier connections. */
@Version("1.0.0")
@Export
package org.accordpay.api.routing.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
