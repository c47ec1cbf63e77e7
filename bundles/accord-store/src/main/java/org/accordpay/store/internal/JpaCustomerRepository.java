package org.accordpay.store.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.api.registry.dto.CustomerStatus;
import org.accordpay.api.registry.dto.PostalAddress;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.CustomerRepository;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.CustomerRecord;
import org.accordpay.store.internal.entity.CustomerEntity;

/** Customers; the unique indexes on phone and reference turn a duplicate into a {@link StoreException}. */
final class JpaCustomerRepository implements CustomerRepository {

    private final JpaStoreTransaction tx;

    JpaCustomerRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(CustomerRecord c) {
        Objects.requireNonNull(c, "customer");
        CustomerEntity e = new CustomerEntity();
        e.id = Objects.requireNonNull(c.id(), "customer id");
        e.createdAt = Times.toMicros(Objects.requireNonNull(c.createdAt(), "createdAt"));
        copy(c, e);
        persist(e, c);
    }

    @Override
    public Optional<CustomerRecord> find(String customerId) {
        Objects.requireNonNull(customerId, "customer id");
        return Optional.ofNullable(tx.em().find(CustomerEntity.class, customerId))
                .map(JpaCustomerRepository::toRecord);
    }

    @Override
    public Optional<CustomerRecord> findByPhone(String phoneE164) {
        Objects.requireNonNull(phoneE164, "phone");
        return by("phoneE164", phoneE164);
    }

    @Override
    public Optional<CustomerRecord> findByReference(String reference) {
        Objects.requireNonNull(reference, "reference");
        return by("reference", reference);
    }

    private Optional<CustomerRecord> by(String field, String value) {
        return tx.em().createQuery("select c from CustomerEntity c where c." + field + " = :value",
                        CustomerEntity.class)
                .setParameter("value", value)
                .getResultStream()
                .findFirst()
                .map(JpaCustomerRepository::toRecord);
    }

    @Override
    public Optional<CustomerRecord> lockForUpdate(String customerId) {
        Objects.requireNonNull(customerId, "customer id");
        return Optional.ofNullable(tx.em().find(CustomerEntity.class, customerId, LockModeType.PESSIMISTIC_WRITE))
                .map(JpaCustomerRepository::toRecord);
    }

    @Override
    public void update(CustomerRecord c) {
        Objects.requireNonNull(c, "customer");
        EntityManager em = tx.em();
        CustomerEntity e = em.find(CustomerEntity.class, c.id());
        if (e == null) {
            throw new StoreException("customer " + c.id() + " does not exist");
        }
        if (e.version != c.version()) {
            throw new ConcurrentUpdateException("customer " + c.id() + " is at version " + e.version + ", not "
                    + c.version());
        }
        copy(c, e);
        try {
            em.flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex)) {
                throw new StoreException("phone number or reference of customer " + c.id() + " already taken", ex);
            }
            throw ex;
        }
    }

    @Override
    public List<CustomerRecord> list(String afterId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        var query = afterId == null
                ? tx.em().createQuery("select c from CustomerEntity c order by c.id", CustomerEntity.class)
                : tx.em().createQuery("select c from CustomerEntity c where c.id > :after order by c.id", CustomerEntity.class)
                        .setParameter("after", afterId);
        return query.setMaxResults(limit).getResultList().stream().map(JpaCustomerRepository::toRecord).toList();
    }

    private void persist(CustomerEntity e, CustomerRecord c) {
        try {
            tx.em().persist(e);
            tx.em().flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex)) {
                throw new StoreException("customer " + c.id() + ", its phone number or reference already exists", ex);
            }
            throw ex;
        }
    }

    /** Copies everything but the id, the creation time and the version. */
    private static void copy(CustomerRecord c, CustomerEntity e) {
        BankAccount account = Objects.requireNonNull(c.bankAccount(), "bank account");
        PostalAddress address = Objects.requireNonNull(c.deliveryAddress(), "delivery address");
        CustomerStatus status = Objects.requireNonNull(c.status(), "status");
        if (status == CustomerStatus.LOCKED) {
            throw new IllegalArgumentException("LOCKED is the credential's state; it is never stored");
        }
        e.reference = c.reference();
        e.phoneE164 = Objects.requireNonNull(c.phoneE164(), "phone");
        e.country = Objects.requireNonNull(c.country(), "country");
        e.iban = Objects.requireNonNull(account.iban(), "iban");
        e.bic = account.bic();
        e.accountHolder = Objects.requireNonNull(account.holder(), "account holder");
        e.mandateId = c.mandateId();
        e.addressName = Objects.requireNonNull(address.name(), "address name");
        e.addressStreet = Objects.requireNonNull(address.street(), "address street");
        e.addressPostcode = Objects.requireNonNull(address.postalCode(), "postal code");
        e.addressCity = Objects.requireNonNull(address.city(), "city");
        e.addressCountry = Objects.requireNonNull(address.country(), "address country");
        e.status = status.name();
        e.passwordHash = Objects.requireNonNull(c.passwordHash(), "password hash");
        e.enrolledAt = c.enrolledAt() == null ? null : Times.toMicros(c.enrolledAt());
        e.updatedAt = Times.toMicros(Objects.requireNonNull(c.updatedAt(), "updatedAt"));
    }

    static CustomerRecord toRecord(CustomerEntity e) {
        return new CustomerRecord(e.id, e.reference, e.phoneE164, e.country,
                new BankAccount(e.iban, e.bic, e.accountHolder), e.mandateId,
                new PostalAddress(e.addressName, e.addressStreet, e.addressPostcode, e.addressCity, e.addressCountry),
                CustomerStatus.valueOf(e.status), e.passwordHash, Times.fromMicros(e.createdAt),
                e.enrolledAt == null ? null : Times.fromMicros(e.enrolledAt), Times.fromMicros(e.updatedAt),
                e.version);
    }
}
