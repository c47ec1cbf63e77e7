package org.accordpay.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.registry.ReturnUrls;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.AuditLog;
import org.accordpay.api.store.ReturnUrlRepository;
import org.accordpay.api.store.StoreTransaction;
import org.accordpay.api.store.StoreWork;
import org.accordpay.api.store.dto.PendingWork;
import org.accordpay.api.store.dto.ReturnUrlRecord;
import org.accordpay.api.store.dto.StoreInfo;
import org.accordpay.api.time.AccordClock;
import org.accordpay.registry.internal.ReturnUrlsImpl;
import org.junit.jupiter.api.Test;

class ReturnUrlsResourceTest {

    private final InMemoryStore store = new InMemoryStore();
    private final ReturnUrls returnUrls = new ReturnUrlsImpl(store, new AccordClock() {
        @Override
        public Instant now() {
            return Instant.parse("2026-12-05T12:00:00Z");
        }

        @Override
        public Clock asClock() {
            return Clock.fixed(now(), ZoneOffset.UTC);
        }
    });
    private final ReturnUrlsResource resource = new ReturnUrlsResource(returnUrls);

    @Test
    void aRegisteredUrlIsListedInItsModeAndRegisteringItAgainAnswersTheSameOne() {
        Response created = resource.create(signed("m1", Mode.LIVE),
                new ReturnUrlsResource.CreateBody("https://shop.example/thanks?o=1"));
        assertThat(created.getStatus()).isEqualTo(201);
        var view = (ReturnUrlsResource.View) created.getEntity();
        assertThat(view.id()).startsWith("rurl_");
        assertThat(view.mode()).isEqualTo("live");
        assertThat(view.object()).isEqualTo("return_url");
        Response again = resource.create(signed("m1", Mode.LIVE),
                new ReturnUrlsResource.CreateBody("https://shop.example/thanks?o=1"));
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(((ReturnUrlsResource.View) again.getEntity()).id()).isEqualTo(view.id());
        assertThat(resource.list(signed("m1", Mode.LIVE)).data()).extracting(ReturnUrlsResource.View::id)
                .containsExactly(view.id());
        assertThat(resource.list(signed("m1", Mode.TEST)).data()).isEmpty();
        assertThat(resource.list(signed("m2", Mode.LIVE)).data()).isEmpty();
        assertThat(store.audit).containsExactly("return-url.registered");
    }

    @Test
    void onlyAbsoluteHttpsUrlsAndHttpInTestModeAreRegistered() {
        for (String url : List.of("http://shop.example/thanks", "/thanks", "https://user:pw@shop.example/",
                "ftp://shop.example/", "not a url", " ")) {
            ApiProblem p = ProblemMapper.problem(catchThrowable(() -> resource.create(signed("m1", Mode.LIVE),
                    new ReturnUrlsResource.CreateBody(url))));
            assertThat(p.status()).as(url).isEqualTo(422);
            assertThat(p.field()).as(url).isEqualTo("url");
        }
        assertThat(store.urls).isEmpty();
        assertThat(resource.create(signed("m1", Mode.TEST), new ReturnUrlsResource.CreateBody(
                "http://localhost:3000/thanks")).getStatus()).isEqualTo(201);
    }

    @Test
    void aPurchasesReturnUrlMustBeRegisteredExactlyInTheKeysMode() {
        resource.create(signed("m1", Mode.TEST), new ReturnUrlsResource.CreateBody("https://shop.example/thanks"));
        ReturnUrlsResource.requireRegistered(returnUrls, "m1", Mode.TEST, "https://shop.example/thanks");
        ReturnUrlsResource.requireRegistered(returnUrls, "m1", Mode.TEST, null);
        for (var other : List.of(new Object[] {"m1", Mode.TEST, "https://shop.example/thanks/"},
                new Object[] {"m1", Mode.TEST, "https://shop.example/thanks?x=1"},
                new Object[] {"m1", Mode.LIVE, "https://shop.example/thanks"},
                new Object[] {"m2", Mode.TEST, "https://shop.example/thanks"})) {
            ApiProblem p = ProblemMapper.problem(catchThrowable(() -> ReturnUrlsResource.requireRegistered(returnUrls,
                    (String) other[0], (Mode) other[1], (String) other[2])));
            assertThat(p.status()).isEqualTo(422);
            assertThat(p.code()).isEqualTo("unregistered-return-url");
            assertThat(p.field()).isEqualTo("return_url");
        }
    }

