package org.accordpay.api.courier;

import org.accordpay.api.courier.dto.DeliveryEvent;

/** Where courier connectors (and the courier HTTP callback) report deliveries. Implemented by Accord. */
@org.osgi.annotation.versioning.ProviderType
public interface CourierEvents {
    /**
     * A courier reports a delivery confirmed or failed. Repeated reports are harmless.
     *
     * @return true when the report matched a shipped purchase, false when it was ignored
     */
    boolean delivery(DeliveryEvent event);
}
