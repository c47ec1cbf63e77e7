package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code return_url}; instants are epoch microseconds. */
@Entity
@Table(name = "return_url")
public class ReturnUrlEntity {

    @Id
    @Column(name = "id", length = 64)
    public String id;

    @Column(name = "merchant_id", length = 64, nullable = false)
    public String merchantId;

    @Column(name = "mode", length = 8, nullable = false)
    public String mode;

    @Column(name = "url", length = 1000, nullable = false)
    public String url;

    /** Hex SHA-256 of the UTF-8 URL: the unique key with merchant and mode. */
    @Column(name = "url_sha256", length = 64, nullable = false)
    public String urlSha256;

    @Column(name = "created_at", nullable = false)
    public long createdAt;
}
