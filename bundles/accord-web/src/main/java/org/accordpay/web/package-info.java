/**
 * What Accord's public HTTP servers share, whatever server library each embeds: the server certificate
 * ({@link org.accordpay.web.ServerCertificate}) and per-client rate limits ({@link org.accordpay.web.TokenBuckets}).
 */
@Version("1.0.0")
@Export
package org.accordpay.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
