package org.accordpay.smsc.simulator;

import org.jsmpp.bean.SubmitSm;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every submit_sm the {@link SmscSimulator} accepts: where a test puts its simulated handsets.
 */
@ConsumerType
@FunctionalInterface
public interface SubmitListener {

    /**
     * Called once per accepted submit_sm, on the server session's PDU thread, before the submit_sm_resp
     * goes out. It must not block: a handset that answers hands the work to another thread and calls
     * {@link SmscSimulator#deliverText} or {@link SmscSimulator#deliverBinary} from there. An exception
     * thrown here is ignored (the submit_sm stays accepted).
     *
     * @param submit    the submit_sm as received
     * @param messageId the message id the SMSC answers with (and later names in its delivery receipt)
     */
    void submitted(SubmitSm submit, String messageId);
}
