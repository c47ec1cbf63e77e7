package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code customer}; never leaves the store bundle. */
@Entity
@Table(name = "customer")
public class CustomerEntity {

    @Id
    @Column(name = "id", length = 64)
    public String id;

    @Column(name = "reference_no", length = 32)
    public String reference;

    @Column(name = "phone_e164", length = 20, nullable = false)
    public String phoneE164;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "country", length = 2, nullable = false)
    public String country;

    @Column(name = "iban", length = 34, nullable = false)
    public String iban;

    @Column(name = "bic", length = 11)
    public String bic;

    @Column(name = "account_holder", length = 255, nullable = false)
    public String accountHolder;

    @Column(name = "mandate_id", length = 64)
    public String mandateId;

    @Column(name = "address_name", length = 255, nullable = false)
    public String addressName;

    @Column(name = "address_street", length = 1000, nullable = false)
    public String addressStreet;

    @Column(name = "address_postcode", length = 32, nullable = false)
    public String addressPostcode;

    @Column(name = "address_city", length = 255, nullable = false)
    public String addressCity;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "address_country", length = 2, nullable = false)
    public String addressCountry;

    @Column(name = "status", length = 16, nullable = false)
    public String status;

    @Column(name = "password_hash", length = 255, nullable = false)
    public String passwordHash;

    @Column(name = "created_at", nullable = false)
    public long createdAt;

    @Column(name = "enrolled_at")
    public Long enrolledAt;

    @Column(name = "updated_at", nullable = false)
    public long updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;
}
