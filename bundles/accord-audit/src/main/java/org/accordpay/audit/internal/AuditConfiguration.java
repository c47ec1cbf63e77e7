package org.accordpay.audit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The audit trail (PID {@code org.accordpay.audit}). */
@ObjectClassDefinition(name = "Accord audit trail",
        description = "Hash chain of the audit log, signed heads and the head file")
@interface AuditConfiguration {

    @AttributeDefinition(name = "Chain interval (ms)", description = "How often unlinked entries are linked and signed")
    long chain_interval_millis() default 1000;

    @AttributeDefinition(name = "Chain batch", description = "Entries linked per transaction")
    int chain_batch() default 500;

    @AttributeDefinition(name = "Verify page", description = "Entries read per transaction by verify")
    int verify_page_size() default 1000;

    @AttributeDefinition(name = "Keystore", description = "PKCS#12 file holding the audit signing key (Ed25519 seed)")
    String keystore_path() default "${karaf.etc}/accord-audit.p12";

    @AttributeDefinition(name = "Keystore password", type = AttributeType.PASSWORD,
            description = "Empty: a random password is kept in <keystore>.password (mode 0600)")
    // leading underscore: the property is ".keystore.password", which DS never publishes on the service
    String _keystore_password() default "";

    @AttributeDefinition(name = "Public key file", description = "Hex public key, for third parties verifying heads")
    String public_key_path() default "${karaf.etc}/accord-audit.pub";

    @AttributeDefinition(name = "Head file", description = "Append-only copy of every signed head, outside the database")
    String heads_file() default "${karaf.data}/accord/audit-heads.log";
}
