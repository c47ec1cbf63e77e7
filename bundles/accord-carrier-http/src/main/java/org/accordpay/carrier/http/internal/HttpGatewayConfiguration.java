package org.accordpay.carrier.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One HTTP SMS gateway (factory PID {@code org.accordpay.carrier.http}, e.g. etc/org.accordpay.carrier.http-acme.cfg). */
@ObjectClassDefinition(name = "Accord HTTP SMS gateway",
        description = "One HTTP SMS gateway account, published as a carrier connection; its mobile-originated messages and "
                + "delivery reports come back to /v1/carriers/<id>/mo and /v1/carriers/<id>/report of the merchant API")
@interface HttpGatewayConfiguration {

    @AttributeDefinition(name = "Carrier id", description = "Published as accord.carrier.id; routing picks carriers by it, "
            + "and it names the callback URLs")
    String id();

    @AttributeDefinition(name = "Gateway URL", description = "Where messages are POSTed; https, or http on a loopback host only")
    String url();

    @AttributeDefinition(name = "Body format", description = "json: an application/json object; form: "
            + "application/x-www-form-urlencoded", options = {@Option(label = "JSON", value = "json"),
                    @Option(label = "Form", value = "form")})
    String format() default "json";

    @AttributeDefinition(name = "Credentials", description = "bearer: Authorization: Bearer <token>; basic: user name and "
            + "password; none", options = {@Option(label = "Bearer token", value = "bearer"),
                    @Option(label = "Basic", value = "basic"), @Option(label = "None", value = "none")})
    String auth() default "bearer";

    @AttributeDefinition(name = "User name", description = "User name of basic credentials")
    String username() default "";

    @AttributeDefinition(name = "Password", description = "Password of basic credentials; never logged",
            type = AttributeType.PASSWORD)
    String _password() default "";

    @AttributeDefinition(name = "Token", description = "Bearer token the gateway expects; never logged",
            type = AttributeType.PASSWORD)
    String _token() default "";

    @AttributeDefinition(name = "Inbound token", description = "Secret the gateway presents on its callbacks as "
            + "Authorization: Bearer <token>; when empty every callback is refused; never logged",
            type = AttributeType.PASSWORD)
    String _inbound_token() default "";

    @AttributeDefinition(name = "Sender", description = "Sent as field 'from': a short code, a number or an "
            + "alphanumeric name; empty for the account's default")
    String sender() default "";

    @AttributeDefinition(name = "Timeout (ms)", description = "Connect timeout and longest wait for the gateway's answer; "
            + "a timeout is retryable")
    long timeout_ms() default 10000;

    @AttributeDefinition(name = "Requests in flight", description = "Most requests waiting for the gateway at once; "
            + "a send finding no room within the timeout fails (retryable)")
    int max_in_flight() default 10;

    @AttributeDefinition(name = "Failures before unavailable", description = "Consecutive connection failures or timeouts "
            + "after which the connection reports itself unavailable")
    int failures_before_unavailable() default 3;

    @AttributeDefinition(name = "Probe after (ms)", description = "While unavailable, time after the last failure when "
            + "the connection reports itself available again so that one send probes the gateway")
    long probe_after_ms() default 30000;

    @AttributeDefinition(name = "Test carrier", description = "Published as accord.carrier.test: true when the gateway "
            + "only reaches simulated handsets, so that test purchases go through it and live ones never do")
    boolean test() default false;

    @AttributeDefinition(name = "Delivery receipts", description = "Published as accord.carrier.receipts: false when the "
            + "gateway never calls back with delivery reports (an accepted message then counts as delivered)")
    boolean receipts() default true;

    @AttributeDefinition(name = "Receipts remembered", description = "Gateway message ids kept to match delivery reports "
            + "that name only the gateway's id (oldest forgotten first)")
    int receipt_memory() default 100000;

    @AttributeDefinition(name = "Inbound queue", description = "Messages and reports kept while Accord's inbound service "
            + "is away (oldest dropped first)")
    int inbound_queue() default 10000;
}
