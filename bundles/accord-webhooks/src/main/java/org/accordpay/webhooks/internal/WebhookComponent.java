package org.accordpay.webhooks.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.time.AccordClock;
import org.accordpay.api.webhook.WebhookEndpoints;
import org.accordpay.api.webhook.dto.WebhookEndpoint;
import org.accordpay.crypto.SigningKeyFile;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@link WebhookEndpoints} and runs the deliverer thread once the store and clock are
 * there; the signing key is created in {@code etc/} at first start. Holds no state of its own.
 */
@Component(service = WebhookEndpoints.class, configurationPid = "org.accordpay.webhooks",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = WebhookConfiguration.class)
public final class WebhookComponent implements WebhookEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookComponent.class);

    private final SigningKeyFile key;
    private final WebhookService service;
    private final WebhookDeliverer deliverer;
    private final Thread thread;

    /** Opens the signing key and starts delivering. */
    @Activate
    public WebhookComponent(WebhookConfiguration config, @Reference AccordStore store, @Reference AccordClock clock)
            throws IOException, GeneralSecurityException {
        this.key = SigningKeyFile.open(Path.of(resolve(config.keystore_path())),
                config._keystore_password().toCharArray(), "webhook-ed25519-seed",
                Path.of(resolve(config.public_key_path())));
        WebhookSigner signer = new WebhookSigner(key);
        this.deliverer = new WebhookDeliverer(store, clock, signer,
                Duration.ofHours(Math.max(72, config.give_up_hours())), Duration.ofMillis(config.timeout_ms()),
                Math.max(50, config.poll_ms()));
        this.service = new WebhookService(store, clock, signer, deliverer::wake);
        this.thread = new Thread(deliverer, "accord-webhooks");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Accord webhooks ready (signing key {})", key.keyId());
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        deliverer.stop();
        thread.join(5000);
        key.close();
    }

    @Override
    public WebhookEndpoint register(String merchantId, String url, Mode mode, long fromSeq, String actor) {
        return service.register(merchantId, url, mode, fromSeq, actor);
    }

    @Override
    public WebhookEndpoint disable(String merchantId, String endpointId, String actor) {
        return service.disable(merchantId, endpointId, actor);
    }

    @Override
    public WebhookEndpoint replayFrom(String merchantId, String endpointId, long afterSeq, String actor) {
        return service.replayFrom(merchantId, endpointId, afterSeq, actor);
    }

    @Override
    public List<WebhookEndpoint> list(String merchantId) {
        return service.list(merchantId);
    }

    @Override
    public String signingKey() {
        return service.signingKey();
    }

    private static String resolve(String path) {
        String etc = System.getProperty("karaf.etc", "etc");
        return path.replace("${karaf.etc}", etc);
    }
}
