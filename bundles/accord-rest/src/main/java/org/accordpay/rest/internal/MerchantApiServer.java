package org.accordpay.rest.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.accordpay.api.carrier.CarrierCallback;
import org.accordpay.api.challenge.MerchantTables;
import org.accordpay.api.courier.CourierEvents;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.registry.MerchantKeys;
import org.accordpay.api.registry.ReturnUrls;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.time.AccordClock;
import org.accordpay.api.webhook.WebhookEndpoints;
import org.accordpay.web.ServerCertificate;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SizeLimitHandler;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The merchant API's own server: Jetty (ee10) with Jersey and Jackson, all embedded in this bundle,
 * on its own port; HTTPS by default, plain HTTP only on a loopback address.
 */
@Component(service = {}, immediate = true, configurationPid = "org.accordpay.rest",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RestConfiguration.class)
public final class MerchantApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(MerchantApiServer.class);

    /** Base of checkout URLs when none is configured: the consoles' server, which serves the payment page. */
    static final String DEFAULT_PUBLIC_BASE_URL = "https://localhost:8080";

    private final Server server;
    private final ScheduledExecutorService housekeeping;
    /** Runs checkout submissions and handset answers after they were answered (bounded). */
    private final ThreadPoolExecutor publicWork;

    /** Optional and hot-swapped: without it /v1/webhook-endpoints answers 503, the rest of the API runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile WebhookEndpoints webhooks;
    /** The carriers' HTTP callbacks, bound and unbound while the server runs (carriers come and go). */
    @Reference(service = CarrierCallback.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            fieldOption = FieldOption.UPDATE)
    private final List<CarrierCallback> carrierCallbacks = new CopyOnWriteArrayList<>();
    /** Optional and hot-swapped: without it /v1/couriers/{id}/deliveries answers 503. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CourierEvents courierEvents;

    /** Starts the server; throws (and leaves nothing running) when the port is taken or the configuration unsafe. */
    @Activate
    public MerchantApiServer(RestConfiguration config, @Reference PurchaseService purchases,
            @Reference MerchantRegistry merchants, @Reference MerchantKeys keys, @Reference AccordClock clock,
            @Reference AccordStore store, @Reference MerchantTables merchantTables, @Reference ReturnUrls returnUrls)
            throws Exception {
        if (!config.tls() && !ServerCertificate.loopback(config.host())) {
            throw new IllegalArgumentException("org.accordpay.rest: tls=false is allowed only on a loopback host, not "
                    + config.host());
        }
        Duration tolerance = Duration.ofSeconds(Math.max(1, config.timestampToleranceSeconds()));
        Duration retention = Duration.ofHours(Math.max(24, config.idempotencyHours()));
        ResourceConfig api = resources(purchases, keys, clock, store, tolerance, config.maxBodyBytes(),
                config.public_base_url(), () -> webhooks, new MerchantProofs(merchantTables), returnUrls);
        withSelfService(api, returnUrls, () -> webhooks, carrierCallbacks);
        ThreadPoolExecutor work = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
                r -> {
                    Thread t = new Thread(r, "accord-rest-public");
                    t.setDaemon(true);
                    return t;
                });
        withPublicEndpoints(api, purchases, () -> courierEvents, clock, PublicEndpoints.of(config.public_base_url(),
                courierTokens(config._courier_tokens()), work));

        ClassLoader bundleLoader = MerchantApiServer.class.getClassLoader();
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("accord-rest");
        Server s = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector;
        if (config.tls()) {
            Path etc = Path.of(System.getProperty("karaf.etc", "etc"));
            Path keystore = etc.resolve(config.keystore());
            String password = ServerCertificate.password(keystore, config.keystore_password(), clock.now());
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(keystore.toAbsolutePath().toString());
            ssl.setKeyStoreType("PKCS12");
            ssl.setKeyStorePassword(password);
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            connector = new ServerConnector(s, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(s, new HttpConnectionFactory(http));
        }
        connector.setHost(config.host());
        connector.setPort(config.port());
        s.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.setClassLoader(bundleLoader);
        ServletHolder jersey = new ServletHolder("merchant-api", new ServletContainer(api));
        jersey.setInitOrder(0);
        context.addServlet(jersey, "/*");
        SizeLimitHandler limit = new SizeLimitHandler(config.maxBodyBytes(), -1);
        limit.setHandler(context);
        s.setHandler(limit);
        s.setErrorHandler(new ProblemErrorHandler());

        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(bundleLoader);
        try {
            s.start();
        } catch (Exception e) {
            try {
                s.stop();
            } catch (Exception stop) {
                e.addSuppressed(stop);
            }
            work.shutdownNow();
            throw e;
        } finally {
            current.setContextClassLoader(previous);
        }
        this.server = s;
        this.publicWork = work;
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "accord-rest-housekeeping");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(() -> purge(store, clock, tolerance, retention), 1, 60, TimeUnit.SECONDS);
        LOG.info("merchant API on {}://{}:{}/v1", config.tls() ? "https" : "http", config.host(), connector.getLocalPort());
    }

    static ResourceConfig resources(PurchaseService purchases, MerchantKeys keys, AccordClock clock, AccordStore store,
            Duration tolerance, int maxBody) {
        return resources(purchases, keys, clock, store, tolerance, maxBody, DEFAULT_PUBLIC_BASE_URL, () -> null,
                new MerchantProofs(null), null);
    }

    /**
     * @param webhooks the webhook service now, or null while none is there (event replays answer 503)
     * @param proofs   the merchant identification-table challenge on high-value purchases
     * @param returnUrls the merchants' registered return URLs
     */
    static ResourceConfig resources(PurchaseService purchases, MerchantKeys keys, AccordClock clock, AccordStore store,
            Duration tolerance, int maxBody, String publicBaseUrl, Supplier<WebhookEndpoints> webhooks,
            MerchantProofs proofs, ReturnUrls returnUrls) {
        ResourceConfig api = new ResourceConfig();
        api.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        api.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        api.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        api.register(JacksonFeature.withoutExceptionMappers());
        api.register(new Json());
        api.register(new ProblemMapper());
        api.register(new MerchantAuthentication(keys, store, clock, tolerance, maxBody));
        api.register(new IdempotencyKeys(store, clock));
        api.register(new PurchasesResource(purchases, returnUrls, publicBaseUrl, proofs));
        api.register(new RefundsResource(purchases));
        api.register(new EventsResource(purchases, store, webhooks));
        api.register(new HealthResource(store));
        return api;
    }

    /**
     * Adds the OpenAPI document, the merchant's own registrations (webhook endpoints, return URLs) and the
     * carriers' callbacks to the API.
     */
    static ResourceConfig withSelfService(ResourceConfig api, ReturnUrls returnUrls,
            Supplier<WebhookEndpoints> webhooks, List<CarrierCallback> carrierCallbacks) {
        api.register(new CarrierCallbacksResource(carrierCallbacks));
        api.register(new OpenApiResource());
        api.register(new WebhookEndpointsResource(webhooks));
        api.register(new ReturnUrlsResource(returnUrls));
        return api;
    }

    /**
     * Adds what is not merchant-signed and not a carrier's: the hosted checkout's page endpoints, the couriers'
     * delivery reports and the handsets' answers over HTTPS.
     */
    static ResourceConfig withPublicEndpoints(ResourceConfig api, PurchaseService purchases,
            Supplier<CourierEvents> courierEvents, AccordClock clock, PublicEndpoints settings) {
        api.register(new CheckoutResource(purchases, settings));
        api.register(new CourierDeliveriesResource(courierEvents, settings, clock));
        api.register(new HandsetAnswersResource(purchases, settings));
        return api;
    }

    /** @return courier id to SHA-256 of its token, from {@code <courier id>=<token>} entries (others ignored, logged) */
    static Map<String, byte[]> courierTokens(String[] entries) {
        Map<String, byte[]> tokens = new HashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            for (String one : entry.split(",")) {
                int eq = one.indexOf('=');
                String id = eq > 0 ? one.substring(0, eq).strip() : "";
                String token = eq > 0 ? one.substring(eq + 1).strip() : "";
                if (id.isEmpty() || token.length() < 16) {
                    if (!one.isBlank()) {
                        LOG.warn("org.accordpay.rest: a .courier.tokens entry is not <courier id>=<token of at least"
                                + " 16 characters>: ignored");
                    }
                    continue;
                }
                tokens.put(id, CourierDeliveriesResource.sha256(token));
            }
        }
        return tokens;
    }

    private static void purge(AccordStore store, AccordClock clock, Duration tolerance, Duration retention) {
        try {
            Instant now = clock.now();
            store.transact(tx -> {
                tx.apiRequests().purgeSignatures(now.minus(tolerance.multipliedBy(2)));
                tx.apiRequests().purgeIdempotency(now.minus(retention));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("merchant API housekeeping failed: {}", e.toString());
        }
    }

    /** Stops the server and the housekeeping. */
    @Deactivate
    void stop() throws Exception {
        housekeeping.shutdownNow();
        server.stop();
        publicWork.shutdown();
    }
}
