package org.accordpay.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Runs Flyway with the migrations named explicitly: Flyway's class path scanner does not
 * reliably list {@code bundle:} URLs, so it is never asked to scan. Add every new migration
 * file to {@link #SCRIPTS} (a unit test checks the list against the directory).
 */
public final class Migrations {

    /** Folder of the SQL migrations inside the bundle. */
    public static final String LOCATION = "db/migration";

    /** Every migration script, in version order. */
    public static final List<String> SCRIPTS = List.of("V1__accord_schema.sql", "V2__challenge_engine.sql",
            "V3__reprovisioning.sql", "V4__audit_chain.sql", "V5__registry.sql", "V6__payments.sql",
            "V7__outbox_delivered_via.sql", "V8__merchant_api.sql", "V9__webhooks.sql",
            "V10__sms_attempts.sql", "V11__return_urls.sql", "V12__hosted_checkout.sql",
            "V13__merchant_users.sql",
            "V14__operators.sql",
            "V15__merchant_tables.sql", "V16__merchant_event_order.sql");

    private Migrations() {
    }

    /**
     * Migrates the database to the latest version.
     *
     * @return the schema version now applied
     */
    public static String migrate(DataSource dataSource, ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Flyway flyway = Flyway.configure(loader)
                    .dataSource(dataSource)
                    .locations("classpath:" + LOCATION)
                    .resourceProvider(new ScriptProvider(loader))
                    .javaMigrationClassProvider(new NoJavaMigrations())
                    .cleanDisabled(true)
                    .validateMigrationNaming(true)
                    .load();
            MigrateResult result = flyway.migrate();
            String version = flyway.info().current() == null ? null
                    : flyway.info().current().getVersion().getVersion();
            return version != null ? version : result.targetSchemaVersion;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static final class ScriptProvider implements ResourceProvider {

        private final ClassLoader loader;

        ScriptProvider(ClassLoader loader) {
            this.loader = loader;
        }

        @Override
        public LoadableResource getResource(String name) {
            String file = name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
            return SCRIPTS.contains(file) ? new Script(loader, file) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            List<LoadableResource> found = new ArrayList<>();
            for (String file : SCRIPTS) {
                if (!file.startsWith(prefix)) {
                    continue;
                }
                for (String suffix : suffixes) {
                    if (file.endsWith(suffix)) {
                        found.add(new Script(loader, file));
                        break;
                    }
                }
            }
            return found;
        }
    }

    static final class Script extends LoadableResource {

        private final ClassLoader loader;
        private final String file;

        Script(ClassLoader loader, String file) {
            this.loader = loader;
            this.file = file;
        }

        @Override
        public Reader read() {
            InputStream in = loader.getResourceAsStream(LOCATION + "/" + file);
            if (in == null) {
                throw new UncheckedIOException(new IOException("migration not found in bundle: " + LOCATION + "/" + file));
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return LOCATION + "/" + file;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return LOCATION + "/" + file;
        }

        @Override
        public String getFilename() {
            return file;
        }

        @Override
        public String getRelativePath() {
            return file;
        }
    }

    static final class NoJavaMigrations implements ClassProvider<JavaMigration> {
        @Override
        public Collection<Class<? extends JavaMigration>> getClasses() {
            return List.of();
        }
    }
}
