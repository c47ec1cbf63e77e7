package org.accordpay.payments.internal;

import static org.accordpay.payments.internal.Transitions.Event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accordpay.api.audit.dto.AuditEntry;
import org.accordpay.api.bank.BankEvents;
import org.accordpay.api.bank.dto.BankStatus;
import org.accordpay.api.bank.dto.BankStatusUpdate;
import org.accordpay.api.carrier.dto.InboundSms;
import org.accordpay.api.carrier.dto.SmsPayload;
import org.accordpay.api.challenge.ChallengeEngine;
import org.accordpay.api.challenge.ChallengeException;
import org.accordpay.api.challenge.dto.ChallengeRequest;
import org.accordpay.api.challenge.dto.ChallengeVerdict;
import org.accordpay.api.challenge.dto.IssuedChallenge;
import org.accordpay.api.challenge.dto.Outcome;
import org.accordpay.api.courier.CourierEvents;
import org.accordpay.api.courier.dto.DeliveryEvent;
import org.accordpay.api.fault.FaultPoint;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.PurchaseException;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.CheckoutView;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.purchase.dto.HostedCheckout;
import org.accordpay.api.purchase.dto.MerchantEvent;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseStep;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.api.purchase.dto.PurchaseRequest;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.api.registry.dto.Customer;
import org.accordpay.api.registry.dto.CustomerStatus;
import org.accordpay.api.registry.dto.Merchant;
import org.accordpay.api.registry.dto.MerchantStatus;
import org.accordpay.api.registry.dto.PostalAddress;
import org.accordpay.api.registry.dto.QualityEvent;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.StoreTransaction;
import org.accordpay.api.store.StoreWork;
import org.accordpay.api.store.dto.BankInstructionRecord;
import org.accordpay.api.store.dto.ChallengeRecord;
import org.accordpay.api.store.dto.ChallengeState;
import org.accordpay.api.store.dto.InstructionKind;
import org.accordpay.api.store.dto.InstructionStatus;
import org.accordpay.api.store.dto.OutboxMessage;
import org.accordpay.api.store.dto.PurchaseRecord;
import org.accordpay.api.time.AccordClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The purchase of the patent, steps 2 to 10. Every operation is one store transaction holding the
 * state change (checked against {@link Transitions}), its audit entries, its postings and the
 * outbox rows it causes; bank calls, messages and courier requests leave later through the
 * {@link OutboxDispatcher}. Bank answers, handset answers and courier reports come back here.
 */
final class PurchaseFlow implements PurchaseService, BankEvents, CourierEvents {

    /** Application port of the challenge's binary part on the handset. */
    static final int HANDSET_PORT = 16707;

    static final String SMS = "sms";
    static final String BANK = "bank";
    static final String COURIER = "courier";

    private static final Logger LOG = LoggerFactory.getLogger(PurchaseFlow.class);
    private static final Set<PurchaseState> PAID = EnumSet.of(PurchaseState.IN_ESCROW, PurchaseState.SHIPPED,
            PurchaseState.DISPUTED, PurchaseState.DELIVERED, PurchaseState.SETTLED);
    private static final Set<PurchaseState> HOLDING = EnumSet.of(PurchaseState.IN_ESCROW, PurchaseState.SHIPPED,
            PurchaseState.DISPUTED);
    private static final int RETRIES = 5;
    /** A hosted checkout nobody identified for within this long expires. */
    static final Duration CHECKOUT_EXPIRY = Duration.ofMinutes(15);
    /** The reason a hosted checkout keeps once a phone number was submitted, whatever it named. */
    static final String CUSTOMER_SUBMITTED = "customer number submitted";

    private final AccordStore store;
    private final AccordClock clock;
    private final ChallengeEngine engine;
    private final CustomerRegistry customers;
    private final MerchantRegistry merchants;
    private final PaymentsSettings settings;
    private final RateLimiter merchantRate;
    private final Runnable wakeDispatcher;
    private final SecureRandom random = new SecureRandom();

    PurchaseFlow(AccordStore store, AccordClock clock, ChallengeEngine engine, CustomerRegistry customers,
            MerchantRegistry merchants, PaymentsSettings settings, Runnable wakeDispatcher) {
        this.store = store;
        this.clock = clock;
        this.engine = engine;
        this.customers = customers;
        this.merchants = merchants;
        this.settings = settings;
        this.merchantRate = new RateLimiter(settings.merchantRatePerSecond());
        this.wakeDispatcher = wakeDispatcher;
    }

    // ---------------------------------------------------------------- step 2-3: request and challenge

    @Override
    public Purchase request(PurchaseRequest request) {
        Checked checked = checkRequest(request);
        Merchant merchant = checked.merchant();
        long totalMinor = checked.totalMinor();
        Money total = checked.total();
        Customer customer = customers.resolve(request.customer())
                .orElseThrow(() -> new PurchaseException("unknown-customer", "no enrolled customer matches"));
        check(customer.status() != CustomerStatus.LOCKED, "customer-locked", "the customer's approvals are locked");
        check(customer.status() == CustomerStatus.ACTIVE, "customer-not-active", "the customer is not enrolled");

        String purchaseId = "pur_" + hex(12);
        IssuedChallenge challenge;
        try {
            challenge = engine.issue(new ChallengeRequest(customer.id(), purchaseId, totalMinor, total.currency(),
                    merchant.id(), merchant.displayName(), request.mode()));
        } catch (ChallengeException e) {
            throw new PurchaseException(e.code(), e.getMessage());
        }
        Instant now = clock.now();
        PurchaseRecord created = new PurchaseRecord(purchaseId, merchant.id(), customer.id(),
                request.merchantOrderRef(), request.items(), total, PurchaseState.REQUESTED, request.mode(), now, now)
                .withReturnUrl(request.returnUrl());
        PurchaseRecord challenged = store.transact(tx -> {
            tx.purchases().insert(created);
            audit(tx, "purchase.requested", created, merchant.id() + "|" + customer.id() + "|" + total);
            return challenge(tx, created, customer, challenge, now);
        });
        FaultPoint.reach("payments.outbox.written");
        wakeDispatcher.run();
        return toPurchase(challenged, null);
    }

