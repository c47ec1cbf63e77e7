package org.accordpay.payments.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.bank.BankEvents;
import org.accordpay.api.bank.dto.BankStatusUpdate;
import org.accordpay.api.carrier.CarrierInbound;
import org.accordpay.api.carrier.dto.InboundSms;
import org.accordpay.api.challenge.dto.ChallengeVerdict;
import org.accordpay.api.courier.CourierEvents;
import org.accordpay.api.courier.dto.DeliveryEvent;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Books;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.AccountBalance;
import org.accordpay.api.purchase.dto.MerchantEvent;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseRequest;
import org.accordpay.api.purchase.dto.ReconciliationReport;

/** The services the payments component publishes, each handed to the flow or the books. */
abstract class PaymentsFacade implements PurchaseService, Books, BankEvents, CarrierInbound, CourierEvents {

    private final PurchaseFlow flow;
    private final Reconciliation books;

    PaymentsFacade(PurchaseFlow flow, Reconciliation books) {
        this.flow = flow;
        this.books = books;
    }

    PurchaseFlow flow() {
        return flow;
    }

    @Override
    public Purchase request(PurchaseRequest request) {
        return flow.request(request);
    }

    @Override
    public org.accordpay.api.purchase.dto.HostedCheckout openCheckout(PurchaseRequest request) {
        return flow.openCheckout(request);
    }

    @Override
    public Optional<org.accordpay.api.purchase.dto.CheckoutView> checkout(String token) {
        return flow.checkout(token);
    }

    @Override
    public void attachCustomer(String token, org.accordpay.api.purchase.dto.CustomerIdentifier customer) {
        flow.attachCustomer(token, customer);
    }

    @Override
    public Optional<Purchase> find(String purchaseId) {
        return flow.find(purchaseId);
    }

    @Override
    public List<Purchase> listForMerchant(String merchantId, Instant from, Instant to, String afterId, int limit) {
        return flow.listForMerchant(merchantId, from, to, afterId, limit);
    }

    @Override
    public List<Purchase> searchForMerchant(org.accordpay.api.purchase.dto.MerchantOrderQuery query, int offset,
            int limit) {
        return flow.searchForMerchant(query, offset, limit);
    }

    @Override
    public long countForMerchant(org.accordpay.api.purchase.dto.MerchantOrderQuery query) {
        return flow.countForMerchant(query);
    }

    @Override
    public Purchase markShipped(String merchantId, String purchaseId, String courier, String trackingRef) {
        return flow.markShipped(merchantId, purchaseId, courier, trackingRef);
    }

    @Override
    public Purchase confirmDelivery(String purchaseId, String source) {
        return flow.confirmDelivery(purchaseId, source);
    }

    @Override
    public Purchase cancel(String merchantId, String purchaseId, String reason) {
        return flow.cancel(merchantId, purchaseId, reason);
    }

    @Override
    public Purchase refund(String merchantId, String purchaseId, Money amount, String reason) {
        return flow.refund(merchantId, purchaseId, amount, reason);
    }

    @Override
    public Purchase openDispute(String purchaseId, String reason) {
        return flow.openDispute(purchaseId, reason);
    }

    @Override
    public Purchase resolveDispute(String purchaseId, boolean toCustomer, String operator, String reason) {
        return flow.resolveDispute(purchaseId, toCustomer, operator, reason);
    }

    @Override
    public ChallengeVerdict answer(byte[] responseEnvelope) {
        return flow.answer(responseEnvelope);
    }

    @Override
    public List<Purchase> listForCustomer(String customerId, Instant from, Instant to, String afterId, int limit) {
        return flow.listForCustomer(customerId, from, to, afterId, limit);
    }

    @Override
    public List<org.accordpay.api.purchase.dto.PurchaseStep> history(String purchaseId) {
        return flow.history(purchaseId);
    }

    @Override
    public List<Purchase> listRecent(PurchaseState state, int limit) {
        return flow.listRecent(state, limit);
    }

    @Override
    public List<MerchantEvent> merchantEvents(String merchantId, long afterSeq, int limit) {
        return flow.merchantEvents(merchantId, afterSeq, limit);
    }

    @Override
    public List<AccountBalance> balances() {
        return books.balances();
    }

    @Override
    public boolean balanced() {
        return books.balanced();
    }

    @Override
    public ReconciliationReport reconcile(String bankId) {
        return books.reconcile(bankId);
    }

    @Override
    public void statusChanged(BankStatusUpdate update) {
        flow.statusChanged(update);
    }

    @Override
    public void received(InboundSms message) {
        flow.received(message);
    }

    @Override
    public boolean delivery(DeliveryEvent event) {
        return flow.delivery(event);
    }
}
