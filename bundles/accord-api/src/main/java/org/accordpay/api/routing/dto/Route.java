package org.accordpay.api.routing.dto;

import java.util.List;

/**
 * Where messages to a number go.
 *
 * @param e164     the number
 * @param operator the mobile operator from the configured number ranges, or {@code default}
 * @param carriers carrier ids in the order they are tried (the operator's own, then the fallback)
 */
public record Route(String e164, String operator, List<String> carriers) {
    /** Copies the list. */
    public Route {
        carriers = List.copyOf(carriers);
    }
}
