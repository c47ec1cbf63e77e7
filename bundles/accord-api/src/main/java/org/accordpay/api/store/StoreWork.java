package org.accordpay.api.store;

/** A piece of work run inside one store transaction. */
@FunctionalInterface
@org.osgi.annotation.versioning.ConsumerType
public interface StoreWork<T> {

    /** @return the result to hand back to the caller after commit */
    T run(StoreTransaction tx);
}
