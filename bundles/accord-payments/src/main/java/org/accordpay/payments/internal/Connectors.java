package org.accordpay.payments.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.accordpay.api.bank.BankConnector;
import org.accordpay.api.courier.CourierConnector;
import org.accordpay.api.routing.SmsRouting;

/**
 * The bank and courier connections and the SMS routing bound right now, by their configured id. Connector
 * bundles come and go at any time; outbox rows for an absent connector simply wait.
 */
final class Connectors {

    /** A bank connection and the mode it serves. */
    record Bank(BankConnector connector, boolean test) {
    }

    private final Map<String, Bank> banks = new ConcurrentHashMap<>();
    private volatile SmsRouting routing;
    private final Map<String, CourierConnector> couriers = new ConcurrentHashMap<>();

    void bindBank(BankConnector bank, Map<String, ?> properties) {
        banks.put(bank.id(), new Bank(bank, "test".equals(String.valueOf(properties.get(BankConnector.MODE_PROPERTY)))));
    }

    void unbindBank(BankConnector bank) {
        banks.computeIfPresent(bank.id(), (id, b) -> b.connector() == bank ? null : b);
    }

    void bindRouting(SmsRouting routing) {
        this.routing = routing;
    }

    void unbindRouting(SmsRouting gone) {
        if (routing == gone) {
            routing = null;
        }
    }

    void bindCourier(CourierConnector courier) {
        couriers.put(courier.id(), courier);
    }

    void unbindCourier(CourierConnector courier) {
        couriers.computeIfPresent(courier.id(), (id, c) -> c == courier ? null : c);
    }

    Optional<Bank> bank(String id) {
        return Optional.ofNullable(banks.get(id));
    }

    Optional<SmsRouting> routing() {
        return Optional.ofNullable(routing);
    }

    Optional<CourierConnector> courier(String id) {
        return Optional.ofNullable(couriers.get(id));
    }
}
