package org.accordpay.console.internal.operator;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.concurrent.CompletableFuture;
import org.accordpay.api.operator.OperatorAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carrier and bank connector features: install, uninstall, enable (start), disable (stop), as
 * {@code feature:install}, {@code feature:uninstall}, {@code bundle:start|stop} do in the shell.
 * Each action runs in the background, is recorded in the audit trail with the operator's login,
 * and the list is pushed again when it ends.
 */
@Route("features")
@PageTitle("Accord operator – connectors")
public final class FeaturesView extends OperatorPage {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(FeaturesView.class);

    private final transient ConnectorFeatures features;
    private final transient OperatorAccounts accounts;
    private final Grid<ConnectorFeatures.ConnectorFeature> grid = new Grid<>();

    FeaturesView(ConnectorFeatures features, OperatorAccounts accounts) {
        super("Carrier and bank connectors", "features-view");
        this.features = features;
        this.accounts = accounts;
        grid.setId("features-grid");
        grid.addColumn(ConnectorFeatures.ConnectorFeature::name).setHeader("Feature").setAutoWidth(true);
        grid.addColumn(f -> !f.installed() ? "not installed" : f.active() ? "installed, enabled"
                : "installed, disabled").setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true);
        grid.addColumn(ConnectorFeatures.ConnectorFeature::description).setHeader("What").setFlexGrow(1);
        grid.setAllRowsVisible(true);
        add(new Paragraph("Installing or removing a carrier takes effect at once: routing sends to the carriers"
                + " bound now, and messages wait in the outbox while none can take them."), grid);
    }

    @Override
    void entered(OperatorSession operator) {
        reload();
    }

    private HorizontalLayout actions(ConnectorFeatures.ConnectorFeature f) {
        HorizontalLayout row = new HorizontalLayout();
        boolean mayAct = OperatorSession.current().map(OperatorSession::mayAct).orElse(false);
        if (!f.installed()) {
            row.add(button("Install", "install-" + f.name(), f.name(), "feature-installed", mayAct));
        } else {
            row.add(button("Uninstall", "uninstall-" + f.name(), f.name(), "feature-uninstalled", mayAct));
            row.add(f.active() ? button("Disable", "disable-" + f.name(), f.name(), "feature-disabled", mayAct)
                    : button("Enable", "enable-" + f.name(), f.name(), "feature-enabled", mayAct));
        }
        return row;
    }

    private Button button(String label, String id, String feature, String action, boolean mayAct) {
        Button b = new Button(label, e -> act(feature, action));
        b.setId(id);
        b.setEnabled(mayAct);
        return b;
    }

    private void act(String feature, String action) {
        OperatorSession operator = actor();
        if (operator == null) {
            return;
        }
        UI ui = UI.getCurrent();
        grid.setEnabled(false);
        // Karaf resolves and starts bundles for seconds: not on the request thread
        CompletableFuture.runAsync(() -> {
            String failure = null;
            try {
                switch (action) {
                    case "feature-installed" -> features.install(feature);
                    case "feature-uninstalled" -> features.uninstall(feature);
                    case "feature-enabled" -> features.enable(feature, true);
                    case "feature-disabled" -> features.enable(feature, false);
                    default -> throw new IllegalArgumentException(action);
                }
                accounts.record(operator.login(), action, feature, null);
            } catch (Exception e) {
                LOG.warn("{} {} by {} failed", action, feature, operator.login(), e);
                failure = e.getMessage();
            }
            String outcome = failure;
            ui.access(() -> {
                grid.setEnabled(true);
                if (outcome == null) {
                    done(feature + ": " + action.substring("feature-".length()));
                } else {
                    error(feature + ": " + outcome);
                }
                reload();
            });
        });
    }

    private void reload() {
        try {
            grid.setItems(features.list());
        } catch (Exception e) {
            error("Cannot list the features: " + e.getMessage());
        }
    }
}
