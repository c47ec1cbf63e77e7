package org.accordpay.carrier.smpp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One SMSC connection (factory PID {@code org.accordpay.carrier.smpp}, e.g. etc/org.accordpay.carrier.smpp-orange.cfg). */
@ObjectClassDefinition(name = "Accord SMPP carrier",
        description = "One SMPP 3.4 transceiver session to an SMSC, published as a carrier connection")
@interface SmppConfiguration {

    @AttributeDefinition(name = "Carrier id", description = "Published as accord.carrier.id; routing picks carriers by it")
    String id();

    @AttributeDefinition(name = "SMSC host", description = "Host name or address of the SMSC")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "SMSC port", description = "TCP port of the SMSC")
    int port() default 2775;

    @AttributeDefinition(name = "System id", description = "ESME account (system_id of bind_transceiver)")
    String system_id();

    @AttributeDefinition(name = "Password", description = "ESME password (at most 8 characters in SMPP 3.4); never logged",
            type = AttributeType.PASSWORD)
    String _password() default "";

    @AttributeDefinition(name = "System type", description = "system_type of the bind, often empty")
    String system_type() default "";

    @AttributeDefinition(name = "Source address", description = "Sender shown on handsets: a short code, a number or an alphanumeric name")
    String source_address() default "Accord";

    @AttributeDefinition(name = "Source TON", description = "Type of number of the source address (0 unknown, 1 international, 3 network specific, 5 alphanumeric)")
    int source_ton() default 5;

    @AttributeDefinition(name = "Source NPI", description = "Numbering plan of the source address (0 unknown, 1 ISDN E.164)")
    int source_npi() default 0;

    @AttributeDefinition(name = "Destination TON", description = "Type of number of destination addresses (1 international: E.164 without '+')")
    int destination_ton() default 1;

    @AttributeDefinition(name = "Destination NPI", description = "Numbering plan of destination addresses (1 ISDN E.164)")
    int destination_npi() default 1;

    @AttributeDefinition(name = "Window", description = "Most submit_sm waiting for their response at once")
    int window() default 10;

    @AttributeDefinition(name = "Window wait (ms)", description = "How long a send waits for room in the window or the rate before it fails (retryable)")
    long window_wait_ms() default 2000;

    @AttributeDefinition(name = "Rate (submit_sm/s)", description = "Most submit_sm per second, one per message part; 0 for no limit")
    int rate() default 100;

    @AttributeDefinition(name = "Enquire link interval (ms)", description = "Idle time before an enquire_link; also the read timeout")
    int enquire_link_ms() default 30000;

    @AttributeDefinition(name = "Response timeout (ms)", description = "How long a bind or submit_sm waits for its response")
    long response_timeout_ms() default 10000;

    @AttributeDefinition(name = "Connect timeout (ms)", description = "TCP connect timeout")
    int connect_timeout_ms() default 5000;

    @AttributeDefinition(name = "Reconnect back-off min (ms)", description = "First wait before binding again after a failure; doubles up to the max")
    long reconnect_min_ms() default 1000;

    @AttributeDefinition(name = "Reconnect back-off max (ms)", description = "Longest wait between two bind attempts")
    long reconnect_max_ms() default 60000;

    @AttributeDefinition(name = "Binary source port", description = "Originator port of binary parts (16-bit application port addressing); also their destination port when a message names none")
    int binary_port() default 16707;

    @AttributeDefinition(name = "Delivery receipts", description = "Ask the SMSC for a receipt of every part (registered_delivery)")
    boolean registered_delivery() default true;

    @AttributeDefinition(name = "Receipts remembered", description = "SMSC message ids kept to match receipts to Accord's messages (oldest forgotten first)")
    int receipt_memory() default 100000;

    @AttributeDefinition(name = "Inbound queue", description = "Messages and receipts kept while Accord's inbound service is away (oldest dropped first)")
    int inbound_queue() default 10000;

    @AttributeDefinition(name = "Test SMSC", description = "True when the SMSC only reaches simulated handsets: test-mode purchases may use it")
    boolean test() default false;
}
