/**
 * Per-operation cryptographic primitives built only on BouncyCastle and the JDK, the {@link
 * org.accordpay.crypto.SecretBytes} holder and the {@link org.accordpay.crypto.KeyCustody} SPI
 * that a hardware security module can implement later.
 */
@Version("1.1.0")
@Export
package org.accordpay.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
