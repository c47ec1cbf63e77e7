/**
 * SMS routing: phone number to mobile operator to carrier connection, with failover and rate caps
 * (the patent's secondary server per operator). Implemented by accord-routing.
 */
@Version("1.0.0")
@Export
package org.accordpay.api.routing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
