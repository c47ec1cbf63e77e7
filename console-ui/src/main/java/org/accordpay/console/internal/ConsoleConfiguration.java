package org.accordpay.console.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the consoles' server (PID {@code org.accordpay.console}). */
@ObjectClassDefinition(name = "Accord consoles", description = "The Vaadin consoles' own HTTP server")
@interface ConsoleConfiguration {

    @AttributeDefinition(name = "Port", description = "TCP port of the consoles")
    int port() default 8080;

    @AttributeDefinition(name = "Host", description = "Address to bind; plain HTTP is refused unless it is loopback")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "TLS", description = "Serve HTTPS (default). false is allowed only on a loopback host")
    boolean tls() default true;

    @AttributeDefinition(name = "Keystore", description = "PKCS#12 keystore with the server certificate, relative to"
            + " karaf.etc; a self-signed one is generated there at first start when absent")
    String keystore() default "accord-console.p12";

    @AttributeDefinition(name = "Keystore password", description = "Password of a configured keystore; empty for the"
            + " generated one (its random password is kept next to it, mode 0600)", type = AttributeType.PASSWORD)
    String keystore_password() default "";

    @AttributeDefinition(name = "Session timeout", description = "Minutes without user activity before a session"
            + " ends (the browser's heartbeat does not count)")
    int session_timeout_minutes() default 15;

    @AttributeDefinition(name = "Failures before lock-out", description = "Failed sign-ins per identifier that pause"
            + " sign-in for that identifier")
    int lockout_failures() default 5;

    @AttributeDefinition(name = "Lock-out window", description = "Minutes over which failures are counted, and how"
            + " long sign-in stays paused")
    int lockout_minutes() default 15;

    @AttributeDefinition(name = "Time zone", description = "Zone in which months start and end for customers"
            + " (IANA id)")
    String zone() default "Europe/Paris";

    @AttributeDefinition(name = "Checkout submissions per address", description = "Phone numbers a client address"
            + " may submit on payment pages per minute")
    int checkout_per_address_per_minute() default 10;

    @AttributeDefinition(name = "Checkout submissions per number", description = "Submissions of one phone number on"
            + " payment pages per 15 minutes")
    int checkout_per_number_per_quarter() default 5;
}
