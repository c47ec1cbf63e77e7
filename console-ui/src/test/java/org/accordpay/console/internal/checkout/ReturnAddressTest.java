package org.accordpay.console.internal.checkout;

import static org.accordpay.console.internal.checkout.CheckoutDeskTest.checkout;
import static org.assertj.core.api.Assertions.assertThat;

import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.CheckoutView.BuyerState;
import org.junit.jupiter.api.Test;

/** Where the page sends the buyer back, and the words it shows on the way. */
class ReturnAddressTest {

    @Test
    void theRegisteredReturnUrlGetsThePurchaseAndItsStatusOnceTheCheckoutIsOver() {
        assertThat(ReturnAddress.of(checkout(PurchaseState.IN_ESCROW, true, "https://shop.example/thanks")))
                .hasValue("https://shop.example/thanks?purchase=pur_1&status=approved");
        assertThat(ReturnAddress.of(checkout(PurchaseState.DECLINED, true, "https://shop.example/r?order=1#top")))
                .hasValue("https://shop.example/r?order=1&purchase=pur_1&status=declined#top");
        assertThat(ReturnAddress.of(checkout(PurchaseState.EXPIRED, false, "https://shop.example/r?")))
                .hasValue("https://shop.example/r?purchase=pur_1&status=expired");
    }

    @Test
    void noAddressWhileTheBuyerHasSomethingToDoOrWithoutARegisteredUrl() {
        assertThat(ReturnAddress.of(checkout(PurchaseState.AWAITING_CUSTOMER, true, "https://shop.example/t")))
                .isEmpty();
        assertThat(ReturnAddress.of(checkout(PurchaseState.CHALLENGED, true, "https://shop.example/t"))).isEmpty();
        assertThat(ReturnAddress.of(checkout(PurchaseState.IN_ESCROW, true, null))).isEmpty();
    }

    @Test
    void everyStateHasItsOwnHeadingAndNeverNamesTheBuyer() {
        assertThat(BuyerState.values()).extracting(CheckoutWording::heading).doesNotHaveDuplicates();
        for (BuyerState state : BuyerState.values()) {
            assertThat(CheckoutWording.explanation(state)).isNotBlank().doesNotContain("+33");
        }
        // the page after a number names nobody reads as the page after a number named a customer
        assertThat(checkout(PurchaseState.AWAITING_CUSTOMER, true, null).buyerState())
                .isEqualTo(checkout(PurchaseState.CHALLENGED, true, null).buyerState());
    }
}
