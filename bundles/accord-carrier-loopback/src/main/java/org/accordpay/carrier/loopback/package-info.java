/**
 * Simulated handsets behind the loopback SMS carrier: create them, enrol them, choose how they
 * answer challenges, and look at what they received. For the demo, tests and benchmarks only.
 */
@Version("1.1.0")
@Export
package org.accordpay.carrier.loopback;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
