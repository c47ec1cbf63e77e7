package org.accordpay.registry.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Sign-in policy of the operator accounts (PID {@code org.accordpay.registry}, beside the registry's). */
@ObjectClassDefinition(name = "Accord operator accounts", description = "Lock-out of operator sign-in")
@interface OperatorConfiguration {

    @AttributeDefinition(name = "Failures before lock-out",
            description = "Failed sign-ins (password or code) after which the operator account is locked")
    int operator_lockout_failures() default 5;

    @AttributeDefinition(name = "Lock-out (min)", description = "How long a locked operator account refuses sign-in")
    int operator_lockout_minutes() default 15;
}
