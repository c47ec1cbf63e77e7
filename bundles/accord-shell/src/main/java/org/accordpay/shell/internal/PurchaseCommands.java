package org.accordpay.shell.internal;

import java.util.concurrent.Callable;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.PurchaseException;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseItem;

/** What the purchase commands share: refusals in words, purchases and amounts on one line. */
final class PurchaseCommands {

    private PurchaseCommands() {
    }

    /** Runs an operation, turning a refusal into a clear message (thrown, so batch shells show it too). */
    static Object run(Callable<Object> operation) throws Exception {
        try {
            return operation.call();
        } catch (PurchaseException e) {
            throw new IllegalStateException("Refused [" + e.code() + "]: " + e.getMessage());
        }
    }

    /** @return "12.34 EUR" */
    static String amount(Money m) {
        long abs = Math.abs(m.minorUnits());
        return (m.minorUnits() < 0 ? "-" : "") + abs / 100 + "." + String.format("%02d", abs % 100) + " "
                + m.currency();
    }

    /** @return a minor-unit amount parsed from "12.34" or "1234" (minor units when there is no dot) */
    static long minor(String text) {
        if (text.contains(".")) {
            return new java.math.BigDecimal(text).movePointRight(2).longValueExact();
        }
        return Long.parseLong(text);
    }

    static String line(Purchase p) {
        return String.format("%-28s %-14s %-12s %14s %-5s %s", p.id(), p.state(), p.merchantId(), amount(p.total()),
                p.mode().name().toLowerCase(), p.merchantOrderRef());
    }

    static void print(Purchase p) {
        System.out.println("purchase  : " + p.id() + " (" + p.mode().name().toLowerCase() + ")");
        System.out.println("state     : " + p.state() + (p.reason() == null ? "" : " - " + p.reason()));
        System.out.println("merchant  : " + p.merchantId() + ", order " + p.merchantOrderRef());
        System.out.println("customer  : " + p.customerId());
        for (PurchaseItem item : p.items()) {
            System.out.println("  " + item.quantity() + " x " + item.name() + " at "
                    + amount(Money.of(item.unitPriceMinor(), p.total().currency())));
        }
        System.out.println("total     : " + amount(p.total()) + (p.refunded().minorUnits() == 0 ? ""
                : ", refunded " + amount(p.refunded())));
        if (p.deliveryAddress() != null) {
            var a = p.deliveryAddress();
            System.out.println("deliver to: " + a.name() + ", " + a.street().replace('\n', ' ') + ", "
                    + a.postalCode() + " " + a.city() + ", " + a.country());
        }
        if (p.courierId() != null) {
            System.out.println("shipped   : " + p.courierId() + " " + p.trackingRef());
        }
        System.out.println("created   : " + p.createdAt() + ", updated " + p.updatedAt());
    }
}
