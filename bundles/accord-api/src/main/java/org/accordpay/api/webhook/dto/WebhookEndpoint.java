package org.accordpay.api.webhook.dto;

import java.time.Instant;
import org.accordpay.api.purchase.Mode;

/**
 * A merchant's registered webhook URL. Events of purchases in its mode are delivered to it in
 * order, at least once, each retried with back-off for at least three days.
 *
 * @param id            endpoint id
 * @param merchantId    the merchant
 * @param url           where events are POSTed (https in live mode)
 * @param mode          test endpoints get test purchases' events, live endpoints live ones
 * @param createdAt     when registered
 * @param disabledAt    when disabled, or null while active
 * @param deliveredUpTo sequence number of the last event handled (delivered or given up)
 * @param failingSince  when the event now being delivered first failed, or null
 * @param lastError     the last delivery failure, or null
 */
public record WebhookEndpoint(String id, String merchantId, String url, Mode mode, Instant createdAt,
        Instant disabledAt, long deliveredUpTo, Instant failingSince, String lastError) {
}
