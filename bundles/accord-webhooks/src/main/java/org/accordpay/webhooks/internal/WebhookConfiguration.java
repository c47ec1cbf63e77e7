package org.accordpay.webhooks.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.accordpay.webhooks}. */
@ObjectClassDefinition(name = "Accord webhooks", description = "Delivery of merchant events to their webhook URLs")
@interface WebhookConfiguration {
    @AttributeDefinition(name = "Signing keystore", description = "Ed25519 key deliveries are signed with")
    String keystore_path() default "${karaf.etc}/accord-webhook.p12";

    @AttributeDefinition(name = "Keystore password", description = "Empty: generated next to the keystore")
    String _keystore_password() default "";

    @AttributeDefinition(name = "Public key file", description = "Hex Ed25519 public key for merchants")
    String public_key_path() default "${karaf.etc}/accord-webhook.pub";

    @AttributeDefinition(name = "Give up after (hours)",
            description = "An event failing this long is skipped (recorded); at least 72")
    int give_up_hours() default 96;

    @AttributeDefinition(name = "Request timeout (ms)")
    int timeout_ms() default 5000;

    @AttributeDefinition(name = "Poll interval (ms)", description = "how often new events are looked for while"
            + " none is waiting (a pass that finds a full page is followed by the next one at once)")
    int poll_ms() default 100;
}
