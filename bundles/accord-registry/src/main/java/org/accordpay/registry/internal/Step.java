package org.accordpay.registry.internal;

import org.accordpay.api.registry.RegistryException;

/**
 * What a transaction decided: a value, or a refusal to throw once the transaction has committed
 * (a wrong code must be counted, so it cannot be thrown inside and rolled back).
 */
record Step<T>(T value, RegistryException refusal) {

    static <T> Step<T> done(T value) {
        return new Step<>(value, null);
    }

    static <T> Step<T> refused(RegistryException refusal) {
        return new Step<>(null, refusal);
    }

    /** @return the value, or throws the refusal */
    T get() {
        if (refusal != null) {
            throw refusal;
        }
        return value;
    }
}
