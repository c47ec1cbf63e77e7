package org.accordpay.payments.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.accordpay.api.bank.BankConnector;
import org.accordpay.api.bank.BankEvents;
import org.accordpay.api.carrier.CarrierInbound;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.challenge.ChallengeEngine;
import org.accordpay.api.courier.CourierConnector;
import org.accordpay.api.courier.CourierEvents;
import org.accordpay.api.purchase.Books;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.routing.SmsRouting;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.time.AccordClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the purchase flow once the store, clock, challenge engine and registries are there,
 * binds every bank and courier connection and the SMS routing as they come and go, and runs the outbox
 * dispatcher and the sweeps. Holds no state of its own: restarting it loses nothing.
 */
@Component(service = {PurchaseService.class, Books.class, BankEvents.class, CarrierInbound.class,
        CourierEvents.class}, configurationPid = "org.accordpay.payments",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PaymentsConfiguration.class)
public final class PaymentsComponent extends PaymentsFacade {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentsComponent.class);

    private final Connectors connectors;
    private final OutboxDispatcher dispatcher;
    private final Thread dispatcherThread;
    private final Thread reportThread;
    private final ScheduledExecutorService sweeper;

    /** Wires the flow and starts the dispatcher and sweeps. */
    @Activate
    public PaymentsComponent(PaymentsConfiguration config, @Reference AccordStore store,
            @Reference AccordClock clock, @Reference ChallengeEngine engine, @Reference CustomerRegistry customers,
            @Reference MerchantRegistry merchants) {
        this(PaymentsSettings.of(config), store, clock, engine, customers, merchants, new Connectors(),
                config.sweep_interval_ms());
    }

    private PaymentsComponent(PaymentsSettings settings, AccordStore store, AccordClock clock, ChallengeEngine engine,
            CustomerRegistry customers, MerchantRegistry merchants, Connectors connectors, int sweepMillis) {
        this(settings, store, clock, engine, customers, merchants, connectors,
                new OutboxDispatcher(store, clock, connectors, settings), sweepMillis);
    }

    private PaymentsComponent(PaymentsSettings settings, AccordStore store, AccordClock clock, ChallengeEngine engine,
            CustomerRegistry customers, MerchantRegistry merchants, Connectors connectors,
            OutboxDispatcher dispatcher, int sweepMillis) {
        super(new PurchaseFlow(store, clock, engine, customers, merchants, settings, dispatcher::wake),
                new Reconciliation(store, clock, connectors));
        this.connectors = connectors;
        this.dispatcher = dispatcher;
        this.dispatcherThread = new Thread(dispatcher, "accord-outbox");
        dispatcherThread.setDaemon(true);
        dispatcherThread.start();
        this.reportThread = new Thread(dispatcher::applyReportsUntilInterrupted, "accord-sms-reports");
        reportThread.setDaemon(true);
        reportThread.start();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "accord-payments-sweeper");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, sweepMillis);
        sweeper.scheduleWithFixedDelay(() -> sweep(clock), every, every, TimeUnit.MILLISECONDS);
        LOG.info("Accord payments ready (live bank {}, test bank {}, delivery reports within {}, fee {} bp,"
                + " dispute window {})", settings.liveBankId(), settings.testBankId(), settings.receiptTimeout(),
                settings.feeBasisPoints(),
                settings.disputeWindow());
    }

    private void sweep(AccordClock clock) {
        try {
            flow().sweepChallenges(clock.now().minus(Duration.ofSeconds(2)));
            flow().sweepDisputeWindow();
            flow().sweepShipDeadline();
        } catch (RuntimeException e) {
            LOG.warn("Payments sweep failed: {}", e.toString());
        }
    }

    /** A carrier's delivery report closes (or re-opens, for the next carrier) an SMS row of the outbox. */
    @Override
    public void reported(DeliveryReport report) {
        dispatcher.reported(report);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        sweeper.shutdownNow();
        dispatcher.stop();
        reportThread.interrupt();
        dispatcherThread.join(5000);
        reportThread.join(5000);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "unbindBank")
    void bindBank(BankConnector bank, Map<String, Object> properties) {
        connectors.bindBank(bank, properties);
        LOG.info("Bank connection {} bound", bank.id());
        wake();
    }

    void unbindBank(BankConnector bank) {
        connectors.unbindBank(bank);
        LOG.info("Bank connection {} unbound", bank.id());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindRouting")
    void bindRouting(SmsRouting routing) {
        connectors.bindRouting(routing);
        LOG.info("SMS routing bound");
        wake();
    }

    void unbindRouting(SmsRouting routing) {
        connectors.unbindRouting(routing);
        LOG.info("SMS routing unbound: messages to handsets wait in the outbox");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "unbindCourier")
    void bindCourier(CourierConnector courier) {
        connectors.bindCourier(courier);
        wake();
    }

    void unbindCourier(CourierConnector courier) {
        connectors.unbindCourier(courier);
    }

    private void wake() {
        dispatcher.wake();
    }
}
