package org.accordpay.challenge.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.accordpay.api.challenge.ChallengeEngine;
import org.accordpay.api.challenge.KeyRotation;
import org.accordpay.api.challenge.MerchantTables;
import org.accordpay.api.challenge.dto.IssuedMerchantTable;
import org.accordpay.api.challenge.dto.MerchantChallenge;
import org.accordpay.api.challenge.dto.MerchantTableStatus;
import org.accordpay.api.challenge.dto.ChallengeRequest;
import org.accordpay.api.challenge.dto.ChallengeVerdict;
import org.accordpay.api.challenge.dto.CredentialStatus;
import org.accordpay.api.challenge.dto.IssuedChallenge;
import org.accordpay.api.challenge.dto.Provisioning;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.time.AccordClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the challenge engine once the store and the clock are there, with its keys from the
 * keystore under {@code etc/}, and expires unanswered challenges in the background; also the merchants'
 * identification tables, under the same keys and policy. Holds no
 * state of its own: restarting it loses nothing.
 */
@Component(service = {ChallengeEngine.class, KeyRotation.class, MerchantTables.class}, configurationPid = "org.accordpay.challenge",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ChallengeConfiguration.class)
public final class ChallengeComponent implements ChallengeEngine, KeyRotation, MerchantTables {

    private static final Logger LOG = LoggerFactory.getLogger(ChallengeComponent.class);

    private final FileKeyCustody custody;
    private final ChallengeEngineImpl engine;
    private final MerchantTableService merchantTables;
    private final ScheduledExecutorService sweeper;

    /** Opens (or creates) the keystore and starts the expiry sweep. */
    @Activate
    public ChallengeComponent(ChallengeConfiguration config, @Reference AccordStore store,
            @Reference AccordClock clock) throws IOException, GeneralSecurityException {
        this.custody = FileKeyCustody.open(Path.of(resolve(config.keystore_path())),
                config._keystore_password().toCharArray());
        ChallengePolicy policy = ChallengePolicy.of(config);
        this.engine = new ChallengeEngineImpl(store, clock, custody, this::rotateCustody, policy);
        this.merchantTables = new MerchantTableService(store, clock, custody, policy);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "accord-challenge-expiry");
            t.setDaemon(true);
            return t;
        });
        int every = Math.max(1, config.expiry_sweep_seconds());
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.SECONDS);
        LOG.info("Accord challenge engine ready ({}, challenge lifetime {} s)", custody,
                config.challenge_lifetime_seconds());
    }

    @Deactivate
    void deactivate() {
        sweeper.shutdownNow();
    }

    private void sweep() {
        try {
            int expired = engine.expireDue(500);
            if (expired > 0) {
                LOG.info("Expired {} unanswered challenge(s)", expired);
            }
        } catch (RuntimeException e) {
            LOG.warn("Challenge expiry sweep failed: {}", e.toString());
        }
    }

    private void rotateCustody() {
        try {
            custody.rotate();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("key rotation failed: " + e.getMessage(), e);
        }
    }

    private static String resolve(String path) {
        String etc = System.getProperty("karaf.etc", "etc");
        return path.replace("${karaf.etc}", etc);
    }

    @Override
    public Provisioning enrol(String customerId, byte[] enrolmentRequest) {
        return engine.enrol(customerId, enrolmentRequest);
    }

    @Override
    public Provisioning reprovision(String customerId, String approvedChallengeId, byte[] reprovisionRequest) {
        return engine.reprovision(customerId, approvedChallengeId, reprovisionRequest);
    }

    @Override
    public CredentialStatus confirmReprovisioning(String customerId, byte[] acknowledgement) {
        return engine.confirmReprovisioning(customerId, acknowledgement);
    }

    @Override
    public IssuedChallenge issue(ChallengeRequest request) {
        return engine.issue(request);
    }

    @Override
    public ChallengeVerdict answer(byte[] responseEnvelope) {
        return engine.answer(responseEnvelope);
    }

    @Override
    public int expireDue(int limit) {
        return engine.expireDue(limit);
    }

    @Override
    public Optional<CredentialStatus> status(String customerId) {
        return engine.status(customerId);
    }

    @Override
    public CredentialStatus unlock(String customerId, String operator, String reason) {
        return engine.unlock(customerId, operator, reason);
    }

    @Override
    public int rotate() {
        return engine.rotate();
    }

    @Override
    public int currentVersion() {
        return engine.currentVersion();
    }

    @Override
    public int rewrap(int limit) {
        int customers = engine.rewrap(limit);
        return customers + merchantTables.rewrap(limit - customers);
    }

    @Override
    public IssuedMerchantTable issueTable(String merchantId, long thresholdMinor, String currency, String actor) {
        return merchantTables.issueTable(merchantId, thresholdMinor, currency, actor);
    }

    @Override
    public MerchantTableStatus setThreshold(String merchantId, long thresholdMinor, String currency, String actor) {
        return merchantTables.setThreshold(merchantId, thresholdMinor, currency, actor);
    }

    @Override
    public Optional<MerchantTableStatus> table(String merchantId) {
        return merchantTables.table(merchantId);
    }

    @Override
    public boolean proofRequired(String merchantId, long amountMinor, String currency) {
        return merchantTables.proofRequired(merchantId, amountMinor, currency);
    }

    @Override
    public MerchantChallenge challenge(String merchantId, String requestDigest) {
        return merchantTables.challenge(merchantId, requestDigest);
    }

    @Override
    public void verify(String merchantId, String challengeId, String requestDigest, String proof) {
        merchantTables.verify(merchantId, challengeId, requestDigest, proof);
    }
}
