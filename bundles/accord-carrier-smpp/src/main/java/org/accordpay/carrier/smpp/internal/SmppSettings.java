package org.accordpay.carrier.smpp.internal;

/**
 * The checked values of one {@link SmppConfiguration}.
 *
 * @param id                 carrier id
 * @param host               SMSC host
 * @param port               SMSC port
 * @param systemId           bind system_id
 * @param password           bind password
 * @param systemType         bind system_type
 * @param sourceAddress      source_addr of submit_sm
 * @param sourceTon          its TON
 * @param sourceNpi          its NPI
 * @param destinationTon     TON of destinations
 * @param destinationNpi     NPI of destinations
 * @param window             most submit_sm awaiting a response
 * @param windowWaitMs       longest wait for the window or the rate
 * @param rate               submit_sm per second, 0 for no limit
 * @param enquireLinkMs      enquire_link interval
 * @param responseTimeoutMs  bind and submit_sm response timeout
 * @param connectTimeoutMs   TCP connect timeout
 * @param reconnectMinMs     first reconnect wait
 * @param reconnectMaxMs     longest reconnect wait
 * @param binaryPort         originator port of binary parts, and their default destination port
 * @param registeredDelivery ask for receipts
 * @param receiptMemory      SMSC ids remembered
 * @param inboundQueue       events kept while Accord is away
 */
record SmppSettings(String id, String host, int port, String systemId, String password, String systemType,
        String sourceAddress, int sourceTon, int sourceNpi, int destinationTon, int destinationNpi, int window,
        long windowWaitMs, int rate, int enquireLinkMs, long responseTimeoutMs, int connectTimeoutMs,
        long reconnectMinMs, long reconnectMaxMs, int binaryPort, boolean registeredDelivery, int receiptMemory,
        int inboundQueue) {

    /** Checks the values an operator may get wrong. */
    SmppSettings {
        require(id != null && !id.isBlank(), "id is required");
        require(host != null && !host.isBlank(), "host is required");
        require(port > 0 && port < 65536, "port must be 1-65535");
        require(systemId != null && !systemId.isBlank(), "system.id is required");
        password = password == null ? "" : password;
        systemType = systemType == null ? "" : systemType;
        sourceAddress = sourceAddress == null ? "" : sourceAddress;
        require(window > 0, "window must be positive");
        require(rate >= 0, "rate must not be negative");
        require(reconnectMinMs > 0 && reconnectMaxMs >= reconnectMinMs, "reconnect.min.ms and reconnect.max.ms must be 0 < min <= max");
        require(binaryPort >= 0 && binaryPort < 65536, "binary.port must be 0-65535");
        require(receiptMemory > 0 && inboundQueue > 0, "receipt.memory and inbound.queue must be positive");
    }

    static SmppSettings of(SmppConfiguration c) {
        return new SmppSettings(c.id(), c.host(), c.port(), c.system_id(), c._password(), c.system_type(),
                c.source_address(), c.source_ton(), c.source_npi(), c.destination_ton(), c.destination_npi(),
                c.window(), c.window_wait_ms(), c.rate(), c.enquire_link_ms(), c.response_timeout_ms(),
                c.connect_timeout_ms(), c.reconnect_min_ms(), c.reconnect_max_ms(), c.binary_port(),
                c.registered_delivery(), c.receipt_memory(), c.inbound_queue());
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "SMPP " + id + " " + systemId + "@" + host + ":" + port;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
