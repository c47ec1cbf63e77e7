package org.accordpay.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code org.accordpay.store}. */
@ObjectClassDefinition(id = StoreComponent.PID, name = "Accord store",
        description = "Database of Accord. Changing url/user is refused while the old database holds unfinished work.")
@interface StoreConfig {

    @AttributeDefinition(name = "JDBC URL",
            description = "jdbc:h2:... or jdbc:mariadb://host:port/db; ${karaf.data} is resolved")
    String url() default StoreComponent.DEFAULT_URL;

    @AttributeDefinition(name = "User")
    String user() default "sa";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Pool size", min = "1")
    int pool_size() default 8;

    @AttributeDefinition(name = "Connect retry (s)", description = "Seconds between connection attempts", min = "1")
    int connect_retry_seconds() default 5;
}
