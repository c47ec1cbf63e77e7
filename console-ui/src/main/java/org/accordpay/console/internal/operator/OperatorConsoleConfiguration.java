package org.accordpay.console.internal.operator;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The operator console's own server (PID {@code org.accordpay.console}, keys {@code operator.*}). */
@ObjectClassDefinition(name = "Accord operator console", description = "The operator console's own HTTP server")
@interface OperatorConsoleConfiguration {

    @AttributeDefinition(name = "Operator port", description = "TCP port of the operator console")
    int operator_port() default 8082;

    @AttributeDefinition(name = "Operator host", description = "Address to bind: loopback, reach it through an SSH"
            + " tunnel or a bastion")
    String operator_host() default "127.0.0.1";

    @AttributeDefinition(name = "Operator session timeout", description = "Minutes without user activity before an"
            + " operator session ends")
    int operator_session_timeout_minutes() default 15;

    @AttributeDefinition(name = "Refresh (s)", description = "Seconds between two updates of the live figures")
    int operator_refresh_seconds() default 2;
}
