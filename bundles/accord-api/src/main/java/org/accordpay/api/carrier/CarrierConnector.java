package org.accordpay.api.carrier;

import org.accordpay.api.carrier.dto.OutboundSms;

/**
 * SPI of an SMS carrier connection (SMPP, HTTP gateway, loopback). Connector bundles register
 * one service per configured connection; routing picks one by {@link #id()}. They may come and
 * go at any time: the outbox keeps messages until one is bound.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface CarrierConnector {

    /** Service property carrying the connection id. */
    String ID_PROPERTY = "accord.carrier.id";

    /** @return the configured connection id, stable across restarts */
    String id();

    /** @return true when the connection is up and may take traffic */
    boolean isAvailable();

    /**
     * Hands a message to the carrier. Must be idempotent on {@link OutboundSms#messageId()}
     * as far as the carrier allows.
     *
     * @throws CarrierException when the carrier refused or could not be reached
     */
    void send(OutboundSms message) throws CarrierException;
}