    /** What the request checks found: the admitted merchant and the total. */
    private record Checked(Merchant merchant, long totalMinor, Money total) {
    }

    /** The request's checks but the customer's, in the documented order; counts the merchant's rate. */
    private Checked checkRequest(PurchaseRequest request) {
        check(request.merchantId() != null && !request.merchantId().isBlank(), "invalid-request", "merchant id is required");
        check(request.merchantOrderRef() != null && !request.merchantOrderRef().isBlank()
                && request.merchantOrderRef().length() <= 128, "invalid-request",
                "merchant order reference is required (at most 128 characters)");
        check(request.mode() != null, "invalid-request", "mode is required");
        for (PurchaseItem item : request.items()) {
            check(item.name().length() <= 255, "invalid-request", "item names are at most 255 characters");
        }
        long totalMinor;
        Money total;
        try {
            totalMinor = request.totalMinor();
            total = Money.of(totalMinor, request.currency());
        } catch (ArithmeticException e) {
            throw new PurchaseException("invalid-amount", "the basket total overflows");
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PurchaseException("invalid-currency", "currency must be an ISO 4217 code");
        }
        check(totalMinor > 0, "invalid-amount", "the basket total must be positive");
        Merchant merchant = merchants.find(request.merchantId())
                .orElseThrow(() -> new PurchaseException("unknown-merchant", "no such merchant"));
        check(merchant.status() == MerchantStatus.ADMITTED, "merchant-not-admitted",
                "merchant " + merchant.id() + " is " + merchant.status());
        check(merchantRate.tryAcquire(merchant.id()), "rate-limited",
                "too many purchase requests for this merchant; retry in a second");
        return new Checked(merchant, totalMinor, total);
    }

    /** Step 3 in the caller's transaction: the purchase (REQUESTED or AWAITING_CUSTOMER) takes its challenge. */
    private PurchaseRecord challenge(StoreTransaction tx, PurchaseRecord p, Customer customer,
            IssuedChallenge challenge, Instant now) {
        PurchaseRecord c = move(tx, p.withCustomer(customer.id()).withChallenge(challenge.challengeId()),
                p.state(), Event.CHALLENGE_SENT, null, now);
        SmsPayload sms = new SmsPayload(challenge.text(), challenge.sealedMessage(), HANDSET_PORT);
        tx.outbox().enqueue(new OutboxMessage("chl-" + challenge.challengeId(), SMS, "customer:" + customer.id(),
                p.id(), sms.encode(), 0, now, now, null));
        audit(tx, "sms.queued", c, "chl-" + challenge.challengeId() + "|" + challenge.text());
        return c;
    }

    // ---------------------------------------------------------------- hosted checkout: the buyer identifies on Accord's page

    @Override
    public HostedCheckout openCheckout(PurchaseRequest request) {
        Checked checked = checkRequest(request);
        Merchant merchant = checked.merchant();
        String purchaseId = "pur_" + hex(12);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.now();
        PurchaseRecord created = new PurchaseRecord(purchaseId, merchant.id(), null, request.merchantOrderRef(),
                request.items(), checked.total(), PurchaseState.REQUESTED, request.mode(), now, now)
                .withReturnUrl(request.returnUrl());
        PurchaseRecord waiting = store.transact(tx -> {
            tx.purchases().insertCheckout(created, sha256(token));
            audit(tx, "purchase.requested", created, merchant.id() + "|hosted|" + checked.total());
            return move(tx, created, Event.CHECKOUT_OPENED, null, now);
        });
        return new HostedCheckout(toPurchase(waiting, null), token, now.plus(CHECKOUT_EXPIRY));
    }

    @Override
    public Optional<CheckoutView> checkout(String token) {
        return checkoutRecord(token).map(p -> new CheckoutView(p.id(),
                merchants.find(p.merchantId()).map(Merchant::displayName).orElse(""), p.merchantOrderRef(), p.items(),
                p.total(), p.state(), p.state() != PurchaseState.AWAITING_CUSTOMER || p.reason() != null, p.mode(),
                p.createdAt().plus(CHECKOUT_EXPIRY), p.returnUrl()));
    }

    @Override
    public void attachCustomer(String token, CustomerIdentifier identifier) {
        check(identifier != null && identifier.phoneE164() != null, "invalid-request",
                "the buyer gives a phone number and country");
        PurchaseRecord p = checkoutRecord(token)
                .orElseThrow(() -> new PurchaseException("unknown-checkout", "no such checkout"));
        check(p.state() == PurchaseState.AWAITING_CUSTOMER, "wrong-state", "the checkout no longer waits for a"
                + " customer (it is " + p.state() + ")");
        // From here on every outcome looks the same to the caller: no exception, nothing returned.
        String unmatched = null;
        Customer customer = null;
        try {
            customer = customers.resolve(identifier).orElse(null);
        } catch (RuntimeException e) {
            unmatched = "unresolved";
        }
        Optional<Merchant> merchant = merchants.find(p.merchantId());
        if (unmatched != null) {
            // already decided
        } else if (customer == null) {
            unmatched = "unknown-customer";
        } else if (customer.status() == CustomerStatus.LOCKED) {
            unmatched = "customer-locked";
        } else if (customer.status() != CustomerStatus.ACTIVE) {
            unmatched = "customer-not-active";
        } else if (merchant.isEmpty() || merchant.get().status() != MerchantStatus.ADMITTED) {
            unmatched = "merchant-not-admitted";
        }
        IssuedChallenge issued = null;
        if (unmatched == null) {
            try {
                issued = engine.issue(new ChallengeRequest(customer.id(), p.id(), p.total().minorUnits(),
                        p.total().currency(), p.merchantId(), merchant.get().displayName(), p.mode()));
            } catch (ChallengeException e) {
                unmatched = e.code();
            }
        }
        String why = unmatched;
        Customer buyer = customer;
        IssuedChallenge challenge = issued;
        boolean sent = retrying(tx -> {
            PurchaseRecord now = tx.purchases().find(p.id()).orElseThrow();
            Instant at = clock.now();
            if (now.state() != PurchaseState.AWAITING_CUSTOMER) {
                if (challenge != null) { // another submission won, or the checkout ended: this challenge is void
                    tx.challenges().find(challenge.challengeId()).filter(c -> c.state() == ChallengeState.OPEN)
                            .ifPresent(c -> tx.challenges().close(c.challengeId(), ChallengeState.OPEN,
                                    ChallengeState.CANCELLED, at));
                }
                return false;
            }
            if (challenge == null) {
                // the purchase keeps waiting (and expires); the audit says why, without the number
                PurchaseRecord noted = tx.purchases().update(now.moveTo(now.state(), now.updatedAt(),
                        CUSTOMER_SUBMITTED), now.state());
                audit(tx, "checkout.customer-unmatched", noted, why);
                return false;
            }
            audit(tx, "checkout.customer-attached", now, buyer.id());
            challenge(tx, now, buyer, challenge, at);
            return true;
        });
        if (sent) {
            wakeDispatcher.run();
        }
    }

