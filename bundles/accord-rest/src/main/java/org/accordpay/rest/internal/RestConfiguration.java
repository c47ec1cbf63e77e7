package org.accordpay.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the merchant API (PID {@code org.accordpay.rest}). */
@ObjectClassDefinition(name = "Accord merchant API", description = "The merchant API's own HTTP(S) server under /v1")
@interface RestConfiguration {

    @AttributeDefinition(name = "Port", description = "TCP port of the merchant API")
    int port() default 8181;

    @AttributeDefinition(name = "Host", description = "Address to bind; plain HTTP is refused unless it is loopback")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "TLS", description = "Serve HTTPS (default). false is allowed only on a loopback host")
    boolean tls() default true;

    @AttributeDefinition(name = "Keystore", description = "PKCS#12 keystore with the server certificate, relative to"
            + " karaf.etc; a self-signed one is generated there at first start when absent")
    String keystore() default "accord-rest.p12";

    @AttributeDefinition(name = "Keystore password", description = "Password of a configured keystore; empty for the"
            + " generated one (its random password is kept next to it, mode 0600)", type = AttributeType.PASSWORD)
    String keystore_password() default "";

    @AttributeDefinition(name = "Body limit", description = "Largest request body accepted, in bytes")
    int maxBodyBytes() default 65536;

    @AttributeDefinition(name = "Timestamp tolerance", description = "How far a request's Accord-Timestamp may be"
            + " from Accord's clock, in seconds")
    int timestampToleranceSeconds() default 300;

    @AttributeDefinition(name = "Public base URL", description = "Where buyers reach Accord's hosted payment page"
            + " (the consoles' server, PID org.accordpay.console): checkout URLs are <base>/checkout/<token>")
    String public_base_url() default MerchantApiServer.DEFAULT_PUBLIC_BASE_URL;

    @AttributeDefinition(name = "Courier tokens", description = "Bearer tokens of the couriers that report"
            + " deliveries at /v1/couriers/<id>/deliveries, one per courier: <courier id>=<token>",
            type = AttributeType.PASSWORD)
    String[] _courier_tokens() default {};

    @AttributeDefinition(name = "Idempotency retention", description = "How long idempotency keys are kept, in hours"
            + " (at least 24)")
    int idempotencyHours() default 48;
}