    @Test
    void deletingRemovesOnlyTheCallersOwnUrlOfItsMode() {
        var view = (ReturnUrlsResource.View) resource.create(signed("m1", Mode.TEST),
                new ReturnUrlsResource.CreateBody("https://shop.example/thanks")).getEntity();
        for (SecurityContext other : List.of(signed("m2", Mode.TEST), signed("m1", Mode.LIVE))) {
            ApiProblem p = ProblemMapper.problem(catchThrowable(() -> resource.delete(other, view.id())));
            assertThat(p.status()).isEqualTo(404);
            assertThat(p.code()).isEqualTo("unknown-return-url");
        }
        assertThat(resource.delete(signed("m1", Mode.TEST), view.id()).getStatus()).isEqualTo(204);
        assertThat(store.urls).isEmpty();
        assertThat(store.audit).containsExactly("return-url.registered", "return-url.deleted");
        ApiProblem gone = ProblemMapper.problem(catchThrowable(() -> ReturnUrlsResource.requireRegistered(returnUrls, "m1",
                Mode.TEST, "https://shop.example/thanks")));
        assertThat(gone.code()).isEqualTo("unregistered-return-url");
    }

    @Test
    void atMostAHundredPerMode() {
        for (int i = 0; i < ReturnUrls.MAX_PER_MODE; i++) {
            resource.create(signed("m1", Mode.TEST), new ReturnUrlsResource.CreateBody("https://shop.example/" + i));
        }
        ApiProblem p = ProblemMapper.problem(catchThrowable(() -> resource.create(signed("m1", Mode.TEST),
                new ReturnUrlsResource.CreateBody("https://shop.example/one-more"))));
        assertThat(p.code()).isEqualTo("too-many-return-urls");
        assertThat(resource.create(signed("m1", Mode.LIVE), new ReturnUrlsResource.CreateBody(
                "https://shop.example/one-more")).getStatus()).isEqualTo(201);
    }

    static SecurityContext signed(String merchant, Mode mode) {
        Caller caller = new Caller(merchant, "key-" + merchant + "-" + mode, mode, "");
        return MerchantAuthentication.securityContext(caller, true);
    }

    /** Return URLs and audit entry types in memory; any other repository is refused. */
    private static final class InMemoryStore implements AccordStore, ReturnUrlRepository {
        final List<ReturnUrlRecord> urls = new ArrayList<>();
        final List<String> audit = new ArrayList<>();

        @Override
        public <T> T transact(StoreWork<T> work) {
            AuditLog log = (type, purchaseId, body) -> {
                audit.add(type);
                return audit.size();
            };
            StoreTransaction tx = (StoreTransaction) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {StoreTransaction.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "returnUrls" -> this;
                        case "audit" -> log;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
            return work.run(tx);
        }

        @Override
        public StoreInfo info() {
            throw new UnsupportedOperationException();
        }

        @Override
        public PendingWork pendingWork() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void insert(ReturnUrlRecord url) {
            urls.add(url);
        }

        @Override
        public Optional<ReturnUrlRecord> find(String merchantId, Mode mode, String url) {
            return urls.stream().filter(r -> r.merchantId().equals(merchantId) && r.mode() == mode
                    && r.url().equals(url)).findFirst();
        }

        @Override
        public List<ReturnUrlRecord> forMerchant(String merchantId, Mode mode) {
            return urls.stream().filter(r -> r.merchantId().equals(merchantId) && r.mode() == mode).toList();
        }

        @Override
        public boolean delete(String id) {
            return urls.removeIf(r -> r.id().equals(id));
        }
    }
}
