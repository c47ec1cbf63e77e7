package org.accordpay.console.internal.checkout;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.dto.CheckoutView;
import org.accordpay.api.purchase.dto.CheckoutView.BuyerState;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.console.internal.login.SignInIdentifier;
import org.accordpay.web.TokenBuckets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosted checkout's server side, shared by every page: finds a checkout by its token, takes the buyer's
 * phone number (rate-limited per client address and per number, answered before the number is looked up, so
 * neither the answer nor its timing tells whether it is enrolled) and watches checkouts for the pages that
 * show them.
 */
public final class CheckoutDesk {

    private static final Logger LOG = LoggerFactory.getLogger(CheckoutDesk.class);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** What the buyer reads after giving a number, the same for every number that was taken. */
    static final String SUBMITTED = "submitted";

    private final PurchaseService purchases;
    private final TokenBuckets perAddress;
    private final TokenBuckets perNumber;
    private final Executor worker;
    private final ScheduledExecutorService watcher;
    private final Duration watchEvery;

    /**
     * @param purchases  the purchase service (checkouts and their buyers)
     * @param perAddress submissions allowed per client address
     * @param perNumber  submissions allowed per phone number
     * @param worker     runs the number's lookup and challenge after the buyer was answered
     * @param watcher    runs the watches of open pages
     * @param watchEvery how often a watched checkout is read again
     */
    public CheckoutDesk(PurchaseService purchases, TokenBuckets perAddress, TokenBuckets perNumber, Executor worker,
            ScheduledExecutorService watcher, Duration watchEvery) {
        this.purchases = purchases;
        this.perAddress = perAddress;
        this.perNumber = perNumber;
        this.worker = worker;
        this.watcher = watcher;
        this.watchEvery = watchEvery;
    }

    /** @return the checkout of {@code token}, or empty for anything that is not a live checkout's token */
    public Optional<CheckoutView> find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return purchases.checkout(token);
    }

    /**
     * The buyer typed a phone number: checked, counted against the limits, then handed to the purchase
     * service on the worker. The answer is the same whether the number names a customer or not.
     *
     * @param token         the checkout token
     * @param clientAddress the buyer's address, for the per-address limit
     * @param typedPhone    the number as typed
     * @param country       ISO 3166-1 alpha-2 country of residence
     * @return what to tell the buyer
     */
    public Submission submit(String token, String clientAddress, String typedPhone, String country) {
        if (!perAddress.tryAcquire(clientAddress == null ? "unknown" : clientAddress)) {
            return Submission.refused(Submission.Kind.RATE_LIMITED,
                    "Too many attempts from your connection. Wait a minute and try again.");
        }
        CustomerIdentifier buyer;
        try {
            buyer = SignInIdentifier.byPhone(typedPhone, country);
        } catch (IllegalArgumentException e) {
            return Submission.refused(Submission.Kind.INVALID, e.getMessage());
        }
        Optional<CheckoutView> checkout = find(token);
        if (checkout.isEmpty()) {
            return Submission.refused(Submission.Kind.UNKNOWN, "This payment link is not valid.");
        }
        // refused only once over, as the merchant API does: a checkout whose number named a customer must
        // answer as one whose number named nobody
        if (!checkout.get().buyerState().open()) {
            return Submission.refused(Submission.Kind.OVER, "This payment is over.");
        }
        if (!perNumber.tryAcquire(buyer.phoneE164())) {
            return Submission.refused(Submission.Kind.RATE_LIMITED,
                    "Too many attempts for this number. Try again later.");
        }
        try {
            worker.execute(() -> {
                try {
                    purchases.attachCustomer(token, buyer);
                } catch (RuntimeException e) {
                    LOG.debug("checkout submission ended: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            return Submission.refused(Submission.Kind.RATE_LIMITED, "Accord is busy. Wait a minute and try again.");
        }
        return Submission.TAKEN;
    }

    /**
     * Reads the checkout again every {@code watchEvery} and reports each change of the buyer's state, until
     * the returned handle is closed or the state is final.
     *
     * @param token   the checkout token
     * @param known   the state the page shows now
     * @param changed called (on the watcher's thread) with the checkout when its buyer's state changed
     * @return closes the watch
     */
    public AutoCloseable watch(String token, BuyerState known, Consumer<CheckoutView> changed) {
        BuyerState[] last = {known};
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        Runnable poll = () -> {
            try {
                find(token).ifPresent(c -> {
                    BuyerState now = c.buyerState();
                    if (now != last[0]) {
                        last[0] = now;
                        changed.accept(c);
                    }
                    if (!now.open() && self[0] != null) {
                        self[0].cancel(false);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("watching a checkout failed: {}", e.toString());
            }
        };
        self[0] = watcher.scheduleWithFixedDelay(poll, watchEvery.toMillis(), watchEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        return () -> self[0].cancel(false);
    }

    /**
     * The answer to a submitted number.
     *
     * @param kind    taken, or why not
     * @param message for the buyer when not taken
     */
    public record Submission(Kind kind, String message) {

        /** The answer for every number that was taken, enrolled or not. */
        static final Submission TAKEN = new Submission(Kind.TAKEN, SUBMITTED);

        static Submission refused(Kind kind, String message) {
            return new Submission(kind, message);
        }

        /** @return true when the number was taken and the page waits for approval */
        public boolean taken() {
            return kind == Kind.TAKEN;
        }

        /** Taken, or why not. */
        public enum Kind {
            /** Taken: approval awaited on the phone. */
            TAKEN,
            /** Not a phone number or country. */
            INVALID,
            /** Too many attempts from this address or for this number. */
            RATE_LIMITED,
            /** No such checkout (any more). */
            UNKNOWN,
            /** The checkout is over. */
            OVER
        }
    }
}
