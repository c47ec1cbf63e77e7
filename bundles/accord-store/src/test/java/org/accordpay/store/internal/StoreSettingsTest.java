package org.accordpay.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

    @Test
    void resolvesKarafDataAndKeepsH2Durable() {
        String old = System.getProperty("karaf.data");
        System.setProperty("karaf.data", "/opt/karaf/data");
        try {
            StoreSettings s = StoreSettings.of(StoreComponent.DEFAULT_URL, "sa", "", 8, 5);
            assertThat(s.url()).isEqualTo("jdbc:h2:/opt/karaf/data/accord/accord;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
            assertThat(StoreSettings.of("jdbc:h2:/x;WRITE_DELAY=2000;DB_CLOSE_DELAY=-1;MODE=MySQL", "sa", "", 1, 1).url())
                    .isEqualTo("jdbc:h2:/x;MODE=MySQL;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        } finally {
            if (old == null) {
                System.clearProperty("karaf.data");
            } else {
                System.setProperty("karaf.data", old);
            }
        }
    }

    @Test
    void neverShowsCredentials() {
        StoreSettings s = StoreSettings.of("jdbc:mariadb://bob:pw1@db:3306/accord?user=bob&password=pw2&useSsl=true",
                "bob", "pw3", 8, 5);
        assertThat(s.safeUrl()).startsWith("jdbc:mariadb://db:3306/accord").contains("useSsl=true");
        assertThat(s.safeUrl()).doesNotContain("pw1", "pw2", "pw3", "bob");
        assertThat(s.toString()).doesNotContain("pw1", "pw2", "pw3");
        assertThat(StoreSettings.of("jdbc:h2:/x;USER=sa;PASSWORD=secret", "sa", "", 1, 1).safeUrl())
                .doesNotContain("secret");
    }

    @Test
    void migrationListMatchesTheResources() throws IOException {
        Path dir = Path.of("src/main/resources", Migrations.LOCATION);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    // by version number, as Flyway orders them (V10 after V9)
                    .sorted(java.util.Comparator.comparingInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))))
                    .containsExactlyElementsOf(Migrations.SCRIPTS);
        }
        for (String script : Migrations.SCRIPTS) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(Migrations.LOCATION + "/" + script)) {
                assertThat(in).as(script).isNotNull();
            }
        }
    }
}
