package org.accordpay.api.store.dto;

import java.time.Instant;
import org.accordpay.api.purchase.Mode;

/**
 * A return URL a merchant registered: a purchase of that merchant and mode may send its buyer back
 * only to a registered URL, matched exactly.
 *
 * @param id         Accord's id ({@code rurl_...})
 * @param merchantId the merchant
 * @param mode       the mode of the purchases that may use it
 * @param url        the absolute URL, as registered
 * @param createdAt  when registered
 * @since 1.2
 */
public record ReturnUrlRecord(String id, String merchantId, Mode mode, String url, Instant createdAt) {
}
