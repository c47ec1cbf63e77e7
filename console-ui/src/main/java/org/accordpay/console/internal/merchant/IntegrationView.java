package org.accordpay.console.internal.merchant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.registry.MerchantKeys;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.ReturnUrls;
import org.accordpay.api.registry.dto.MerchantKey;
import org.accordpay.api.store.dto.ReturnUrlRecord;
import org.accordpay.api.webhook.WebhookEndpoints;
import org.accordpay.api.webhook.WebhookException;
import org.accordpay.api.webhook.dto.WebhookEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the merchant's systems use: API keys (add, revoke), webhook endpoints (add, disable) and
 * return URLs (register, remove), through the same services as the merchant API and the shell. Every action
 * names the session's merchant; a key or endpoint of another merchant is refused as unknown.
 */
@Route(value = "merchant/integration", layout = MerchantLayout.class)
@PageTitle("Accord – API keys and URLs")
public final class IntegrationView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(IntegrationView.class);

    private final transient MerchantKeys keys;
    private final transient WebhookEndpoints webhooks;
    private final transient ReturnUrls returnUrls;
    private final DateTimeFormatter when;

    private final Div message = new Div();
    private final Grid<MerchantKey> keyGrid = new Grid<>();
    private final Grid<WebhookEndpoint> webhookGrid = new Grid<>();
    private final Grid<ReturnUrlRecord> returnUrlGrid = new Grid<>();
    private MerchantSession account;

    /**
     * @param keys merchants' API keys; @param webhooks webhook endpoints; @param returnUrls return URLs;
     * @param zone zone of dates
     */
    public IntegrationView(MerchantKeys keys, WebhookEndpoints webhooks, ReturnUrls returnUrls, ZoneId zone) {
        this.keys = keys;
        this.webhooks = webhooks;
        this.returnUrls = returnUrls;
        this.when = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(zone);
        setId("integration-view");
        message.setId("integration-message");
        message.setVisible(false);

        keyGrid.setId("keys-grid");
        keyGrid.addColumn(MerchantKey::keyId).setHeader("Key id").setAutoWidth(true);
        keyGrid.addColumn(k -> k.mode().name().toLowerCase(Locale.ROOT)).setHeader("Mode").setAutoWidth(true);
        keyGrid.addColumn(k -> Base64.getEncoder().encodeToString(k.publicKey())).setHeader("Public key (base64)")
                .setFlexGrow(1);
        keyGrid.addColumn(k -> when.format(k.createdAt())).setHeader("Since").setAutoWidth(true);
        keyGrid.addComponentColumn(k -> {
            Button revoke = new Button("Revoke", e -> revokeKey(k.keyId()));
            revoke.setId("key-revoke-" + k.keyId());
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            return revoke;
        }).setAutoWidth(true);
        keyGrid.setAllRowsVisible(true);
        TextField publicKey = new TextField("New Ed25519 public key (base64)");
        publicKey.setId("key-public");
        publicKey.setWidth("30em");
        Select<Mode> keyMode = modeSelect("key-mode");
        Button addKey = new Button("Add key", e -> addKey(publicKey, keyMode.getValue()));
        addKey.setId("key-add");

        webhookGrid.setId("webhooks-grid");
        webhookGrid.addColumn(WebhookEndpoint::url).setHeader("URL").setFlexGrow(1);
        webhookGrid.addColumn(w -> w.mode().name().toLowerCase(Locale.ROOT)).setHeader("Mode").setAutoWidth(true);
        webhookGrid.addColumn(w -> w.disabledAt() == null ? "active" : "disabled").setHeader("Status")
                .setAutoWidth(true);
        webhookGrid.addColumn(WebhookEndpoint::deliveredUpTo).setHeader("Delivered up to #").setAutoWidth(true);
        webhookGrid.addColumn(w -> w.lastError() == null ? "" : w.lastError()).setHeader("Last error")
                .setAutoWidth(true);
        webhookGrid.addComponentColumn(w -> {
            Button disable = new Button("Disable", e -> disableWebhook(w.id()));
            disable.setId("webhook-disable-" + w.id());
            disable.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            disable.setEnabled(w.disabledAt() == null);
            return disable;
        }).setAutoWidth(true);
        webhookGrid.setAllRowsVisible(true);
        TextField url = new TextField("New webhook URL");
        url.setId("webhook-url");
        url.setWidth("30em");
        url.setPlaceholder("https://shop.example/accord-events");
        Select<Mode> webhookMode = modeSelect("webhook-mode");
        Button addWebhook = new Button("Add endpoint", e -> addWebhook(url, webhookMode.getValue()));
        addWebhook.setId("webhook-add");

        returnUrlGrid.setId("return-urls-grid");
        returnUrlGrid.addColumn(ReturnUrlRecord::url).setHeader("URL").setFlexGrow(1);
        returnUrlGrid.addColumn(r -> r.mode().name().toLowerCase(Locale.ROOT)).setHeader("Mode").setAutoWidth(true);
        returnUrlGrid.addColumn(r -> when.format(r.createdAt())).setHeader("Since").setAutoWidth(true);
        returnUrlGrid.addComponentColumn(r -> {
            Button remove = new Button("Remove", e -> removeReturnUrl(r));
            remove.setId("return-url-remove-" + r.id());
            remove.getElement().setAttribute("aria-label", "Remove " + r.url());
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            return remove;
        }).setAutoWidth(true);
        returnUrlGrid.setAllRowsVisible(true);
        returnUrlGrid.setEmptyStateText("None registered.");
        TextField returnUrl = new TextField("New return URL");
        returnUrl.setId("return-url");
        returnUrl.setWidth("30em");
        returnUrl.setPlaceholder("https://shop.example/thanks");
        Select<Mode> returnUrlMode = modeSelect("return-url-mode");
        Button addReturnUrl = new Button("Register", e -> addReturnUrl(returnUrl, returnUrlMode.getValue()));
        addReturnUrl.setId("return-url-add");

        add(message, new H3("API keys"), keyGrid, row(publicKey, keyMode, addKey), new H3("Webhook endpoints"),
                webhookGrid, row(url, webhookMode, addWebhook), new H3("Return URLs"),
                new Paragraph("A purchase may send the buyer back only to a URL registered here (or with"
                        + " POST /v1/return-urls), exactly, in the purchase's mode."), returnUrlGrid,
                row(returnUrl, returnUrlMode, addReturnUrl));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        MerchantSession.require(event).ifPresent(s -> {
            account = s;
            refresh();
        });
    }

    private void refresh() {
        String merchant = account.merchantId();
        try {
            keyGrid.setItems(keys.active(merchant));
            webhookGrid.setItems(webhooks.list(merchant));
            List<ReturnUrlRecord> urls = new ArrayList<>();
            for (Mode m : Mode.values()) {
                urls.addAll(returnUrls.list(merchant, m));
            }
            returnUrlGrid.setItems(urls);
        } catch (RuntimeException e) {
            LOG.warn("integration settings of a merchant could not be read: {}", e.toString());
            show("These settings cannot be shown right now. Please try again in a few minutes.", true);
        }
    }

    private void addKey(TextField publicKey, Mode mode) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(publicKey.getValue().strip());
        } catch (IllegalArgumentException e) {
            show("The public key must be base64.", true);
            return;
        }
        try {
            MerchantKey k = keys.register(account.merchantId(), mode, raw, actor());
            publicKey.clear();
            refresh();
            show("Key " + k.keyId() + " added.", false);
        } catch (RegistryException e) {
            show("Refused: " + e.getMessage(), true);
        }
    }

    private void revokeKey(String keyId) {
        // the key is revoked only if it is this merchant's: any other id is answered as unknown
        if (keys.find(keyId).filter(k -> k.merchantId().equals(account.merchantId())).isEmpty()) {
            show("No such key.", true);
            return;
        }
        try {
            keys.revoke(keyId, actor());
            refresh();
            show("Key " + keyId + " revoked.", false);
        } catch (RegistryException e) {
            show("Refused: " + e.getMessage(), true);
        }
    }

    private void addWebhook(TextField url, Mode mode) {
        try {
            WebhookEndpoint w = webhooks.register(account.merchantId(), url.getValue().strip(), mode, 0, actor());
            url.clear();
            refresh();
            show("Endpoint " + w.url() + " added.", false);
        } catch (WebhookException e) {
            show("Refused: " + e.getMessage(), true);
        }
    }

    private void disableWebhook(String endpointId) {
        try {
            webhooks.disable(account.merchantId(), endpointId, actor());
            refresh();
            show("Endpoint disabled.", false);
        } catch (WebhookException e) {
            show("Refused: " + e.getMessage(), true);
        }
    }

    private void addReturnUrl(TextField url, Mode mode) {
        try {
            ReturnUrls.Registration r = returnUrls.register(account.merchantId(), mode, url.getValue().strip(),
                    actor());
            url.clear();
            refresh();
            show(r.created() ? "Return URL " + r.url().url() + " registered." : "Already registered.", false);
        } catch (RegistryException e) {
            show("Refused: " + e.getMessage(), true);
        }
    }

    private void removeReturnUrl(ReturnUrlRecord r) {
        // only this merchant's URL of its mode is removed: another id is answered as unknown
        if (!returnUrls.remove(account.merchantId(), r.mode(), r.id(), actor())) {
            show("No such return URL.", true);
            return;
        }
        refresh();
        show("Return URL " + r.url() + " removed.", false);
    }

    private String actor() {
        return "merchant-console:" + account.login();
    }

    private void show(String words, boolean error) {
        message.setText(words);
        message.getStyle().set("color", error ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
        message.setVisible(true);
    }

    private static Select<Mode> modeSelect(String id) {
        Select<Mode> mode = new Select<>();
        mode.setLabel("Mode");
        mode.setId(id);
        mode.setItems(Mode.TEST, Mode.LIVE);
        mode.setItemLabelGenerator(m -> m.name().toLowerCase(Locale.ROOT));
        mode.setValue(Mode.TEST);
        return mode;
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }
}
