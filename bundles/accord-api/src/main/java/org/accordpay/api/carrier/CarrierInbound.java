package org.accordpay.api.carrier;

import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.carrier.dto.InboundSms;

/** What connectors call when the network sends something back. Implemented by Accord. */
@org.osgi.annotation.versioning.ProviderType
public interface CarrierInbound {

    /** A handset sent a message (typically a challenge response). */
    void received(InboundSms message);

    /** A carrier reported the fate of a message Accord sent. */
    void reported(DeliveryReport report);
}