    private Optional<PurchaseRecord> checkoutRecord(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        String hash = sha256(token);
        return read(tx -> tx.purchases().findByCheckoutToken(hash));
    }

    /** Expires hosted checkouts still without a customer, opened at or before {@code olderThan}. */
    int sweepCheckouts(Instant olderThan) {
        List<PurchaseRecord> waiting = read(tx -> tx.purchases().inStateSince(PurchaseState.AWAITING_CUSTOMER,
                olderThan, 200));
        for (PurchaseRecord p : waiting) {
            retrying(tx -> {
                PurchaseRecord now = tx.purchases().find(p.id()).orElseThrow();
                if (now.state() == PurchaseState.AWAITING_CUSTOMER) {
                    Instant at = clock.now();
                    PurchaseRecord expired = move(tx, now, Event.CHECKOUT_EXPIRED, "no customer in time", at);
                    event(tx, expired, "purchase.expired", "", at);
                }
                return null;
            });
        }
        return waiting.size();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- step 4: the handset's answer

    @Override
    public ChallengeVerdict answer(byte[] responseEnvelope) {
        ChallengeVerdict verdict = engine.answer(responseEnvelope);
        if (verdict.purchaseId() != null && verdict.challengeId() != null) {
            ChallengeState state = switch (verdict.outcome()) {
                case APPROVED -> ChallengeState.APPROVED;
                case DECLINED -> ChallengeState.DECLINED;
                case LOCKED, REFUSED -> null;
            };
            settleChallenge(verdict.purchaseId(), verdict.challengeId(), state, verdict.outcome() == Outcome.LOCKED);
        }
        return verdict;
    }

    /** A handset's message: its binary part is a challenge answer; text is ignored. */
    public void received(InboundSms message) {
        if (message.binary() == null) {
            LOG.info("Text message from a handset via {} ignored", message.carrierId());
            return;
        }
        ChallengeVerdict verdict = answer(message.binary());
        LOG.debug("Answer via {}: {}", message.carrierId(), verdict.outcome());
    }

    /**
     * Moves a CHALLENGED purchase on once its challenge is closed. {@code known} is the challenge's
     * final state when the caller knows it, or null to read it from the store.
     */
    void settleChallenge(String purchaseId, String challengeId, ChallengeState known, boolean lockedOut) {
        Optional<PurchaseRecord> found = read(tx -> tx.purchases().find(purchaseId));
        if (found.isEmpty() || found.get().state() != PurchaseState.CHALLENGED
                || !challengeId.equals(found.get().challengeId())) {
            return;
        }
        PurchaseRecord p = found.get();
        ChallengeState state = known != null ? known
                : read(tx -> tx.challenges().find(challengeId)).map(ChallengeRecord::state).orElse(null);
        if (state == null || state == ChallengeState.OPEN) {
            return;
        }
        boolean locked = lockedOut || (state == ChallengeState.FAILED
                && engine.status(p.customerId()).map(s -> s.locked()).orElse(false));
        Optional<Merchant> merchant = state == ChallengeState.APPROVED ? merchants.find(p.merchantId()) : Optional.empty();
        Optional<Customer> customer = state == ChallengeState.APPROVED ? customers.find(p.customerId()) : Optional.empty();
        retrying(tx -> {
            PurchaseRecord now = tx.purchases().find(purchaseId).orElseThrow();
            if (now.state() != PurchaseState.CHALLENGED) {
                return null;
            }
            Instant at = clock.now();
            switch (state) {
                case APPROVED -> {
                    PurchaseRecord approved = move(tx, now, Event.APPROVED_ON_HANDSET, null, at);
                    if (merchant.isEmpty() || merchant.get().status() != MerchantStatus.ADMITTED) {
                        move(tx, approved, Event.CANCELLED_BEFORE_SHIPPING, "merchant no longer admitted", at);
                        event(tx, approved, "purchase.cancelled", "\"reason\":\"merchant no longer admitted\"", at);
                    } else if (customer.isEmpty()) {
                        move(tx, approved, Event.CANCELLED_BEFORE_SHIPPING, "customer no longer enrolled", at);
                        event(tx, approved, "purchase.cancelled", "\"reason\":\"customer no longer enrolled\"", at);
                    } else {
                        PurchaseRecord pending = move(tx, approved, Event.DEBIT_REQUESTED, null, at);
                        instruct(tx, pending, InstructionKind.DEBIT, "dbt-" + purchaseId, customer.get().bankAccount(),
                                pending.total(), at);
                    }
                }
                case DECLINED -> {
                    PurchaseRecord declined = move(tx, now, Event.DECLINED_ON_HANDSET, "declined on the handset", at);
                    event(tx, declined, "purchase.declined", "\"reason\":\"declined on the handset\"", at);
                }
                case FAILED -> {
                    PurchaseRecord ended = locked
                            ? move(tx, now, Event.LOCKED_OUT, "wrong answer; customer locked out", at)
                            : move(tx, now, Event.DECLINED_ON_HANDSET, "wrong answer on the handset", at);
                    event(tx, ended, "purchase.declined", "\"reason\":\"" + ended.reason() + "\"", at);
                }
                case EXPIRED, CANCELLED -> {
                    PurchaseRecord expired = move(tx, now, Event.CHALLENGE_EXPIRED, "no answer in time", at);
                    event(tx, expired, "purchase.expired", "", at);
                }
                default -> {
                }
            }
            return null;
        });
        wakeDispatcher.run();
    }

    // ---------------------------------------------------------------- steps 5-7: the bank's answers

    @Override
    public void statusChanged(BankStatusUpdate update) {
        FaultPoint.reach("payments.bank-answer.received");
        Optional<BankInstructionRecord> known = read(tx -> tx.bankInstructions().find(update.idempotencyKey()));
        if (known.isEmpty() || !known.get().bankId().equals(update.bankId())) {
            LOG.warn("Bank {} reported {} for unknown instruction {}: ignored", update.bankId(), update.status(),
                    update.idempotencyKey());
            return;
        }
        BankInstructionRecord instruction = known.get();
        Optional<PostalAddress> address = instruction.kind() == InstructionKind.DEBIT
                && update.status() == BankStatus.SETTLED
                ? read(tx -> tx.purchases().find(instruction.purchaseId()))
                        .flatMap(p -> customers.find(p.customerId())).map(Customer::deliveryAddress)
                : Optional.empty();
        QualityEvent quality = retrying(tx -> applyBankStatus(tx, update, address.orElse(null)));
        if (instruction.kind() == InstructionKind.DEBIT && update.status() == BankStatus.SETTLED) {
            FaultPoint.reach("payments.escrow.posted");
        }
        if (quality != null) {
            recordQuality(instruction.purchaseId(), quality);
        }
        wakeDispatcher.run();
    }

    private QualityEvent applyBankStatus(StoreTransaction tx, BankStatusUpdate update, PostalAddress address) {
        BankInstructionRecord i = tx.bankInstructions().find(update.idempotencyKey()).orElseThrow();
        Instant at = clock.now();
        InstructionStatus current = i.status();
        switch (update.status()) {
            case ACCEPTED -> {
                if (current == InstructionStatus.REQUESTED) {
                    tx.bankInstructions().transition(i.idempotencyKey(), current, InstructionStatus.ACCEPTED, null, at);
                }
                return null;
            }
            case SETTLED -> {
                if (current != InstructionStatus.REQUESTED && current != InstructionStatus.ACCEPTED) {
                    return null;
                }
                tx.bankInstructions().transition(i.idempotencyKey(), current, InstructionStatus.SETTLED, null, at);
                return settled(tx, i, address, at);
            }
            case REFUSED -> {
                if (current != InstructionStatus.REQUESTED && current != InstructionStatus.ACCEPTED) {
                    return null;
                }
                tx.bankInstructions().transition(i.idempotencyKey(), current, InstructionStatus.REFUSED,
                        update.reason(), at);
                refused(tx, i, String.valueOf(update.reason()), at);
                return null;
            }
            case RETURNED -> {
                if (current != InstructionStatus.SETTLED || i.kind() != InstructionKind.DEBIT) {
                    return null;
                }
                tx.bankInstructions().transition(i.idempotencyKey(), current, InstructionStatus.RETURNED,
                        update.reason(), at);
                returned(tx, i, String.valueOf(update.reason()), at);
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private QualityEvent settled(StoreTransaction tx, BankInstructionRecord i, PostalAddress address, Instant at) {
        PurchaseRecord p = tx.purchases().find(i.purchaseId()).orElseThrow();
        switch (i.kind()) {
            case DEBIT -> {
                tx.ledger().post(Postings.debitSettled(i.bankId(), p.id(), i.amount(), at));
                if (p.state() != PurchaseState.DEBIT_PENDING) {
                    LOG.warn("Debit {} settled for purchase {} in state {}", i.idempotencyKey(), p.id(), p.state());
                    return null;
                }
                PurchaseRecord paid = move(tx, p, Event.DEBIT_SETTLED, null, at);
                event(tx, paid, "purchase.in_escrow", "\"delivery_address\":" + Json.address(address), at);
                notifyCustomer(tx, paid, "paid", "Accord: you paid " + amount(paid.total()) + " for order "
                        + paid.merchantOrderRef() + ". We hold it until you receive your goods.", at);
                return QualityEvent.PAID;
            }
            case PAYOUT -> {
                tx.ledger().post(Postings.creditSettled(i.idempotencyKey(), i.bankId(),
                        Postings.merchantPayable(p.merchantId()), p.id(), i.amount(), at));
                if (p.state() == PurchaseState.DELIVERED) {
                    PurchaseRecord done = move(tx, p, Event.PAYOUT_SETTLED, null, at);
                    event(tx, done, "purchase.settled", "\"paid_out\":" + Json.money(i.amount()), at);
                }
                return null;
            }
            case REFUND -> {
                tx.ledger().post(Postings.creditSettled(i.idempotencyKey(), i.bankId(),
                        Postings.customerPayable(p.customerId()), p.id(), i.amount(), at));
                event(tx, p, "purchase.refund_settled", "\"amount\":" + Json.money(i.amount()), at);
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private void refused(StoreTransaction tx, BankInstructionRecord i, String reason, Instant at) {
        PurchaseRecord p = tx.purchases().find(i.purchaseId()).orElseThrow();
        switch (i.kind()) {
            case DEBIT -> {
                if (p.state() == PurchaseState.DEBIT_PENDING) {
                    PurchaseRecord failed = move(tx, p, Event.DEBIT_REFUSED, "debit refused: " + reason, at);
                    event(tx, failed, "purchase.debit_failed", "\"reason\":\"" + reason + "\"", at);
                    notifyCustomer(tx, failed, "debit-failed", "Accord: your bank refused the payment of "
                            + amount(p.total()) + " (" + reason + "). Nothing was taken.", at);
                }
            }
            case PAYOUT, REFUND -> {
                // the money stays owed (payable account); an operator resolves it
                tx.purchases().update(p.moveTo(p.state(), p.updatedAt(),
                        i.kind().name().toLowerCase() + " refused by the bank: " + reason), p.state());
                audit(tx, "purchase." + i.kind().name().toLowerCase() + "-refused", p, reason);
                LOG.warn("Bank refused {} {} for purchase {}: {}", i.kind(), i.idempotencyKey(), p.id(), reason);
            }
            default -> {
            }
        }
    }

    private void returned(StoreTransaction tx, BankInstructionRecord i, String reason, Instant at) {
        PurchaseRecord p = tx.purchases().find(i.purchaseId()).orElseThrow();
        Money stillHeld = HOLDING.contains(p.state()) ? p.remaining() : Money.of(0, p.total().currency());
        tx.ledger().post(Postings.debitReturned(i.bankId(), p.id(), i.amount(), stillHeld, at));
        Optional<PurchaseState> next = Transitions.next(p.state(), Event.DEBIT_RETURNED_BY_BANK);
        PurchaseRecord after = next.isPresent()
                ? move(tx, p, Event.DEBIT_RETURNED_BY_BANK, "debit returned: " + reason, at)
                : tx.purchases().update(p.moveTo(p.state(), p.updatedAt(), "debit returned after payout: " + reason),
                        p.state());
        event(tx, after, "purchase.debit_returned", "\"reason\":\"" + reason + "\"", at);
    }

    // ---------------------------------------------------------------- step 8: shipping

    @Override
    public Purchase markShipped(String merchantId, String purchaseId, String courier, String trackingRef) {
        check(courier != null && !courier.isBlank() && courier.length() <= 64, "invalid-request",
                "courier is required (at most 64 characters)");
        check(trackingRef != null && !trackingRef.isBlank() && trackingRef.length() <= 128, "invalid-request",
                "tracking reference is required (at most 128 characters)");
        PurchaseRecord shipped = retrying(tx -> {
            PurchaseRecord p = owned(tx, merchantId, purchaseId);
            Instant at = clock.now();
            PurchaseRecord s = move(tx, p.withShipment(courier, trackingRef, at), p.state(), Event.SHIPPED_BY_MERCHANT,
                    null, at);
            event(tx, s, "purchase.shipped", "\"courier\":\"" + Json.escape(courier) + "\",\"tracking_ref\":\""
                    + Json.escape(trackingRef) + "\"", at);
            tx.outbox().enqueue(new OutboxMessage("shp-" + purchaseId, COURIER, courier, purchaseId,
                    trackingRef.getBytes(StandardCharsets.UTF_8), 0, at, at, null));
            audit(tx, "courier.watch-queued", s, courier + "|" + trackingRef);
            return s;
        });
        wakeDispatcher.run();
        return toPurchase(shipped, null);
    }

    // ---------------------------------------------------------------- steps 9-10: delivery and payout

    @Override
    public Purchase confirmDelivery(String purchaseId, String source) {
        check(source != null && !source.isBlank(), "invalid-request", "say who confirms the delivery");
        BankAccount payee = payeeOf(read(tx -> tx.purchases().find(purchaseId)));
        PurchaseRecord delivered = retrying(tx -> {
            PurchaseRecord p = tx.purchases().find(purchaseId)
                    .orElseThrow(() -> new PurchaseException("unknown-purchase", "no such purchase"));
            if (p.state() == PurchaseState.DISPUTED) {
                throw new PurchaseException("disputed", "the purchase is disputed: an operator resolves it");
            }
            return deliver(tx, p, payee, "delivery confirmed by " + source, clock.now());
        });
        wakeDispatcher.run();
        return toPurchase(delivered, null);
    }

    @Override
    public boolean delivery(DeliveryEvent report) {
        Optional<PurchaseRecord> found = read(tx -> tx.purchases().findByShipment(report.courierId(),
                report.trackingRef()));
        if (found.isEmpty()) {
            LOG.info("Courier {} reported {} for unknown tracking reference {}", report.courierId(),
                    report.delivered() ? "a delivery" : "a failed delivery", report.trackingRef());
            return false;
        }
        String purchaseId = found.get().id();
        BankAccount payee = payeeOf(found);
        retrying(tx -> {
            PurchaseRecord p = tx.purchases().find(purchaseId).orElseThrow();
            Instant at = clock.now();
            if (p.state() != PurchaseState.SHIPPED) {
                return null;
            }
            if (report.delivered()) {
                return deliver(tx, p, payee, "delivery confirmed by courier:" + report.courierId(), at);
            }
            PurchaseRecord noted = tx.purchases().update(p.moveTo(p.state(), p.updatedAt(), "delivery failed: "
                    + report.detail()), p.state());
            event(tx, noted, "purchase.delivery_failed", "\"detail\":\"" + Json.escape(report.detail()) + "\"", at);
            return noted;
        });
        wakeDispatcher.run();
        return true;
    }

    /** Delivery confirmed: what is held becomes the merchant's (less the fee) and the payout is asked. */
    private PurchaseRecord deliver(StoreTransaction tx, PurchaseRecord p, BankAccount payee, String why, Instant at) {
        PurchaseRecord delivered = move(tx, p.withDisputedFrom(null), p.state(), Event.DELIVERY_CONFIRMED, why, at);
        Money held = delivered.remaining();
        Money fee = Money.of(held.minorUnits() * settings.feeBasisPoints() / 10_000, held.currency());
        Money net = held.minus(fee);
        if (held.minorUnits() > 0) {
            tx.ledger().post(Postings.deliveryConfirmed(p.id(), p.merchantId(), held, fee, at));
        }
        event(tx, delivered, "purchase.delivered", "\"source\":\"" + Json.escape(why) + "\"", at);
        if (net.minorUnits() <= 0) {
            return move(tx, delivered, Event.PAYOUT_SETTLED, "nothing left to pay out", at);
        }
        instruct(tx, delivered, InstructionKind.PAYOUT, "pay-" + p.id(), payee, net, at);
        return delivered;
    }

    // ---------------------------------------------------------------- cancellation, refunds, disputes

    @Override
    public Purchase cancel(String merchantId, String purchaseId, String reason) {
        check(reason != null && !reason.isBlank(), "invalid-request", "a reason is required");
        Optional<Customer> customer = read(tx -> tx.purchases().find(purchaseId))
                .filter(p -> p.customerId() != null).flatMap(p -> customers.find(p.customerId()));
        PurchaseRecord cancelled = retrying(tx -> {
            PurchaseRecord p = owned(tx, merchantId, purchaseId);
            Instant at = clock.now();
            if (p.state() == PurchaseState.DEBIT_PENDING) {
                throw new PurchaseException("debit-in-progress",
                        "the debit is with the bank; cancel once the purchase is paid");
            }
            PurchaseState before = p.state();
            if (before == PurchaseState.CHALLENGED && p.challengeId() != null) {
                tx.challenges().find(p.challengeId()).filter(c -> c.state() == ChallengeState.OPEN)
                        .ifPresent(c -> tx.challenges().close(c.challengeId(), ChallengeState.OPEN,
                                ChallengeState.CANCELLED, at));
            }
            PurchaseRecord c = move(tx, p, Event.CANCELLED_BEFORE_SHIPPING, "cancelled: " + reason, at);
            if (before == PurchaseState.IN_ESCROW) {
                c = refundInTx(tx, c, c.remaining(), customer.orElseThrow(), at);
            }
            event(tx, c, "purchase.cancelled", "\"reason\":\"" + Json.escape(reason) + "\"", at);
            return c;
        });
        wakeDispatcher.run();
        return toPurchase(cancelled, null);
    }

    @Override
    public Purchase refund(String merchantId, String purchaseId, Money amount, String reason) {
        check(reason != null && !reason.isBlank(), "invalid-request", "a reason is required");
        check(amount != null && amount.minorUnits() > 0, "invalid-amount", "the refund must be positive");
        Optional<Customer> customer = read(tx -> tx.purchases().find(purchaseId))
                .filter(p -> p.customerId() != null).flatMap(p -> customers.find(p.customerId()));
        PurchaseRecord refunded = retrying(tx -> {
            PurchaseRecord p = owned(tx, merchantId, purchaseId);
            check(HOLDING.contains(p.state()), "wrong-state", "only a paid purchase not yet delivered can be refunded"
                    + " (it is " + p.state() + ")");
            check(amount.currency().equals(p.total().currency()), "invalid-currency",
                    "refunds are in the purchase currency " + p.total().currency());
            check(amount.minorUnits() <= p.remaining().minorUnits(), "invalid-amount",
                    "at most " + amount(p.remaining()) + " is left to refund");
            Instant at = clock.now();
            PurchaseRecord r = refundInTx(tx, p, amount, customer.orElseThrow(), at);
            if (r.remaining().minorUnits() == 0) {
                r = move(tx, r, Event.FULLY_REFUNDED, "refunded: " + reason, at);
            }
            event(tx, r, "purchase.refunded", "\"amount\":" + Json.money(amount) + ",\"reason\":\""
                    + Json.escape(reason) + "\"", at);
            return r;
        });
        recordQuality(purchaseId, QualityEvent.REFUNDED);
        wakeDispatcher.run();
        return toPurchase(refunded, null);
    }

    /** Books a refund decision and asks the bank for the credit; the state does not change here. */
    private PurchaseRecord refundInTx(StoreTransaction tx, PurchaseRecord p, Money amount, Customer customer,
            Instant at) {
        int n = (int) tx.bankInstructions().forPurchase(p.id()).stream()
                .filter(b -> b.kind() == InstructionKind.REFUND).count() + 1;
        String key = "rfd-" + p.id() + "-" + n;
        tx.ledger().post(Postings.refundDecided(key, p.id(), p.customerId(), amount, at));
        PurchaseRecord after = tx.purchases().update(p.withRefund(amount), p.state());
        instruct(tx, after, InstructionKind.REFUND, key, customer.bankAccount(), amount, at);
        return after;
    }

    @Override
    public Purchase openDispute(String purchaseId, String reason) {
        check(reason != null && !reason.isBlank(), "invalid-request", "a reason is required");
        PurchaseRecord disputed = retrying(tx -> {
            PurchaseRecord p = tx.purchases().find(purchaseId)
                    .orElseThrow(() -> new PurchaseException("unknown-purchase", "no such purchase"));
            Instant at = clock.now();
            PurchaseRecord d = move(tx, p.withDisputedFrom(p.state()), p.state(), Event.DISPUTE_OPENED,
                    "disputed: " + reason, at);
            event(tx, d, "purchase.disputed", "\"reason\":\"" + Json.escape(reason) + "\"", at);
            return d;
        });
        recordQuality(purchaseId, QualityEvent.DISPUTED);
        return toPurchase(disputed, null);
    }

    @Override
    public Purchase resolveDispute(String purchaseId, boolean toCustomer, String operator, String reason) {
        check(reason != null && !reason.isBlank() && operator != null, "invalid-request",
                "operator and reason are required");
        Optional<PurchaseRecord> before = read(tx -> tx.purchases().find(purchaseId));
        Optional<Customer> customer = before.filter(p -> p.customerId() != null)
                .flatMap(p -> customers.find(p.customerId()));
        BankAccount payee = toCustomer ? null : payeeOf(before);
        PurchaseRecord resolved = retrying(tx -> {
            PurchaseRecord p = tx.purchases().find(purchaseId)
                    .orElseThrow(() -> new PurchaseException("unknown-purchase", "no such purchase"));
            check(p.state() == PurchaseState.DISPUTED, "wrong-state", "the purchase is not disputed");
            Instant at = clock.now();
            audit(tx, "dispute.resolved", p, (toCustomer ? "customer" : "merchant") + "|" + operator + "|" + reason);
            if (toCustomer) {
                PurchaseRecord r = refundInTx(tx, p, p.remaining(), customer.orElseThrow(), at);
                r = move(tx, r, Event.FULLY_REFUNDED, "dispute resolved for the customer: " + reason, at);
                event(tx, r, "purchase.refunded", "\"amount\":" + Json.money(p.remaining())
                        + ",\"reason\":\"dispute resolved for the customer\"", at);
                return r;
            }
            return deliver(tx, p, payee, "dispute resolved for the merchant by " + operator + ": " + reason, at);
        });
        wakeDispatcher.run();
        return toPurchase(resolved, null);
    }

    // ---------------------------------------------------------------- sweeps (no purchase stuck forever)

    /** Closes purchases whose challenge ended without an answer being applied (expiry, crash). */
    int sweepChallenges(Instant olderThan) {
        List<PurchaseRecord> waiting = read(tx -> tx.purchases().inStateSince(PurchaseState.CHALLENGED, olderThan, 200));
        for (PurchaseRecord p : waiting) {
            settleChallenge(p.id(), p.challengeId(), null, false);
        }
        return waiting.size() + sweepCheckouts(clock.now().minus(CHECKOUT_EXPIRY));
    }

    /** Confirms delivery of purchases shipped longer ago than the dispute window. */
    int sweepDisputeWindow() {
        Instant cutoff = clock.now().minus(settings.disputeWindow());
        int n = 0;
        for (PurchaseRecord p : read(tx -> tx.purchases().inStateSince(PurchaseState.SHIPPED, cutoff, 200))) {
            try {
                BankAccount payee = payeeOf(Optional.of(p));
                retrying(tx -> {
                    PurchaseRecord now = tx.purchases().find(p.id()).orElseThrow();
                    return now.state() == PurchaseState.SHIPPED
                            ? deliver(tx, now, payee, "dispute window ended", clock.now()) : null;
                });
                n++;
            } catch (RuntimeException e) {
                LOG.warn("Dispute-window delivery of {} failed: {}", p.id(), e.toString());
            }
        }
        if (n > 0) {
            wakeDispatcher.run();
        }
        return n;
    }

    /** Cancels and refunds purchases paid but never shipped within the ship deadline. */
    int sweepShipDeadline() {
        Instant cutoff = clock.now().minus(settings.shipDeadline());
        int n = 0;
        for (PurchaseRecord p : read(tx -> tx.purchases().inStateSince(PurchaseState.IN_ESCROW, cutoff, 200))) {
            try {
                cancel(p.merchantId(), p.id(), "not shipped within the deadline");
                n++;
            } catch (RuntimeException e) {
                LOG.warn("Ship-deadline cancellation of {} failed: {}", p.id(), e.toString());
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- queries

    @Override
    public Optional<Purchase> find(String purchaseId) {
        return read(tx -> tx.purchases().find(purchaseId)).map(p -> toPurchase(p,
                PAID.contains(p.state()) ? customers.find(p.customerId()).map(Customer::deliveryAddress).orElse(null)
                        : null));
    }

    @Override
    public List<Purchase> listForMerchant(String merchantId, Instant from, Instant to, String afterId, int limit) {
        checkLimit(limit);
        return read(tx -> tx.purchases().listForMerchant(merchantId, from, to, afterId, limit)).stream()
                .map(p -> toPurchase(p, null)).toList();
    }

    @Override
    public List<Purchase> searchForMerchant(org.accordpay.api.purchase.dto.MerchantOrderQuery query, int offset,
            int limit) {
        checkLimit(limit);
        check(offset >= 0, "invalid-request", "offset must be at least 0");
        return read(tx -> tx.purchases().searchForMerchant(query, offset, limit)).stream()
                .map(p -> toPurchase(p, null)).toList();
    }

    @Override
    public long countForMerchant(org.accordpay.api.purchase.dto.MerchantOrderQuery query) {
        return read(tx -> tx.purchases().countForMerchant(query));
    }

    @Override
    public List<Purchase> listForCustomer(String customerId, Instant from, Instant to, String afterId, int limit) {
        checkLimit(limit);
        return read(tx -> tx.purchases().listForCustomer(customerId, from, to, afterId, limit)).stream()
                .map(p -> toPurchase(p, null)).toList();
    }

    @Override
    public List<Purchase> listRecent(PurchaseState state, int limit) {
        checkLimit(limit);
        return read(tx -> tx.purchases().listRecent(state, limit)).stream().map(p -> toPurchase(p, null)).toList();
    }

    @Override
    public List<MerchantEvent> merchantEvents(String merchantId, long afterSeq, int limit) {
        checkLimit(limit);
        return read(tx -> tx.merchantEvents().list(merchantId, afterSeq, limit));
    }

    // ---------------------------------------------------------------- helpers

    private PurchaseRecord move(StoreTransaction tx, PurchaseRecord p, Event event, String why, Instant at) {
        return move(tx, p, p.state(), event, why, at);
    }

    /** Applies {@code event} to {@code changed} (expected to be in {@code from} in the store), with its audit entry. */
    private PurchaseRecord move(StoreTransaction tx, PurchaseRecord changed, PurchaseState from, Event event,
            String why, Instant at) {
        PurchaseState next = Transitions.require(from, event);
        PurchaseRecord stored = tx.purchases().update(changed.moveTo(next, at, why), from);
        audit(tx, "purchase." + next.name().toLowerCase(), stored, from + "->" + next + "|" + (why == null ? "" : why));
        return stored;
    }

    private void instruct(StoreTransaction tx, PurchaseRecord p, InstructionKind kind, String key,
            BankAccount account, Money amount, Instant at) {
        String bankId = settings.bankFor(p.mode());
        tx.bankInstructions().insert(new BankInstructionRecord(key, p.id(), kind, bankId, p.mode(), account, amount,
                InstructionStatus.REQUESTED, null, at, at));
        tx.outbox().enqueue(new OutboxMessage("bank-" + key, BANK, bankId, p.id(),
                key.getBytes(StandardCharsets.UTF_8), 0, at, at, null));
        audit(tx, "bank." + kind.name().toLowerCase() + "-requested", p, key + "|" + amount + "|" + bankId + "|"
                + p.mode());
    }

    private void notifyCustomer(StoreTransaction tx, PurchaseRecord p, String what, String text, Instant at) {
        String id = "ntf-" + what + "-" + p.id();
        tx.outbox().enqueue(new OutboxMessage(id, SMS, "customer:" + p.customerId(), p.id(),
                SmsPayload.text(text).encode(), 0, at, at, null));
        audit(tx, "sms.queued", p, id + "|" + text);
    }

    private void event(StoreTransaction tx, PurchaseRecord p, String type, String fields, Instant at) {
        String eventId = "evt_" + hex(12);
        String json = "{\"id\":\"" + eventId + "\",\"type\":\"" + type + "\",\"purchase_id\":\"" + p.id()
                + "\",\"merchant_order_ref\":\"" + Json.escape(p.merchantOrderRef()) + "\",\"state\":\"" + p.state()
                + "\",\"mode\":\"" + p.mode().name().toLowerCase() + "\",\"at\":\"" + at + "\""
                + (fields.isEmpty() ? "" : "," + fields) + "}";
        tx.merchantEvents().append(new MerchantEvent(0, eventId, p.merchantId(), p.id(), type, json, at));
    }

    private static void audit(StoreTransaction tx, String type, PurchaseRecord p, String detail) {
        tx.audit().append(type, p.id(), (type + "|" + p.id() + "|" + detail).getBytes(StandardCharsets.UTF_8));
    }

    private PurchaseRecord owned(StoreTransaction tx, String merchantId, String purchaseId) {
        return tx.purchases().find(purchaseId).filter(p -> p.merchantId().equals(merchantId))
                .orElseThrow(() -> new PurchaseException("unknown-purchase", "no such purchase for this merchant"));
    }

    /**
     * The merchant's payout account, read before the transaction that books the delivery: a registry
     * call inside it would hold a second connection while the first holds the purchase's row lock.
     *
     * @throws PurchaseException {@code unknown-purchase} or {@code unknown-merchant}
     */
    private BankAccount payeeOf(Optional<PurchaseRecord> purchase) {
        PurchaseRecord p = purchase.orElseThrow(() -> new PurchaseException("unknown-purchase", "no such purchase"));
        return merchants.find(p.merchantId()).map(Merchant::bankAccount)
                .orElseThrow(() -> new PurchaseException("unknown-merchant", "merchant " + p.merchantId() + " is gone"));
    }

    private void recordQuality(String purchaseId, QualityEvent event) {
        read(tx -> tx.purchases().find(purchaseId)).ifPresent(p -> {
            try {
                merchants.recordQuality(p.merchantId(), event);
            } catch (RuntimeException e) {
                LOG.warn("Could not count {} for merchant {}: {}", event, p.merchantId(), e.toString());
            }
        });
    }

    private <T> T read(StoreWork<T> work) {
        return store.transact(work);
    }

    /** Runs {@code work}, again when a concurrent transaction changed the same rows first. */
    private <T> T retrying(StoreWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.transact(work);
            } catch (ConcurrentUpdateException e) {
                if (attempt >= RETRIES) {
                    throw e;
                }
            }
        }
    }

    static Purchase toPurchase(PurchaseRecord p, PostalAddress address) {
        return new Purchase(p.id(), p.merchantId(), p.customerId(), p.merchantOrderRef(), p.items(), p.total(),
                p.refunded(), p.state(), p.mode(), p.createdAt(), p.updatedAt(), p.reason(), address, p.courierId(),
                p.trackingRef());
    }

    private static void check(boolean ok, String code, String message) {
        if (!ok) {
            throw new PurchaseException(code, message);
        }
    }

    private static void checkLimit(int limit) {
        check(limit >= 1 && limit <= 500, "invalid-request", "page size must be 1..500");
    }

    private static String amount(Money m) {
        return String.format(java.util.Locale.ROOT, "%d.%02d %s", m.minorUnits() / 100, Math.abs(m.minorUnits() % 100),
                m.currency());
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** @return the purchase's audited steps, oldest first (what and when only; the bodies stay digests) */
    @Override
    public List<PurchaseStep> history(String purchaseId) {
        if (purchaseId == null || purchaseId.isBlank()) {
            return List.of();
        }
        return read(tx -> tx.auditChain().forPurchase(purchaseId)).stream()
                .sorted(java.util.Comparator.comparing(AuditEntry::at).thenComparingLong(AuditEntry::seq))
                .map(e -> new PurchaseStep(e.at(), e.type())).toList();
    }

    /** @return the purchase's instructions, for the books and the shell */
    List<BankInstructionRecord> instructions(String purchaseId) {
        return read(tx -> tx.bankInstructions().forPurchase(purchaseId));
    }
}
