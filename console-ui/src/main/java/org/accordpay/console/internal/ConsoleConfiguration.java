package org.accordpay.console.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the consoles' server (PID {@code org.accordpay.console}). */
@ObjectClassDefinition(name = "Accord consoles", description = "The Vaadin consoles' own HTTP server")
@interface ConsoleConfiguration {

    @AttributeDefinition(name = "Port", description = "TCP port of the consoles")
    int port() default 8080;

    @AttributeDefinition(name = "Host", description = "Address to bind (loopback until TLS is configured)")
    String host() default "127.0.0.1";

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
}
