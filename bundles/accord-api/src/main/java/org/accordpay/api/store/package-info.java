/** Transactional unit of work and repositories; the only door to the database. */
@Version("1.5.0")
@Export
package org.accordpay.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
