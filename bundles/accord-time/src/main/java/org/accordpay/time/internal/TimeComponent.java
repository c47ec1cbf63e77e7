package org.accordpay.time.internal;

import java.time.Clock;
import org.accordpay.api.time.AccordClock;
import org.accordpay.api.time.ClockControl;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes the {@link AccordClock}, and {@link ClockControl} when the configuration allows it. */
@Component(service = AccordClock.class, immediate = true, configurationPid = "org.accordpay.time",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TimeConfiguration.class)
public final class TimeComponent implements AccordClock {

    private static final Logger LOG = LoggerFactory.getLogger(TimeComponent.class);

    private final SystemAccordClock clock = new SystemAccordClock(Clock.systemUTC());
    private final ServiceRegistration<ClockControl> control;

    /** Registers the clock control only in adjustable (test) configurations. */
    @Activate
    public TimeComponent(TimeConfiguration config, BundleContext context) {
        if (config.adjustable()) {
            LOG.warn("Accord time is ADJUSTABLE: tests may move the clock; never use this in production");
            control = context.registerService(ClockControl.class, clock, null);
        } else {
            control = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (control != null) {
            control.unregister();
        }
    }

    @Override
    public java.time.Instant now() {
        return clock.now();
    }

    @Override
    public Clock asClock() {
        return clock.asClock();
    }
}
