package org.accordpay.console.internal.operator;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.Locale;
import java.util.Optional;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.registry.dto.Merchant;
import org.accordpay.api.registry.dto.MerchantStatus;

/**
 * Merchants: the admission queue first (applied, then suspended, then admitted), with their quality
 * figures; admit, suspend and reinstate with a reason, as {@code accord:merchant-admit|suspend|reinstate}.
 */
@Route("merchants")
@PageTitle("Accord operator – merchants")
public final class MerchantsView extends OperatorPage {

    private static final long serialVersionUID = 1L;
    /** Merchants shown at most (the registry's largest page). */
    static final int SHOWN = 500;

    private final transient MerchantRegistry merchants;
    private final Grid<Merchant> grid = new Grid<>();
    private final ReasonedAction actions = new ReasonedAction("merchant");

    MerchantsView(MerchantRegistry merchants) {
        super("Merchants", "merchants-view");
        this.merchants = merchants;
        grid.setId("merchants-grid");
        grid.addColumn(Merchant::displayName).setHeader("Merchant").setAutoWidth(true);
        grid.addColumn(m -> m.status().name().toLowerCase(Locale.ROOT)).setHeader("Status");
        grid.addColumn(m -> m.quality().paid()).setHeader("Paid");
        grid.addColumn(m -> percent(m.quality().disputeRate())).setHeader("Disputed");
        grid.addColumn(m -> percent(m.quality().paid() == 0 ? 0 : (double) m.quality().refunded() / m.quality().paid()))
                .setHeader("Refunded");
        grid.addColumn(m -> String.join(", ", new java.util.TreeSet<>(m.conditions()))).setHeader("Conditions met");
        grid.addColumn(Merchant::id).setHeader("Id").setAutoWidth(true);
        actions.button("Admit", "merchant-admit", (who, why) -> merchants.admit(selected(), who, why), this::reload);
        actions.button("Suspend", "merchant-suspend", (who, why) -> merchants.suspend(selected(), who, why),
                this::reload);
        actions.button("Reinstate", "merchant-reinstate", (who, why) -> merchants.reinstate(selected(), who, why),
                this::reload);
        add(grid, actions);
    }

    @Override
    void entered(OperatorSession operator) {
        actions.allow(operator.mayAct());
        reload();
    }

    private String selected() {
        return Optional.ofNullable(grid.asSingleSelect().getValue()).map(Merchant::id)
                .orElseThrow(() -> new org.accordpay.api.registry.RegistryException(
                        org.accordpay.api.registry.RegistryException.INVALID_FIELD, "select a merchant first"));
    }

    private void reload() {
        grid.setItems(merchants.list(null, SHOWN).stream()
                .sorted(java.util.Comparator.comparingInt((Merchant m) -> queueOrder(m.status()))
                        .thenComparing(Merchant::createdAt))
                .toList());
    }

    private static int queueOrder(MerchantStatus s) {
        return switch (s) {
            case APPLIED -> 0;
            case SUSPENDED -> 1;
            case ADMITTED -> 2;
            case CLOSED -> 3;
        };
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }
}
