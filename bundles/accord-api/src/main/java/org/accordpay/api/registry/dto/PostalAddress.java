package org.accordpay.api.registry.dto;

/**
 * A delivery address, given to the merchant only once a purchase is paid (step 7).
 *
 * @param name       recipient
 * @param street     street lines, newline-separated
 * @param postalCode postal code
 * @param city       city
 * @param country    ISO 3166-1 alpha-2 code
 */
public record PostalAddress(String name, String street, String postalCode, String city, String country) {
}
