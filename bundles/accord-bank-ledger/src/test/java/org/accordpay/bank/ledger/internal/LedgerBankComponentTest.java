package org.accordpay.bank.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.accordpay.api.bank.BankConnector;
import org.accordpay.api.bank.dto.BankStatus;
import org.accordpay.bank.ledger.LedgerBank;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The DS component: registers both services with the bank's id and mode, and passes BankEvents on. */
class LedgerBankComponentTest {

    @Test
    void registersTheBankWithItsIdAndModeAndReportsToBankEvents() throws Exception {
        String url = TestDatabases.h2Url();
        AtomicReference<String[]> classes = new AtomicReference<>();
        AtomicReference<Object> service = new AtomicReference<>();
        AtomicReference<Dictionary<String, ?>> props = new AtomicReference<>();
        AtomicBoolean unregistered = new AtomicBoolean();
        ServiceRegistration<?> registration = (ServiceRegistration<?>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> {
                    if (m.getName().equals("unregister")) {
                        unregistered.set(true);
                    }
                    return null;
                });
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (p, m, a) -> {
                    if (m.getName().equals("registerService") && a[0] instanceof String[] names) {
                        classes.set(names);
                        service.set(a[1]);
                        @SuppressWarnings("unchecked")
                        Dictionary<String, ?> d = (Dictionary<String, ?>) a[2];
                        props.set(d);
                        return registration;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        LedgerConfig config = config(Map.of("id", "bank-a", "mode", "test", "url", url));

        LedgerBankComponent component = new LedgerBankComponent(context, config, new TestClock());
        RecordingEvents events = new RecordingEvents();
        component.bindEvents(events);
        try {
            LedgerBankContractTest.await(() -> service.get() != null);
            assertThat(classes.get()).containsExactlyInAnyOrder(BankConnector.class.getName(), LedgerBank.class.getName());
            assertThat(props.get().get(BankConnector.ID_PROPERTY)).isEqualTo("bank-a");
            assertThat(props.get().get(BankConnector.MODE_PROPERTY)).isEqualTo("test");

            LedgerBank bank = (LedgerBank) service.get();
            String customer = LedgerBankContractTest.iban();
            bank.openAccount(customer, "Nina", "EUR", 1_000);
            String key = "component-" + System.nanoTime();
            ((BankConnector) bank).submit(LedgerBankContractTest.instruction(key,
                    org.accordpay.api.bank.dto.BankOperation.DEBIT, customer, 100));
            assertThat(LedgerBankContractTest.awaitStatus(events, key, BankStatus.SETTLED).bankId()).isEqualTo("bank-a");
        } finally {
            component.unbindEvents(events);
            component.deactivate();
        }
        assertThat(unregistered).isTrue();
    }

    /** A configuration with the annotation's defaults, overridden by {@code values}. */
    static LedgerConfig config(Map<String, Object> values) {
        return (LedgerConfig) Proxy.newProxyInstance(LedgerConfig.class.getClassLoader(),
                new Class<?>[] {LedgerConfig.class}, (p, m, a) -> {
                    if (values.containsKey(m.getName())) {
                        return values.get(m.getName());
                    }
                    if (m.getDefaultValue() != null) {
                        return m.getDefaultValue();
                    }
                    if (m.getName().equals("annotationType")) {
                        return LedgerConfig.class;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}
