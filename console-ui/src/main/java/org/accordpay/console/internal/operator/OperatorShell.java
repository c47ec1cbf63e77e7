package org.accordpay.console.internal.operator;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.Viewport;

/** The operator console's application shell: server push for the live figures. */
@Push
@Viewport("width=device-width, initial-scale=1")
public final class OperatorShell implements AppShellConfigurator {

    private static final long serialVersionUID = 1L;
}
