package org.accordpay.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.accordpay.api.bank.BankEvents;
import org.accordpay.api.carrier.CarrierInbound;
import org.accordpay.api.courier.CourierEvents;
import org.accordpay.api.purchase.Books;
import org.accordpay.api.purchase.PurchaseService;
import org.junit.jupiter.api.Test;

/** The published services hand every operation to the flow: none falls back to an interface default. */
class PaymentsFacadeTest {

    @Test
    void everyServiceMethodIsImplemented() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Class<?> service : List.of(PurchaseService.class, Books.class, BankEvents.class, CarrierInbound.class,
                CourierEvents.class)) {
            for (Method m : service.getMethods()) {
                if (m.isDefault()) {
                    Method impl = PaymentsComponent.class.getMethod(m.getName(), m.getParameterTypes());
                    if (impl.getDeclaringClass().isInterface()) {
                        missing.add(service.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        assertThat(missing).as("defaults not overridden").isEmpty();
    }
}
