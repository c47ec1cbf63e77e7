package org.accordpay.api.registry.dto;

import java.time.Instant;

/**
 * An enrolled customer (patent: customer database).
 *
 * @param id              registry id
 * @param reference       Accord reference number the customer may give instead of the phone
 * @param phoneE164       phone number in E.164 form
 * @param country         ISO 3166-1 alpha-2 country of residence
 * @param bankAccount     account debited for purchases
 * @param mandateId       reference of the debit mandate the customer accepted, or null while pending
 * @param deliveryAddress default delivery address
 * @param status          enrolment status
 * @param enrolledAt      when enrolment completed, or null
 */
public record Customer(String id, String reference, String phoneE164, String country, BankAccount bankAccount,
        String mandateId, PostalAddress deliveryAddress, CustomerStatus status, Instant enrolledAt) {
}
