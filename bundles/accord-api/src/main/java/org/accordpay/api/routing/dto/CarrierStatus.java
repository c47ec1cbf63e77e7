package org.accordpay.api.routing.dto;

import java.time.Instant;

/**
 * One carrier connection as routing sees it.
 *
 * @param id                  connection id
 * @param bound               a connector service with this id is registered
 * @param available           the connector says its link is up
 * @param healthy             routing sends to it (false while taken out after repeated failures)
 * @param test                it reaches simulated handsets only
 * @param consecutiveFailures failed sends since the last success
 * @param sent                messages it accepted since routing started
 * @param failed              sends it failed since routing started
 * @param outUntil            when a carrier taken out gets its next probe, or null
 */
public record CarrierStatus(String id, boolean bound, boolean available, boolean healthy, boolean test,
        int consecutiveFailures, long sent, long failed, Instant outUntil) {
}
