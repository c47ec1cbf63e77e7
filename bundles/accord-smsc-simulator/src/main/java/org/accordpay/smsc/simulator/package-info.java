/**
 * An SMPP 3.4 SMSC simulator for tests and benchmarks: {@link org.accordpay.smsc.simulator.SmscSimulator},
 * with {@link org.accordpay.smsc.simulator.SubmitListener} to put simulated handsets behind it.
 */
@Version("1.0.0")
@Export
package org.accordpay.smsc.simulator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
