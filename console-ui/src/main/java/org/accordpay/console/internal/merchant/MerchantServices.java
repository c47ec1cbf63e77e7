package org.accordpay.console.internal.merchant;

import org.accordpay.api.registry.MerchantKeys;
import org.accordpay.api.registry.MerchantUsers;
import org.accordpay.api.registry.ReturnUrls;
import org.accordpay.api.webhook.WebhookEndpoints;

/**
 * What the merchant console needs beyond the services all consoles share.
 *
 * @param users    merchant console accounts (sign-in)
 * @param keys     merchants' API keys
 * @param webhooks merchants' webhook endpoints
 * @param returnUrls merchants' return URLs
 */
public record MerchantServices(MerchantUsers users, MerchantKeys keys, WebhookEndpoints webhooks,
        ReturnUrls returnUrls) {
}
