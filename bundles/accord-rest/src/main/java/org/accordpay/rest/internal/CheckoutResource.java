package org.accordpay.rest.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.dto.CheckoutView;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /v1/checkout/{token}: what Accord's hosted payment page calls. Not merchant-signed: the unguessable
 * token is the credential. It never shows customer data, and the answer to a phone number is the same
 * whether the number is enrolled or not (the work runs after the answer), rate-limited per client
 * address and per number.
 */
@Path("/v1/checkout/{token}")
@Produces(MediaType.APPLICATION_JSON)
public final class CheckoutResource {

    private static final Logger LOG = LoggerFactory.getLogger(CheckoutResource.class);
    private static final Pattern CHECKOUT_PATH = Pattern.compile("/v1/checkout/[A-Za-z0-9_-]{1,64}(/customer)?");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final PurchaseService purchases;
    private final PublicEndpoints settings;

    CheckoutResource(PurchaseService purchases, PublicEndpoints settings) {
        this.purchases = purchases;
        this.settings = settings;
    }

    /** @return true when {@code rawPath} is a checkout route (public) */
    static boolean isCheckout(String rawPath) {
        return rawPath != null && CHECKOUT_PATH.matcher(rawPath).matches();
    }

    /**
     * The checkout as the page shows it: merchant, basket, total and a state for the buyer; the return
     * URL once the buyer's part is over.
     */
    @GET
    public CheckoutPage get(@PathParam("token") String token) {
        return CheckoutPage.of(find(token));
    }

    /**
     * The buyer's phone number. 202 whatever the number: an enrolled customer is challenged, anything
     * else leaves the checkout waiting until it expires.
     */
    @POST
    @Path("customer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response customer(@PathParam("token") String token, @Context HttpServletRequest http,
            SubmitCustomerBody body) {
        String address = http == null ? "unknown" : http.getRemoteAddr();
        if (!settings.perAddress().tryAcquire(address)) {
            throw tooMany("too many submissions from this address; retry in a minute");
        }
        if (body == null) {
            throw ApiProblem.invalid(null, "a JSON body is required");
        }
        CustomerIdentifier buyer = PurchaseRequests.byPhone(body.phone(), body.country(), "");
        CheckoutView checkout = find(token);
        // refused only once over: a checkout whose number named a customer (CHALLENGED) must answer as one whose
        // number named nobody (still waiting), else a second submission would tell which the first was
        if (!checkout.buyerState().open()) {
            throw new ApiProblem(409, "wrong-state", "Not allowed in the purchase's state",
                    "this checkout is over", null);
        }
        if (!settings.perNumber().tryAcquire(buyer.phoneE164())) {
            throw tooMany("too many submissions for this number; retry later");
        }
        try {
            settings.worker().execute(() -> {
                try {
                    purchases.attachCustomer(token, buyer);
                } catch (RuntimeException e) {
                    LOG.debug("checkout submission ended: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            throw tooMany("Accord is busy; retry in a minute");
        }
        return Response.accepted(new Submitted("checkout", "submitted")).type(MediaType.APPLICATION_JSON).build();
    }

    private CheckoutView find(String token) {
        CheckoutView view = token != null && TOKEN.matcher(token).matches()
                ? purchases.checkout(token).orElse(null) : null;
        if (view == null) {
            throw new ApiProblem(404, "unknown-checkout", "No such checkout", "no checkout with this token", null);
        }
        return view;
    }

    static ApiProblem tooMany(String detail) {
        return new ApiProblem(429, "rate-limited", "Too many requests", detail, null);
    }

    /** The public state of a checkout for the buyer, which does not tell an unknown number from a challenged one. */
    static String publicState(CheckoutView c) {
        return Bodies.lower(c.buyerState().name());
    }

    /**
     * POST /v1/checkout/{token}/customer.
     *
     * @param phone   E.164
     * @param country ISO 3166-1 alpha-2 country of residence
     */
    record SubmitCustomerBody(String phone, String country) {
    }

    /** The answer to a submission, always the same. */
    record Submitted(String object, String status) {
    }

    /**
     * GET /v1/checkout/{token}: amounts in minor units of {@code currency}; {@code returnUrl} once the state is
     * final (not {@code awaiting_customer} or {@code awaiting_approval}).
     */
    record CheckoutPage(String object, String merchantName, String merchantOrderRef, String mode, String state,
            String currency, long amount, List<Bodies.ItemView> items, String expiresAt, String returnUrl) {
        static CheckoutPage of(CheckoutView c) {
            String state = publicState(c);
            boolean open = c.buyerState().open();
            return new CheckoutPage("checkout", c.merchantName(), c.merchantOrderRef(), Bodies.lower(c.mode().name()),
                    state, c.total().currency(), c.total().minorUnits(),
                    c.items().stream().map(Bodies.ItemView::of).toList(), String.valueOf(c.expiresAt()),
                    open ? null : c.returnUrl());
        }
    }
}
