package org.accordpay.demo.internal;

import java.util.Optional;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.MerchantKeys;
import org.accordpay.api.registry.MerchantUsers;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.api.registry.dto.EnrolmentApplication;
import org.accordpay.api.registry.dto.EnrolmentTicket;
import org.accordpay.api.registry.dto.Merchant;
import org.accordpay.api.registry.dto.MerchantApplication;
import org.accordpay.api.registry.dto.MerchantStatus;
import org.accordpay.api.registry.dto.PostalAddress;
import org.accordpay.api.store.AccordStore;
import org.accordpay.bank.ledger.LedgerBank;
import org.accordpay.carrier.loopback.SimulatedHandsets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the embedded default (H2) with a demo merchant "Demo Shop" (admitted, with a console account) and a demo customer
 * enrolled through the real flow with a simulated handset that approves with its PIN, and opens
 * their accounts at the ledger bank. Runs at every start and does only what is missing, so the
 * first start seeds and later starts change nothing. Never on another database.
 */
@Component(configurationPid = "org.accordpay.demo", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = DemoConfiguration.class)
public final class DemoData {

    static final String DISPLAY_NAME = "Demo Shop";
    /** The demo merchant's console account and its password (docs/consoles.md). */
    static final String MERCHANT_LOGIN = "shop@demo.example";
    static final String MERCHANT_PASSWORD = "demo-shop-password";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final DemoConfiguration config;
    private static final int SEED_ATTEMPTS = 5;

    private final AccordStore store;
    private final CustomerRegistry customers;
    private final MerchantRegistry merchants;
    private final LedgerBank bank;
    private final SimulatedHandsets handsets;
    private final MerchantKeys keys;
    private final MerchantUsers merchantUsers;

    /** Seeds in the background, so a slow enrolment never holds up the component runtime. */
    @Activate
    public DemoData(DemoConfiguration config, @Reference AccordStore store, @Reference CustomerRegistry customers,
            @Reference MerchantRegistry merchants, @Reference LedgerBank bank, @Reference SimulatedHandsets handsets,
            @Reference MerchantKeys keys, @Reference MerchantUsers merchantUsers) {
        this.config = config;
        this.store = store;
        this.customers = customers;
        this.merchants = merchants;
        this.bank = bank;
        this.handsets = handsets;
        this.keys = keys;
        this.merchantUsers = merchantUsers;
        if (!config.enabled()) {
            return;
        }
        Thread seeder = new Thread(this::seedWithRetries, "accord-demo-data");
        seeder.setDaemon(true);
        seeder.start();
    }

    /** Components the seeding uses may still be binding at boot (seen: the loopback carrier without its registry). */
    private void seedWithRetries() {
        for (int attempt = 1; attempt <= SEED_ATTEMPTS; attempt++) {
            if (seed(attempt == SEED_ATTEMPTS)) {
                return;
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** @return true when done (or nothing to do), false to try again */
    private boolean seed(boolean last) {
        try {
            if (!config.any_database() && !store.info().database().startsWith("H2")) {
                LOG.info("Demo data not seeded: the store is not the embedded H2 default");
                return true;
            }
            bank.openAccount(config.customer_iban(), "Camille Martin", "EUR", config.customer_balance());
            bank.openAccount(config.merchant_iban(), "Demo Shop SARL", "EUR", 0);
            Merchant merchant = merchant();
            if (merchantUsers.forMerchant(merchant.id()).isEmpty()) {
                merchantUsers.add(merchant.id(), MERCHANT_LOGIN, MERCHANT_PASSWORD.toCharArray(), "demo-data");
            }
            if (customers.resolve(CustomerIdentifier.byPhone(config.customer_phone(), "FR")).isEmpty()) {
                if (handsets.find(config.customer_phone()).isEmpty()) {
                    handsets.create(config.customer_phone(), config.customer_pin().toCharArray());
                }
                EnrolmentTicket ticket = customers.startEnrolment(new EnrolmentApplication(config.customer_phone(),
                        "FR", new BankAccount(config.customer_iban(), null, "Camille Martin"), true,
                        new PostalAddress("Camille Martin", "12 rue des Lilas", "75011", "Paris", "FR"),
                        "demo-password".toCharArray()));
                handsets.enrol(ticket.enrolmentId());
            }
            String keyId = DemoMerchantKey.ensure(keys, merchant.id(),
                    java.nio.file.Path.of(System.getProperty("karaf.etc", "etc")));
            LOG.info("Demo data ready: merchant {} ({}, test API key {} in etc/demo-merchant-key.pem, console account"
                    + " {}), customer {} with a simulated handset (PIN {})", merchant.id(), DISPLAY_NAME, keyId,
                    MERCHANT_LOGIN, config.customer_phone(), config.customer_pin());
            return true;
        } catch (RuntimeException | java.io.IOException e) {
            if (last) {
                LOG.warn("Demo data not seeded: {}", e.toString());
            } else {
                LOG.info("Demo data not seeded yet ({}); trying again", e.toString());
            }
            return false;
        }
    }

    private Merchant merchant() {
        Optional<Merchant> existing = merchants.list(null, 500).stream()
                .filter(m -> m.displayName().equals(DISPLAY_NAME)).findFirst();
        Merchant m = existing.orElseGet(() -> merchants.apply(new MerchantApplication("Demo Shop SARL", DISPLAY_NAME,
                new BankAccount(config.merchant_iban(), null, "Demo Shop SARL")), "demo-data"));
        if (m.status() == MerchantStatus.APPLIED) {
            for (String condition : config.merchant_conditions()) {
                merchants.setCondition(m.id(), condition, true, "demo-data", "demo merchant");
            }
            m = merchants.admit(m.id(), "demo-data", "demo merchant for the embedded default");
        }
        return m;
    }
}
