/**
 * Handset protocol version 1 (docs/handset-protocol.md) as code: byte layouts, strict codecs,
 * the server-side and handset-side pure functions, the PIN encoding of the table and the PIN
 * policy.
 */
@Version("1.0.0")
@Export
package org.accordpay.crypto.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
