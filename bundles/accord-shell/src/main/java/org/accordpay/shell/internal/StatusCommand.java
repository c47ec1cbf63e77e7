package org.accordpay.shell.internal;

import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.dto.StoreInfo;
import org.accordpay.api.time.AccordClock;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code accord:status}: whether Accord is ready to take traffic, and on which database.
 * Prints {@code READY} on its first line when every core service is up, {@code STARTING} otherwise.
 */
@Service
@Command(scope = "accord", name = "status", description = "Shows whether Accord is ready and which database it uses")
public final class StatusCommand implements Action {

    @Reference(optional = true)
    AccordStore store;

    @Reference(optional = true)
    AccordClock clock;

    @Override
    public Object execute() {
        AccordStore currentStore = store;
        boolean ready = currentStore != null && clock != null;
        StringBuilder out = new StringBuilder(ready ? "READY" : "STARTING").append('\n');
        out.append("clock    : ").append(clock == null ? "absent" : clock.now()).append('\n');
        if (currentStore == null) {
            out.append("store    : absent (database unreachable or starting; see the log)\n");
        } else {
            StoreInfo info = currentStore.info();
            out.append("store    : ").append(info.database()).append(" at ").append(info.jdbcUrl()).append('\n');
            out.append("schema   : ").append(info.schemaVersion()).append(", up since ").append(info.since()).append('\n');
            out.append("pending  : ").append(currentStore.pendingWork()).append('\n');
            if (info.problem() != null) {
                out.append("problem  : ").append(info.problem()).append('\n');
            }
        }
        System.out.print(out);
        return null;
    }
}
