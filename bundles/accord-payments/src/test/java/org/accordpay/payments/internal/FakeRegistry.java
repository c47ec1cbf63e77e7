package org.accordpay.payments.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.accordpay.api.challenge.ChallengeEngine;
import org.accordpay.api.challenge.dto.Provisioning;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.api.registry.dto.Customer;
import org.accordpay.api.registry.dto.CustomerStatus;
import org.accordpay.api.registry.dto.EnrolmentApplication;
import org.accordpay.api.registry.dto.EnrolmentTicket;
import org.accordpay.api.registry.dto.Merchant;
import org.accordpay.api.registry.dto.MerchantApplication;
import org.accordpay.api.registry.dto.MerchantDecision;
import org.accordpay.api.registry.dto.MerchantStatus;
import org.accordpay.api.registry.dto.PostalAddress;
import org.accordpay.api.registry.dto.QualityEvent;
import org.accordpay.api.registry.dto.QualityFigures;

/** In-memory registries for the flow tests; lock-out status comes from the real engine. */
final class FakeRegistry {

    final Map<String, Customer> customerRows = new ConcurrentHashMap<>();
    final Map<String, Merchant> merchantRows = new ConcurrentHashMap<>();
    final CustomerRegistry customers = new Customers();
    final MerchantRegistry merchants = new Merchants();
    final List<String> quality = new ArrayList<>();
    private final ChallengeEngine engine;

    FakeRegistry(ChallengeEngine engine) {
        this.engine = engine;
    }

    Customer addCustomer(String id, String phone, String iban) {
        Customer c = new Customer(id, "AC" + id, phone, "FR", new BankAccount(iban, null, "Holder " + id), "MND-" + id,
                new PostalAddress("Holder " + id, "1 rue de la Paix", "75002", "Paris", "FR"), CustomerStatus.ACTIVE,
                Instant.EPOCH);
        customerRows.put(id, c);
        return c;
    }

    Merchant addMerchant(String id, String iban, MerchantStatus status) {
        Merchant m = new Merchant(id, id + " SAS", "Shop " + id, new BankAccount(iban, null, id + " SAS"), status,
                Set.of(), new QualityFigures(0, 0, 0), Instant.EPOCH);
        merchantRows.put(id, m);
        return m;
    }

    void setStatus(String merchantId, MerchantStatus status) {
        Merchant m = merchantRows.get(merchantId);
        merchantRows.put(merchantId, new Merchant(m.id(), m.legalName(), m.displayName(), m.bankAccount(), status,
                m.conditions(), m.quality(), m.createdAt()));
    }

    private Customer withLock(Customer c) {
        boolean locked = engine.status(c.id()).map(s -> s.locked()).orElse(false);
        return locked ? new Customer(c.id(), c.reference(), c.phoneE164(), c.country(), c.bankAccount(), c.mandateId(),
                c.deliveryAddress(), CustomerStatus.LOCKED, c.enrolledAt()) : c;
    }

    private final class Customers implements CustomerRegistry {
        @Override
        public Optional<Customer> find(String customerId) {
            return Optional.ofNullable(customerRows.get(customerId)).map(FakeRegistry.this::withLock);
        }

        @Override
        public Optional<Customer> resolve(CustomerIdentifier identifier) {
            return customerRows.values().stream().filter(c -> c.phoneE164().equals(identifier.phoneE164())
                    || c.reference().equals(identifier.reference())).findFirst().map(FakeRegistry.this::withLock);
        }

        @Override
        public EnrolmentTicket startEnrolment(EnrolmentApplication application) {
            throw new UnsupportedOperationException();
        }

        @Override
        public EnrolmentTicket confirmPhone(String enrolmentId, String oneTimeCode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Provisioning completeEnrolment(String enrolmentId, byte[] enrolmentRequest) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<EnrolmentTicket> enrolment(String enrolmentId) {
            return Optional.empty();
        }

        @Override
        public List<Customer> list(String afterId, int limit) {
            return List.copyOf(customerRows.values());
        }

        @Override
        public Optional<Customer> authenticate(CustomerIdentifier identifier, char[] password) {
            return Optional.empty();
        }

        @Override
        public Customer unlock(String customerId, String operator, String reason) {
            engine.unlock(customerId, operator, reason);
            return find(customerId).orElseThrow();
        }
    }

    private final class Merchants implements MerchantRegistry {
        @Override
        public Optional<Merchant> find(String merchantId) {
            return Optional.ofNullable(merchantRows.get(merchantId));
        }

        @Override
        public Merchant apply(MerchantApplication application, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Merchant> list(String afterId, int limit) {
            return List.copyOf(merchantRows.values());
        }

        @Override
        public Merchant setCondition(String merchantId, String condition, boolean holds, String actor, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Merchant admit(String merchantId, String actor, String reason) {
            setStatus(merchantId, MerchantStatus.ADMITTED);
            return merchantRows.get(merchantId);
        }

        @Override
        public Merchant suspend(String merchantId, String actor, String reason) {
            setStatus(merchantId, MerchantStatus.SUSPENDED);
            return merchantRows.get(merchantId);
        }

        @Override
        public Merchant reinstate(String merchantId, String actor, String reason) {
            return admit(merchantId, actor, reason);
        }

        @Override
        public synchronized Merchant recordQuality(String merchantId, QualityEvent event) {
            quality.add(merchantId + ":" + event);
            return merchantRows.get(merchantId);
        }

        @Override
        public List<MerchantDecision> decisions(String merchantId) {
            return List.of();
        }
    }
}
