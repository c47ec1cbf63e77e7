package org.accordpay.shell.internal;

import java.time.Duration;
import org.accordpay.api.time.AccordClock;
import org.accordpay.api.time.ClockControl;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:clock-advance PT3M}: moves Accord's clock forward (test configurations only). */
@Service
@Command(scope = "accord", name = "clock-advance",
        description = "Moves Accord's clock forward; only when org.accordpay.time adjustable=true")
public final class ClockAdvanceCommand implements Action {

    @Reference(optional = true)
    ClockControl control;

    @Reference
    AccordClock clock;

    @Argument(index = 0, name = "duration", required = true, description = "ISO-8601 duration, e.g. PT3M or P3D")
    String duration;

    @Override
    public Object execute() {
        ClockControl current = control;
        if (current == null) {
            System.err.println("The clock is not adjustable here (org.accordpay.time adjustable=false).");
            return null;
        }
        current.advance(Duration.parse(duration));
        System.out.println("now " + clock.now() + " (offset " + current.offset() + ")");
        return null;
    }
}
