package org.accordpay.api.carrier;

/**
 * Service properties a {@link CarrierConnector} registration may carry. Routing reads them when the
 * connector is bound.
 */
public final class CarrierProperties {

    /** Connection id, the same as {@link CarrierConnector#ID_PROPERTY}. */
    public static final String ID = CarrierConnector.ID_PROPERTY;

    /**
     * {@code true} when the connector only reaches simulated handsets (loopback, test SMSC): purchases in
     * test mode are sent through such connectors only, and never through a live one.
     */
    public static final String TEST = "accord.carrier.test";

    /**
     * {@code false} when the carrier never sends delivery reports: a message it accepted counts as
     * delivered. Absent or {@code true}: Accord waits for the report and, when none comes in time,
     * tries the next carrier.
     */
    public static final String RECEIPTS = "accord.carrier.receipts";

    private CarrierProperties() {
    }
}
