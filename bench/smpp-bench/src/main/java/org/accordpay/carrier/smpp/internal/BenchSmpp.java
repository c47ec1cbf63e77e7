package org.accordpay.carrier.smpp.internal;

import java.time.Instant;
import org.accordpay.api.carrier.CarrierConnector;
import org.accordpay.api.carrier.CarrierInbound;

/** Accord's SMPP connector as the outbox benchmark (c) uses it: bound to the simulator, receipts on. */
public final class BenchSmpp {

    private BenchSmpp() {
    }

    /** @return a started connection to 127.0.0.1:{@code port} reporting to {@code inbound} */
    public static CarrierConnector start(int port, int window, CarrierInbound inbound) {
        SmppSettings settings = new SmppSettings("bench", "127.0.0.1", port, "bench", "secret", "",
                "Accord", 5, 0, 1, 1, window, 10_000, 0, 30_000, 10_000, 5000, 100, 1000, 16707, true,
                2_000_000, 100_000);
        SmppCarrier carrier = new SmppCarrier(settings, Instant::now);
        carrier.inboundBound(inbound);
        carrier.start();
        return carrier;
    }

    /** Unbinds and stops a connection {@link #start} made. */
    public static void close(CarrierConnector carrier) {
        ((SmppCarrier) carrier).close();
    }
}
